// Shown once, right after creating the event: the admin link is the organiser's only key, and the
// server keeps only its hash, so a lost link cannot be recovered.
import { useT } from "../../i18n/I18n";
import { adminPath, screenPath } from "../../features/links/links";
import { CopyField } from "./CopyField";

export function KeepLinkNotice(props: { code: string; adminToken: string; screenKey: string | null; onDone: () => void }) {
  const t = useT("organiser");
  const origin = window.location.origin;
  return (
    <section className="keep-link" aria-labelledby="keep-link-heading" role="alert">
      <h2 id="keep-link-heading">{t("keepHeading")}</h2>
      <p>{t("keepText")}</p>
      <CopyField wrap label={t("keepOrganiserLink")} value={`${origin}${adminPath(props.code, props.adminToken, props.screenKey)}`} />
      {props.screenKey && (
        <CopyField
          wrap
          label={t("keepProjectorLink")}
          value={`${origin}${screenPath(props.code, props.screenKey)}`}
          hint={t("keepProjectorHint")}
        />
      )}
      <button type="button" className="btn" onClick={props.onDone}>{t("keepDone")}</button>
    </section>
  );
}

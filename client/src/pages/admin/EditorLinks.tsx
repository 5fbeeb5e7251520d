// Per area, before the vote (issue 13): the rapporteur's editor link (made on demand, shown once, as
// a link to copy and a QR code to scan; a new one replaces the old), the lock against that link, and
// whether the room may suggest proposals. Its own catalog role, loaded beside the organiser's.
import { useId, useState } from "react";
import { ServerInfo, type Area } from "../../../../shared/schemas";
import { DraftingApi } from "../../api/drafting";
import { ApiError, request } from "../../api/http";
import { apiPaths, editorPath } from "../../api/paths";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import { QrCode } from "../../components/QrCode";
import type { AdminApi } from "./api";
import { CopyField } from "./CopyField";

interface Props {
  api: AdminApi;
  area: Area;
  refresh: () => Promise<void>;
}

const ROLES = ["organiser", "drafting"] as const;

export function EditorLinks(props: Props) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES} ownsDocument={false}>
      <AreaDrafting {...props} />
    </I18nProvider>
  );
}

function AreaDrafting({ api, area, refresh }: Props) {
  const t = useT("drafting");
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [made, setMade] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const draft = area.status === "draft";
  // What the organiser just asked for shows at once; the server's answer (or refusal) replaces it.
  const [asked, setAsked] = useState<{ contentLocked?: boolean; suggestions?: "open" | "off" }>({});
  const locked = asked.contentLocked ?? area.contentLocked;
  const suggestionsOpen = (asked.suggestions ?? area.suggestions) === "open";
  const toggle = (patch: { contentLocked?: boolean; suggestions?: "open" | "off" }) => {
    setAsked(patch);
    void run(() => api.patchArea(area.id, patch).then(() => undefined)).finally(() => setAsked({}));
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
    } catch (err) {
      setError(t("queueFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const createLink = () => run(async () => {
    const drafting = new DraftingApi(api.code, api.token);
    drafting.language = api.language;
    const key = await drafting.createEditorKey(area.id);
    // Phones reach the laptop by its LAN address, not by "localhost" in the organiser's own browser.
    const info = await request("GET", apiPaths.serverInfo(), ServerInfo).catch(() => null);
    const base = (info?.publicUrl ?? window.location.origin).replace(/\/+$/, "");
    setLink(base + editorPath(api.code, area.id, key));
    setMade(true);
    setConfirming(false);
  });

  return (
    <div className="area-drafting" role="group" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t("linkHeading")}</h4>
      <p className="hint">{t("linkExplain")}</p>
      {confirming ? (
        <div className="ed-actions">
          <p>{t("linkReplaceConfirm")}</p>
          <button type="button" className="btn" disabled={busy} onClick={() => void createLink()}>{t("linkReplace")}</button>
          <button type="button" className="btn secondary" disabled={busy} onClick={() => setConfirming(false)}>{t("editorCancel")}</button>
        </div>
      ) : (
        <button type="button" className="btn secondary" disabled={busy || !draft} onClick={() => (made ? setConfirming(true) : void createLink())}>
          {made ? t("linkReplace") : t("linkCreate")}
        </button>
      )}
      {link && (
        <div className="editor-link">
          <CopyField label={t("linkField", { area: area.title })} value={link} hint={t("linkShownOnce")} wrap />
          <div className="editor-link-qr"><QrCode text={link} label={t("linkQr", { area: area.title })} /></div>
        </div>
      )}
      <div className="drafting-toggles">
        <label className="check">
          <input type="checkbox" checked={locked} disabled={busy || !draft} aria-describedby={`${id}-lock`}
            onChange={(e) => toggle({ contentLocked: e.currentTarget.checked })} />
          {t("lockLabel")}
        </label>
        <p className="hint" id={`${id}-lock`}>{t("lockHint")}</p>
        <label className="check">
          <input type="checkbox" checked={suggestionsOpen} disabled={busy || !draft} aria-describedby={`${id}-sug`}
            onChange={(e) => toggle({ suggestions: e.currentTarget.checked ? "open" : "off" })} />
          {t("suggestionsLabel")}
        </label>
        <p className="hint" id={`${id}-sug`}>{t("suggestionsHint")}</p>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}

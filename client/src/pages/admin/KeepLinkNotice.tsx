// Shown once, right after creating the event: the admin link is the organiser's only key, and the
// server keeps only its hash, so a lost link cannot be recovered.
import { adminPath, screenPath } from "./links";
import { CopyField } from "./CopyField";

export function KeepLinkNotice(props: { code: string; adminToken: string; screenKey: string | null; onDone: () => void }) {
  const origin = window.location.origin;
  return (
    <section className="keep-link" aria-labelledby="keep-link-heading" role="alert">
      <h2 id="keep-link-heading">Keep this link — it is the only way back in</h2>
      <p>Anyone with this link can change and run the event. Save it somewhere safe (a password manager or a private note); it is shown only now.</p>
      <CopyField wrap label="Organiser link" value={`${origin}${adminPath(props.code, props.adminToken, props.screenKey)}`} />
      {props.screenKey && (
        <CopyField
          wrap
          label="Projector link"
          value={`${origin}${screenPath(props.code, props.screenKey)}`}
          hint="Opens the projector view. It can show hidden results but change nothing."
        />
      )}
      <button type="button" className="btn" onClick={props.onDone}>I have saved the link</button>
    </section>
  );
}

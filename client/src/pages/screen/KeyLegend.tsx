// The keys, listed on screen: a discreet line in the footer for the slide at hand, and the whole
// list on `?`, so a facilitator who has never seen Plenary can drive it from the keyboard.
import type { View } from "./screen-model";
import { KEY_LEGEND } from "./screen-model";

export function KeyHints({ view }: { view: View }) {
  return (
    <p className="foot-keys" data-testid="key-hints">
      {view.kind === "reading" ? (
        // Short here, so the join address beside it is never cut.
        <><kbd>↑</kbd> <kbd>↓</kbd> proposals · <kbd>←</kbd> <kbd>→</kbd> areas · <kbd>R</kbd> bars · <kbd>?</kbd> all keys</>
      ) : (
        <>
          <kbd>←</kbd> <kbd>→</kbd> areas · <kbd>W</kbd> {view.kind === "winners" ? "bars" : "winners"} · <kbd>R</kbd> reading · <kbd>S</kbd> summary · <kbd>J</kbd> join ·{" "}
          <kbd>F</kbd> full screen · <kbd>?</kbd> all keys
        </>
      )}
    </p>
  );
}

export function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="key-help" role="dialog" aria-modal="false" aria-labelledby="key-help-heading" data-testid="key-help" onClick={onClose}>
      <div className="key-help-box">
        <h2 id="key-help-heading">Keys</h2>
        <dl>
          {KEY_LEGEND.map((k) => (
            <div key={k.what} className="key-help-row">
              <dt>{k.keys.map((key, i) => (key === "…" ? <span key={i}> … </span> : <kbd key={i}>{key}</kbd>))}</dt>
              <dd>{k.what}</dd>
            </div>
          ))}
        </dl>
        <p className="key-help-close">Press <kbd>?</kbd> again to close</p>
      </div>
    </div>
  );
}

// The keys, listed on screen: a discreet line in the footer for the slide at hand, and the whole
// list on `?`, so a facilitator who has never seen Plenary can drive it from the keyboard. In a
// right-to-left language the arrows are listed as they act there: → back, ← on.
import { Fragment, type ReactNode } from "react";
import type { View, KeyCap } from "./screen-model";
import { areaArrows, keyLegend } from "./screen-model";
import { rich } from "./Rich";
import { useScreenWords } from "./useScreenWords";
import type { ScreenKey } from "./words";

type Hint = { keys: string[]; word: ScreenKey };

function hintsFor(view: View, arrows: string[]): Hint[] {
  // Short in reading mode, so the join address beside it is never cut.
  if (view.kind === "reading") {
    return [
      { keys: ["↑", "↓"], word: "hintProposals" },
      { keys: arrows, word: "hintAreas" },
      { keys: ["R"], word: "hintBars" },
      { keys: ["?"], word: "hintAllKeys" },
    ];
  }
  return [
    { keys: arrows, word: "hintAreas" },
    { keys: ["W"], word: view.kind === "winners" ? "hintBars" : "hintWinners" },
    { keys: ["R"], word: "hintReading" },
    { keys: ["S"], word: "hintSummary" },
    // On the evaluation slide E goes back to the summary, which S already says.
    ...(view.kind === "feedback" ? [] : [{ keys: ["E"], word: "hintFeedback" } as Hint]),
    { keys: ["J"], word: "hintJoin" },
    { keys: ["F"], word: "hintFullScreen" },
    { keys: ["?"], word: "hintAllKeys" },
  ];
}

function Caps({ keys }: { keys: readonly KeyCap[] }) {
  const { say } = useScreenWords();
  return (
    <>
      {keys.map((key, i) => (
        <Fragment key={i}>
          {i > 0 && " "}
          {key === "…" ? <span> … </span> : <kbd>{typeof key === "string" ? key : say(key.name)}</kbd>}
        </Fragment>
      ))}
    </>
  );
}

export function KeyHints({ view }: { view: View }) {
  const { say, dir } = useScreenWords();
  const hints = hintsFor(view, areaArrows(dir));
  const all = hints[hints.length - 1]!;
  // The line gives way to the join address when the footer is short of room, but "? all keys" is
  // never the part cut off: it leads to every other key.
  return (
    <p className="foot-keys" data-testid="key-hints">
      <span className="foot-keys-some">
        {hints.slice(0, -1).map((h, i) => (
          <Fragment key={h.word + i}>
            {i > 0 && " · "}
            <Caps keys={h.keys} /> {say(h.word)}
          </Fragment>
        ))}
      </span>
      <span className="foot-keys-all">· <Caps keys={all.keys} /> {say(all.word)}</span>
    </p>
  );
}

export function KeyHelp({ onClose }: { onClose: () => void }) {
  const { say, dir } = useScreenWords();
  const slots = (key: ScreenKey): ReactNode =>
    key === "legendProposals"
      ? rich((s) => say(key, { pageUp: s.pageUp ?? "", pageDown: s.pageDown ?? "" }), { pageUp: <kbd>{say("keyPageUp")}</kbd>, pageDown: <kbd>{say("keyPageDown")}</kbd> })
      : say(key);
  return (
    <div className="key-help" role="dialog" aria-modal="false" aria-labelledby="key-help-heading" data-testid="key-help" onClick={onClose}>
      <div className="key-help-box">
        <h2 id="key-help-heading">{say("keysHeading")}</h2>
        <dl>
          {keyLegend(dir).map((k) => (
            <div key={k.what} className="key-help-row">
              <dt><Caps keys={k.keys} /></dt>
              <dd>{slots(k.what)}</dd>
            </div>
          ))}
        </dl>
        {dir === "rtl" && <p className="key-help-note" data-testid="key-help-rtl">{say("arrowsRtl")}</p>}
        <p className="key-help-close">{rich((s) => say("keysClose", { key: s.key ?? "" }), { key: <kbd>?</kbd> })}</p>
      </div>
    </div>
  );
}

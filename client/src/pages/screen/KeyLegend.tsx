// The keys, listed on screen: a discreet line in the footer for the slide at hand, and the whole
// list on `?`, so a facilitator who has never seen Plenary can drive it from the keyboard. In a
// right-to-left language the arrows are listed as they act there: → back, ← on.
import { Fragment, useEffect, useLayoutEffect, useRef, type ReactNode } from "react";
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

/** The hints that need no character key: what still acts with the single-key shortcuts off. */
const WITHOUT_LETTERS: readonly ScreenKey[] = ["hintAreas", "hintProposals"];

export function KeyHints({ view, letters, onOpen }: { view: View; letters: boolean; onOpen: () => void }) {
  const { say, dir } = useScreenWords();
  const hints = hintsFor(view, areaArrows(dir));
  const all = hints[hints.length - 1]!;
  const some = hints.slice(0, -1).filter((h) => letters || WITHOUT_LETTERS.includes(h.word));
  const someRef = useRef<HTMLSpanElement>(null);
  // The line gives way to the join address when the footer is short of room: whole hints drop off
  // its end (never "S sum…", a key without its word), and "? all keys" is never the part dropped:
  // it leads to every other key, and to turning the letters off (or on again), so it is a button
  // too — reachable with Tab or a click when the letters are off. The hints wrap (flex-wrap), and
  // those that wrapped to a second line are hidden.
  // Refit when the words change (another language is another width), not only the footer.
  const shown = some.map((h) => `${h.keys.join(" ")} ${say(h.word)}`).join("|");
  useLayoutEffect(() => {
    const el = someRef.current;
    const foot = el?.closest("footer") ?? el?.parentElement;
    if (!el || !foot) return;
    const fit = () => {
      const items = Array.from(el.children) as HTMLElement[];
      for (const item of items) item.hidden = false;
      const top = items[0]?.offsetTop ?? 0;
      for (const item of items) if (item.offsetTop > top + 1) item.hidden = true;
    };
    fit();
    // The footer, not the line: hiding hints narrows the line, which would start it over.
    const observer = new ResizeObserver(fit);
    observer.observe(foot);
    return () => observer.disconnect();
  }, [shown]);
  return (
    <p className="foot-keys" data-testid="key-hints">
      <span ref={someRef} className="foot-keys-some">
        {some.map((h, i) => (
          <span key={h.word + i} className="foot-hint">
            {i > 0 && <span className="foot-sep"> · </span>}
            <Caps keys={h.keys} /> {say(h.word)}
          </span>
        ))}
      </span>
      <span className="foot-keys-all">
        ·{" "}
        <button type="button" id="key-help-open" className="foot-keys-button" onClick={onOpen}>
          {letters && <><Caps keys={all.keys} /> </>}
          {say(all.word)}
        </button>
      </span>
    </p>
  );
}

interface KeyHelpProps {
  onClose: () => void;
  letters: boolean;
  onLetters: (on: boolean) => void;
  /** Opened from the footer's button: the focus goes to the setting (closeHelp brings it back). */
  focusSetting: boolean;
}

export function KeyHelp({ onClose, letters, onLetters, focusSetting }: KeyHelpProps) {
  const { say, dir } = useScreenWords();
  const setting = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusSetting) setting.current?.focus();
  }, [focusSetting]);
  const slots = (key: ScreenKey): ReactNode =>
    key === "legendProposals"
      ? rich((s) => say(key, { pageUp: s.pageUp ?? "", pageDown: s.pageDown ?? "" }), { pageUp: <kbd>{say("keyPageUp")}</kbd>, pageDown: <kbd>{say("keyPageDown")}</kbd> })
      : say(key);
  return (
    <div className="key-help" role="dialog" aria-modal="false" aria-labelledby="key-help-heading" data-testid="key-help" onClick={onClose}>
      <div className="key-help-box">
        <h2 id="key-help-heading">{say("keysHeading")}</h2>
        {/* WCAG 2.1.4: the single-key shortcuts can be turned off; a click here must not close the list. */}
        <p className="key-help-setting" onClick={(e) => e.stopPropagation()}>
          <label>
            <input ref={setting} type="checkbox" checked={letters} onChange={(e) => onLetters(e.currentTarget.checked)} aria-describedby="key-help-setting-note" data-testid="letter-keys" />{" "}
            {say("letterKeys")}
          </label>
          <span id="key-help-setting-note" className="key-help-setting-note">{say(letters ? "letterKeysOnNote" : "letterKeysOffNote")}</span>
        </p>
        <dl>
          {keyLegend(dir).map((k) => (
            <div key={k.what} className="key-help-row">
              <dt><Caps keys={k.keys} /></dt>
              <dd>{slots(k.what)}</dd>
            </div>
          ))}
        </dl>
        {dir === "rtl" && <p className="key-help-note" data-testid="key-help-rtl">{say("arrowsRtl")}</p>}
        <p className="key-help-close">{letters ? rich((s) => say("keysClose", { key: s.key ?? "" }), { key: <kbd>?</kbd> }) : rich((s) => say("keysCloseEsc", { key: s.key ?? "" }), { key: <kbd>{say("keyEsc")}</kbd> })}</p>
      </div>
    </div>
  );
}

// The projector: join panel; per area its live bars, its winners in full, or reading mode (its
// proposals in full, before voting); the summary. Driven from the keyboard (or a clicker),
// so the facilitator never needs the mouse on stage. `?mini=1` drops the chrome for the organiser
// page's live miniature; everything is sized in units of the viewport, so it scales down whole.
// It speaks the event's language (Event.language), whatever the laptop's browser prefers; a
// projector link may pin another with `?lang=` (an unknown one is ignored).
import { useCallback, useEffect, useMemo, useRef, useState, useLayoutEffect } from "react";
import type { Language } from "../../../../shared/i18n/languages";
import { chooseLanguage } from "../../i18n/choose";
import { I18nProvider } from "../../i18n/I18n";
import { keyFromHash } from "../../routes";
import { AreaSlide } from "./AreaSlide";
import { JoinPanel } from "./JoinPanel";
import { KeyHelp, KeyHints } from "./KeyLegend";
import { FeedbackSlide } from "./FeedbackSlide";
import { ReadingSlide } from "./ReadingSlide";
import { rich } from "./Rich";
import { SummarySlide } from "./SummarySlide";
import { WinnersSlide } from "./WinnersSlide";
import { useScreenData, type ScreenData } from "../../features/live/useScreenData";
import { useScreenWords } from "./useScreenWords";
import { hashWithView, isAreaView, keyAction, keyForControl, participantUrl, sameView, validView, viewFromHash, type View } from "./screen-model";
import { loadLetterKeys, saveLetterKeys } from "./letterKeys";
import "./screen.css";

function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  } else {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
}

// rules: the method sentence under an area's title, the same words the phones show.
const ROLES = ["common", "rules", "screen"] as const;

export default function ScreenPage({ code }: { code: string }) {
  const screenKey = useMemo(() => keyFromHash(window.location.hash), []);
  const mini = useMemo(() => new URLSearchParams(window.location.search).get("mini") === "1", []);
  const data = useScreenData(code, screenKey);
  const lang = chooseLanguage({ eventLanguage: data.event?.language ?? null, followBrowser: false });
  const cls = `screen${mini ? " mini" : ""}`;
  return (
    <I18nProvider lang={lang} roles={ROLES} fallback={<main className={cls} />}>
      <Projector code={code} mini={mini} cls={cls} lang={lang} screenKey={screenKey} {...data} />
    </I18nProvider>
  );
}

/** What the live data hook gives (spread in), with the page's own choices. */
interface ProjectorProps extends ScreenData {
  code: string;
  mini: boolean;
  cls: string;
  /** The language wanted; until its catalogs are in, the slides wait rather than flash another language. */
  lang: Language;
  screenKey: string | null;
}

function Projector({ code, mini, cls, lang, event, results, publicUrl, live, fatal, feedback, screenKey }: ProjectorProps) {
  const { say, dir, lang: shown } = useScreenWords();
  const [wanted, setWanted] = useState<View>(() => viewFromHash(window.location.hash) ?? { kind: "join" });
  const areas = useMemo(() => [...(event?.areas ?? [])].sort((a, b) => a.position - b.position), [event]);
  const view = event ? validView(wanted, areas) : wanted;
  const [help, setHelp] = useState<false | "key" | "button">(false);
  const [letters, setLetters] = useState(loadLetterKeys);
  // Closing the list removes a focused setting: the focus goes back to the footer's button, not the page.
  const closeHelp = useCallback(() => {
    if (document.querySelector("[data-testid=key-help]")?.contains(document.activeElement)) document.getElementById("key-help-open")?.focus();
    setHelp(false);
  }, []);
  const chooseLetters = useCallback((on: boolean) => {
    saveLetterKeys(on);
    setLetters(on);
  }, []);

  // The key handler reads the latest view and areas through a ref, so it is bound once.
  const latest = useRef({ view, areas, dir, letters, help });
  latest.current = { view, areas, dir, letters, help };
  const go = useCallback((next: View) => {
    setWanted((cur) => (sameView(cur, next) ? cur : next));
  }, []);

  // Bound in a layout effect, so a key pressed as the first slide appears is not lost waiting for
  // the next frame, when a plain effect would run.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key meant for a focused control (the shortcuts setting, the keys button) is its own.
      if (keyForControl(e, e.target as HTMLInputElement | null)) return;
      if (latest.current.help && e.key === "Escape") {
        e.preventDefault();
        closeHelp();
        return;
      }
      const action = keyAction(e, latest.current.view, latest.current.areas, latest.current.dir, latest.current.letters);
      if (!action) return;
      e.preventDefault();
      if (action.kind === "fullscreen") toggleFullscreen();
      else if (action.kind === "help") setHelp((h) => (h ? false : "key"));
      else go(action.view);
    };
    // The organiser page may steer its miniature by changing the fragment's view.
    const onHash = () => {
      const v = viewFromHash(window.location.hash);
      if (v) go(v);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("hashchange", onHash);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("hashchange", onHash);
    };
  }, [go, closeHelp]);

  // A layout effect, not an effect: under preact/compat an effect waits for the next frame, and a
  // reload in that moment would forget the slide the facilitator just moved to.
  useLayoutEffect(() => {
    const hash = hashWithView(window.location.hash, view);
    if (hash !== window.location.hash) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
  }, [view]);

  useEffect(() => {
    if (event) document.title = say("documentTitle", { event: event.title });
  }, [event, say]);

  // A blind facilitator hears where a key press led ("Area 2 of 4. Public health"); nothing has
  // focus on the stage, so the slide's own eyebrow and heading are read out through a live region.
  const [spoken, setSpoken] = useState("");
  const viewKey = `${view.kind}:${isAreaView(view) ? view.areaId : ""}:${view.kind === "reading" ? view.page : ""}:${shown}:${event ? "1" : "0"}`;
  useEffect(() => {
    const slide = document.querySelector(".slide");
    const parts = [slide?.querySelector(".eyebrow"), slide?.querySelector("h1")].map((el) => el?.textContent?.trim() ?? "");
    setSpoken(parts.filter(Boolean).join(". "));
  }, [viewKey]);

  const url = participantUrl(publicUrl, window.location.origin, event?.code ?? code);

  if (fatal) {
    const badLink = fatal === "UNAUTHORIZED" || fatal === "FORBIDDEN";
    return (
      <main className={cls}>
        <div className="stage stage-message">
          <h1>{say(badLink ? "linkBroken" : "cannotStart")}</h1>
          <p>{badLink ? say("linkBrokenWhy") : fatal === "NOT_FOUND" ? say("noSuchEvent") : say("refused", { code: fatal })}</p>
          <p>{say("openAgain")}</p>
        </div>
      </main>
    );
  }
  if (!event || shown !== lang) {
    return (
      <main className={cls}>
        <div className="stage stage-message"><p role="status">{say("connecting")}</p></div>
      </main>
    );
  }

  let slide;
  if (isAreaView(view)) {
    const index = areas.findIndex((a) => a.id === view.areaId);
    const area = areas[index];
    const areaResults = results?.areas.find((a) => a.id === view.areaId);
    if (area && view.kind === "area") slide = <AreaSlide event={event} area={area} results={areaResults} index={index} total={areas.length} />;
    else if (area && view.kind === "winners") slide = <WinnersSlide event={event} area={area} results={areaResults} index={index} total={areas.length} />;
    else if (area && view.kind === "reading") slide = <ReadingSlide key={area.id} area={area} page={view.page} index={index} total={areas.length} />;
  } else if (view.kind === "summary") {
    slide = <SummarySlide event={event} results={results} />;
  } else if (view.kind === "feedback") {
    slide = <FeedbackSlide event={event} pushed={feedback} screenKey={screenKey} />;
  }
  // Turnout counts people who voted, against those expected; never devices that merely opened the page.
  const turnout = results ? { voters: results.voters, expected: event.expectedParticipants } : null;
  slide ??= <JoinPanel title={event.title} url={url} code={event.code} turnout={turnout} />;

  return (
    <main className={cls} data-view={view.kind}>
      <div className="stage">
        {slide}
        {!live && <p className="offline" role="status">{say("reconnecting")}</p>}
        {!mini && (
          <footer className="screen-foot">
            <p className="foot-join">
              {view.kind === "join"
                ? "\u00a0"
                : rich((s) => say("footJoin", { url: s.url ?? "", code: s.code ?? "" }), {
                    url: <strong><bdi dir="ltr">{url}</bdi></strong>,
                    code: <strong><bdi dir="ltr">{event.code}</bdi></strong>,
                  })}
            </p>
            <KeyHints view={view} letters={letters} onOpen={() => setHelp((h) => (h ? false : "button"))} />
          </footer>
        )}
        {help && !mini && <KeyHelp letters={letters} onLetters={chooseLetters} focusSetting={help === "button"} onClose={closeHelp} />}
        {!mini && <p className="visually-hidden" aria-live="polite" data-testid="slide-spoken">{spoken}</p>}
      </div>
    </main>
  );
}

// The projector: join panel; per area its live bars, its winners in full, or reading mode (its
// proposals in full, before voting); the summary. Driven from the keyboard (or a clicker),
// so the facilitator never needs the mouse on stage. `?mini=1` drops the chrome for the organiser
// page's live miniature; everything is sized in units of the viewport, so it scales down whole.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorText } from "../../api/errors";
import { keyFromHash } from "../../routes";
import { AreaSlide } from "./AreaSlide";
import { JoinPanel } from "./JoinPanel";
import { KeyHelp, KeyHints } from "./KeyLegend";
import { ReadingSlide } from "./ReadingSlide";
import { SummarySlide } from "./SummarySlide";
import { WinnersSlide } from "./WinnersSlide";
import { useScreenData } from "./useScreenData";
import { hashWithView, isAreaView, keyAction, participantUrl, sameView, validView, viewFromHash, type View } from "./screen-model";
import "./screen.css";

function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    void document.exitFullscreen().catch(() => undefined);
  } else {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
}

export default function ScreenPage({ code }: { code: string }) {
  const screenKey = useMemo(() => keyFromHash(window.location.hash), []);
  const mini = useMemo(() => new URLSearchParams(window.location.search).get("mini") === "1", []);
  const { event, results, publicUrl, live, fatal } = useScreenData(code, screenKey);
  const [wanted, setWanted] = useState<View>(() => viewFromHash(window.location.hash) ?? { kind: "join" });
  const areas = useMemo(() => [...(event?.areas ?? [])].sort((a, b) => a.position - b.position), [event]);
  const view = event ? validView(wanted, areas) : wanted;
  const [help, setHelp] = useState(false);

  // The key handler reads the latest view and areas through a ref, so it is bound once.
  const latest = useRef({ view, areas });
  latest.current = { view, areas };
  const go = useCallback((next: View) => {
    setWanted((cur) => (sameView(cur, next) ? cur : next));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e, latest.current.view, latest.current.areas);
      if (!action) return;
      e.preventDefault();
      if (action.kind === "fullscreen") toggleFullscreen();
      else if (action.kind === "help") setHelp((h) => !h);
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
  }, [go]);

  useEffect(() => {
    const hash = hashWithView(window.location.hash, view);
    if (hash !== window.location.hash) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${hash}`);
  }, [view]);

  useEffect(() => {
    if (event) document.title = `${event.title} · Plenary projector`;
  }, [event]);

  const url = participantUrl(publicUrl, window.location.origin, event?.code ?? code);
  const cls = `screen${mini ? " mini" : ""}`;

  if (fatal) {
    return (
      <main className={cls}>
        <div className="stage stage-message">
          <h1>{fatal === "UNAUTHORIZED" || fatal === "FORBIDDEN" ? "This projector link does not work" : "The projector cannot start"}</h1>
          <p>{errorText(fatal)}</p>
          <p>Open the projector link again from the organiser page.</p>
        </div>
      </main>
    );
  }
  if (!event) {
    return (
      <main className={cls}>
        <div className="stage stage-message"><p role="status">Connecting…</p></div>
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
  }
  // Turnout counts people who voted, against those expected; never devices that merely opened the page.
  const turnout = results ? { voters: results.voters, expected: event.expectedParticipants } : null;
  slide ??= <JoinPanel title={event.title} url={url} code={event.code} turnout={turnout} />;

  return (
    <main className={cls} data-view={view.kind}>
      <div className="stage">
        {slide}
        {!live && <p className="offline" role="status">Reconnecting… numbers may be behind</p>}
        {!mini && (
          <footer className="screen-foot">
            <p className="foot-join">{view.kind === "join" ? "\u00a0" : <>Join at <strong>{url}</strong> · code <strong>{event.code}</strong></>}</p>
            <KeyHints view={view} />
          </footer>
        )}
        {help && !mini && <KeyHelp onClose={() => setHelp(false)} />}
      </div>
    </main>
  );
}

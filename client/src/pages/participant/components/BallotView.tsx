// The ballot: a short summary, then every area as a section. Taps go through the shared rule
// (toggleChoice), so a refusal is explained on the phone in the same words the server would use.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Area, Event } from "../../../../../shared/schemas";
import { toggleChoice } from "../../../../../shared/rules";
import { proposalOrder } from "../../../../../shared/shuffle";
import { IDLE, shownChoice, type SaveState } from "../sync";
import { useLiveBallot } from "../useLiveBallot";
import { AreaSection } from "./AreaSection";
import { VoteSummary } from "./VoteSummary";

interface Props {
  code: string;
  token: string;
  initialEvent: Event;
  onTokenRefused: () => void;
}

export function BallotView({ code, token, initialEvent, onTokenRefused }: Props) {
  const { event, snapshot, loaded, connection, choose, retry } = useLiveBallot(code, token, initialEvent, onTokenRefused);
  const [notices, setNotices] = useState<Record<string, string>>({});

  useEffect(() => {
    document.title = `${event.title} — vote`;
  }, [event.title]);

  const areas = useMemo(() => [...event.areas].sort((a, b) => a.position - b.position), [event.areas]);
  // The token seeds the order: the same on every reload and tab, different from the neighbour's phone.
  const ordered = useMemo(
    () => new Map(areas.map((a) => [a.id, proposalOrder(a.proposals, event.proposalOrder, token, a.id)])),
    [areas, event.proposalOrder, token],
  );

  const chosenIn = useCallback(
    (areaId: string) => shownChoice(snapshot.areas[areaId], snapshot.confirmed[areaId]),
    [snapshot],
  );

  const onToggle = useCallback(
    (area: Area, proposalId: string) => {
      const result = toggleChoice(area, chosenIn(area.id), proposalId);
      setNotices((n) => ({ ...n, [area.id]: result.ok ? "" : result.message }));
      if (result.ok) choose(area.id, result.proposalIds);
    },
    [chosenIn, choose],
  );

  const votedIn = areas.filter((a) => chosenIn(a.id).length > 0).length;

  return (
    <main className="page participant" aria-busy={!loaded}>
      <header className="pp-head">
        <p className="pp-kicker">Prioritisation vote</p>
        <h1>{event.title}</h1>
        <p className="pp-help">
          Tick the proposals you support in each area. Each change is saved at once, and you can change your mind
          until the area closes. Your choices are anonymous.
        </p>
        <VoteSummary votedIn={votedIn} areaCount={areas.length} areas={areas} chosenIn={chosenIn} />
      </header>
      {areas.length === 0 ? <p className="pp-empty">There is nothing to vote on yet. This page updates by itself.</p> : null}
      {areas.map((area) => {
        const confirmed = snapshot.confirmed[area.id] ?? [];
        return (
          <AreaSection
            key={area.id}
            area={area}
            ordered={ordered.get(area.id) ?? []}
            chosen={chosenIn(area.id)}
            state={shownState(area, (snapshot.areas[area.id] ?? IDLE).state)}
            hasServerChoice={loaded && confirmed.length > 0}
            notice={notices[area.id] || null}
            onToggle={onToggle}
            onRetry={retry}
          />
        );
      })}
      {areas.length > 0 ? (
        <footer className="pp-foot">
          <p>You have voted in {votedIn} of {areas.length} {areas.length === 1 ? "area" : "areas"}.</p>
          <p><a href="#top" onClick={(e) => { e.preventDefault(); window.scrollTo({ top: 0 }); }}>Back to the top</a></p>
        </footer>
      ) : null}
      {connection === "lost" ? (
        <p className="pp-connection" role="status">
          No connection. Your choices are kept and sent when it returns.
        </p>
      ) : null}
    </main>
  );
}

/** "Not saved: voting is closed" stops being true when the facilitator reopens the area. */
function shownState(area: Area, state: SaveState): SaveState {
  return state.kind === "refused" && state.code === "VOTING_CLOSED" && area.status === "open" ? IDLE.state : state;
}

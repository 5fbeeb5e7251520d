// The ballot: a short summary, then every area as a section. Taps go through the shared rule
// (toggleBallot), so a refusal is explained on the phone in the same words the server would use.
// Looking is free: the phone joins only when its first choice is sent (see writeQueue.ts). When every
// area is closed the page says the vote has ended and shows what the room may see of the results.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { Area, Event } from "../../../../../shared/schemas";
import { methodOf, sameBallot, type RuleCheck } from "../../../../../shared/rules";
import { proposalOrder } from "../../../../../shared/shuffle";
import { IDLE, shownChoice, type SaveState } from "../sync";
import { browserStore, orderSeed } from "../deviceStore";
import { failureCode } from "../useSession";
import type { PhoneText } from "../text";
import { usePhoneText } from "../useText";
import type { Participation } from "../participation";
import { useLiveBallot, type Connection } from "../useLiveBallot";
import { AreaSection, type BallotChange } from "./AreaSection";
import { CardEntry } from "./CardEntry";
import { EndedView } from "./EndedView";
import { VoteSummary } from "./VoteSummary";

interface Props {
  code: string;
  participation: Participation;
  initialEvent: Event;
  initialVersion: string | null;
  onTokenRefused: () => void;
}

const store = browserStore();

// The evaluation form is its own chunk (with its own catalog role), fetched only once the form opens:
// the join → first saved vote budget never carries it.
const FeedbackPanel = lazy(() => import("../feedback/FeedbackPanel"));
const SuggestPanel = lazy(() => import("../suggest/SuggestPanel"));

export function BallotView({ code, participation, initialEvent, initialVersion, onTokenRefused }: Props) {
  const { event, results, token, snapshot, loaded, connection, choose, retry } = useLiveBallot(
    code,
    participation,
    initialEvent,
    initialVersion,
    onTokenRefused,
  );
  const text = usePhoneText();
  const { t } = text;
  const [notices, setNotices] = useState<Record<string, string>>({});
  // Chosen before the phone joins, so the order stays put when the token arrives at the first tap.
  const [seed] = useState(() => orderSeed(store, code));

  useEffect(() => {
    document.title = t("docTitle", { event: event.title });
  }, [event.title, t]);

  const areas = useMemo(() => [...event.areas].sort((a, b) => a.position - b.position), [event.areas]);
  const ordered = useMemo(
    () => new Map(areas.map((a) => [a.id, proposalOrder(a.proposals, event.proposalOrder, seed, a.id)])),
    [areas, event.proposalOrder, seed],
  );

  const chosenIn = useCallback(
    (areaId: string) => shownChoice(snapshot.areas[areaId], snapshot.confirmed[areaId]),
    [snapshot],
  );
  // A held choice equal to what the server holds anyway (another tab sent it) is nothing to offer.
  // Compared as the area counts: a held ranking in another order is still a different ballot.
  const heldIn = useCallback(
    (areaId: string) => {
      const held = snapshot.held[areaId];
      const method = methodOf(areas.find((a) => a.id === areaId) ?? {});
      return held && !sameBallot(method, held, snapshot.confirmed[areaId] ?? []) ? held : null;
    },
    [snapshot, areas],
  );

  // Every tap goes through a shared rule (toggle, a dot more or less, a move), worked out from the
  // latest choice; a refusal is said in the area's notice in the rule's words, and nothing is sent.
  const onChange = useCallback(
    (area: Area, change: BallotChange): RuleCheck => {
      const current = chosenIn(area.id);
      const result = change(current);
      setNotices((n) => ({ ...n, [area.id]: result.ok ? "" : text.rule(result) }));
      // A move at either end changes nothing: nothing to send.
      if (result.ok && !sameBallot(methodOf(area), result.proposalIds, current)) choose(area.id, result.proposalIds);
      return result;
    },
    [chosenIn, choose, text],
  );
  const onSendHeld = useCallback((area: Area, ids: readonly string[]) => choose(area.id, [...ids]), [choose]);

  const redeem = useCallback(
    (invite: string) =>
      participation.redeem(invite).then(
        () => null,
        (err: unknown) => failureCode(err),
      ),
    [participation],
  );

  // Mounted from the moment the form opens, and kept when it closes (it then says thank you).
  const [formSeen, setFormSeen] = useState(event.feedbackStatus === "open");
  useEffect(() => {
    if (event.feedbackStatus === "open") setFormSeen(true);
  }, [event.feedbackStatus]);
  const feedback = formSeen && event.feedbackStatus !== "draft" ? (
    <Suspense fallback={null}>
      <FeedbackPanel code={code} participation={participation} status={event.feedbackStatus} />
    </Suspense>
  ) : null;

  // Mounted once an area opens for suggestions (issue 13), and kept: the phone follows its suggestions' status.
  const suggestOpen = areas.some((a) => a.status === "draft" && a.suggestions === "open");
  const [suggestSeen, setSuggestSeen] = useState(suggestOpen);
  useEffect(() => {
    if (suggestOpen) setSuggestSeen(true);
  }, [suggestOpen]);

  const votedIn = areas.filter((a) => chosenIn(a.id).length > 0).length;
  const anyOpen = areas.some((a) => a.status === "open");
  const ended = areas.length > 0 && areas.every((a) => a.status === "closed");
  const waiting = areas.some((a) => a.status === "open" && (snapshot.areas[a.id]?.want ?? null) !== null);
  const tapped = Object.values(snapshot.areas).some((s) => s.want !== null || s.inFlight !== null);
  const joined = token !== null;

  return (
    <main className="page participant" aria-busy={!loaded}>
      <header className="pp-head">
        <p className="pp-kicker">{t("kicker")}</p>
        <h1 dir="auto">{event.title}</h1>
        {ended ? null : (
          <p className="pp-help">
            {t(!anyOpen ? "helpNotOpen" : areas.every((a) => methodOf(a) === "approval") ? "helpOpen" : "helpOpenMixed")}
          </p>
        )}
        {ended ? null : <VoteSummary votedIn={votedIn} areaCount={areas.length} areas={areas} chosenIn={chosenIn} />}
      </header>
      {!ended && !joined && !tapped && event.access === "open" ? <CardEntry onRedeem={redeem} /> : null}
      {areas.length === 0 ? <p className="pp-empty">{t("nothingYet")}</p> : null}
      {ended ? (
        <EndedView
          areas={areas}
          results={results}
          liveResults={event.resultsVisibility === "live"}
          joined={joined}
          chosenIn={chosenIn}
          heldIn={heldIn}
        />
      ) : (
        areas.map((area) => {
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
              held={heldIn(area.id)}
              onChange={onChange}
              onRetry={retry}
              onSendHeld={onSendHeld}
            />
          );
        })
      )}
      {suggestSeen && !ended ? <Suspense fallback={null}><SuggestPanel code={code} participation={participation} areas={areas} /></Suspense> : null}
      {feedback}
      {areas.length > 0 && !ended ? (
        <footer className="pp-foot">
          <p>{t("votedIn", { voted: votedIn, areas: areas.length })}</p>
          <p><a href="#top" onClick={(e) => { e.preventDefault(); window.scrollTo({ top: 0 }); }}>{t("backToTop")}</a></p>
        </footer>
      ) : null}
      <ConnectionBanner connection={connection} waiting={waiting} ended={ended} text={text} />
    </main>
  );
}

/** The banner says what a lost connection means now, never something the areas' state contradicts. */
function ConnectionBanner(props: { connection: Connection; waiting: boolean; ended: boolean; text: PhoneText }) {
  const { connection, waiting, ended, text } = props;
  if (connection !== "lost") return null;
  return <p className="pp-connection" role="status">{text.t(waiting ? "connWaiting" : ended ? "connEnded" : "connIdle")}</p>;
}

/** "Not saved: voting is closed" stops being true when the facilitator reopens the area. */
function shownState(area: Area, state: SaveState): SaveState {
  return state.kind === "refused" && state.code === "VOTING_CLOSED" && area.status === "open" ? IDLE.state : state;
}

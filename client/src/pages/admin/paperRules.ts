// Paper ballots follow the phone's rules (shared/rules.ts) with one difference the server makes too
// (checkAreaBallot's `paper` option): a closed area still takes them, because the paper was filled
// in while it was open and is typed in afterwards. A draft area never does.
// Per method the paper carries: approval a tick per proposal; dots a number of dots per proposal;
// ranking a place (1, 2, 3…) per proposal. The form types those in as they are written, and
// paperBallotOf turns them into the API's list (dots: an id once per dot; ranking: ids by place).
import { checkBallot, methodOf, toggleBallot, type RuleCheck } from "../../../../shared/rules";
import type { Area } from "../../../../shared/schemas";
import type { Params } from "../../../../shared/i18n/message";

export function takesPaper(area: Pick<Area, "status">): boolean {
  return area.status !== "draft";
}

function asOpen(area: Area): Area {
  return { ...area, status: takesPaper(area) ? "open" : area.status };
}

/** A tick on the paper form: the phone's toggle, with a closed area read as open; a refusal is a `rules` key. */
export function togglePaper(area: Area, chosen: readonly string[], proposalId: string): RuleCheck {
  return toggleBallot(asOpen(area), chosen, proposalId);
}

/** A refusal of the typed-in numbers: a sentence of the `rules` catalog, or of `cards` (how places are written). */
export type PaperProblem = { ok: false; role: "rules" | "cards"; key: string; params: Params };
export type PaperCheck = { ok: true; proposalIds: string[] } | PaperProblem;

/**
 * The numbers written beside an area's proposals (dots, or places for a ranking), as typed: empty
 * and 0 mean none. Dots: the id repeated once per dot. Ranking: the ids in the order of their
 * places, which must run 1, 2, 3… — a place written twice or a gap is refused, since the paper
 * then says nothing clear and the organiser must decide how to read it.
 */
export function paperBallotOf(area: Area, written: Readonly<Record<string, string>>): PaperCheck {
  const method = methodOf(area);
  const numbers = area.proposals.flatMap((p) => {
    const raw = (written[p.id] ?? "").trim();
    const n = raw === "" ? 0 : Number(raw);
    return n === 0 ? [] : [{ id: p.id, n }];
  });
  for (const { n } of numbers) {
    if (!Number.isInteger(n) || n < 0) return { ok: false, role: "cards", key: "paperNotNumber", params: { area: area.title } };
  }
  let ids: string[];
  if (method === "ranking") {
    const byPlace = [...numbers].sort((a, b) => a.n - b.n);
    for (let i = 0; i < byPlace.length; i++) {
      const at = byPlace[i]?.n ?? 0;
      if (at === byPlace[i - 1]?.n) return { ok: false, role: "cards", key: "paperPlaceTwice", params: { area: area.title, n: at } };
      if (at !== i + 1) return { ok: false, role: "cards", key: "paperPlaceGap", params: { area: area.title, n: i + 1 } };
    }
    ids = byPlace.map((x) => x.id);
  } else {
    ids = numbers.flatMap(({ id, n }) => Array.from({ length: n }, () => id));
  }
  const check = checkBallot(asOpen(area), ids);
  return check.ok ? check : { ok: false, role: "rules", key: check.key, params: check.params };
}

// The full-length 2017 forum with its first area by dots and its second by ranking (issue 15), and
// 54 people voting in both by a fixed plan, so a test knows every count beforehand. The plan's
// counts are written out here by hand (not computed with shared/rules.ts), so a test can fail when
// the server or a page counts them another way.
import type { CreateEventBody } from "../../shared/schemas";
import { demoEventBody } from "../../server/demo";
import { createEvent, join, vote, type CreatedTestEvent } from "./app";

export const PEOPLE = 54;
/** Area 0's dots (5 each, at most 3 on one proposal) and area 1's ranking (3 places, Borda points). */
export const DOTS = { maxVotes: 5, maxPerProposal: 3 } as const;
export const RANKING = { maxVotes: 3 } as const;

/** The forum, area 0 by dots (5 each, at most 3 on one proposal), area 1 by ranking (3 places). */
export function methodsForumBody(overrides: Partial<CreateEventBody> = {}): CreateEventBody {
  const body = demoEventBody();
  const areas = body.areas ?? [];
  return {
    ...body,
    // The tests read every count at once: bars at every ballot (live batches have their own tests).
    liveBatchSeconds: 0,
    ...overrides,
    areas: areas.map((a, i) => (i === 0 ? { ...a, method: "dots", ...DOTS } : i === 1 ? { ...a, method: "ranking", ...RANKING } : a)),
  };
}

export function createMethodsForum(url: string, overrides: Partial<CreateEventBody> = {}): Promise<CreatedTestEvent> {
  return createEvent(url, methodsForumBody(overrides));
}

/**
 * Person p's ballots, by proposal index: dots — p < 20: 3 on #0, 2 on #1; p < 40: 3 on #1, 2 on #2;
 * else 3 on #2, 1 on #0, 1 on #3. Ranking — p < 30: #0, #1, #2; else #1, #2, #3.
 */
export function planOf(p: number): { dots: number[]; ranking: number[] } {
  const dots = p < 20 ? [0, 0, 0, 1, 1] : p < 40 ? [1, 1, 1, 2, 2] : [2, 2, 2, 0, 3];
  const ranking = p < 30 ? [0, 1, 2] : [1, 2, 3];
  return { dots, ranking };
}

/**
 * The plan's results, by proposal index. Dots: #1 100 (20×2 + 20×3), #2 82 (20×2 + 14×3), #0 74
 * (20×3 + 14), #3 14. Ranking (3, 2, 1 points): #1 132 points from 54 ballots (30×2 + 24×3),
 * #0 90 from 30 (30×3), #2 78 from 54 (30×1 + 24×2), #3 24 from 24 — so #2 has more ballots
 * than #0 and still ranks below it: the rows are ranked by points.
 */
export const EXPECTED = {
  dots: [{ index: 1, dots: 100 }, { index: 2, dots: 82 }, { index: 0, dots: 74 }, { index: 3, dots: 14 }],
  ranking: [{ index: 1, points: 132, ballots: 54 }, { index: 0, points: 90, ballots: 30 }, { index: 2, points: 78, ballots: 54 }, { index: 3, points: 24, ballots: 24 }],
} as const;

/** 54 people join and vote in the dots and ranking areas by the plan (the areas must be open). */
export async function voteThePlan(url: string, ev: CreatedTestEvent, people = PEOPLE): Promise<string[]> {
  const [dotsArea, rankArea] = ev.event.areas;
  if (!dotsArea || !rankArea) throw new Error("the forum has no two areas");
  const tokens: string[] = [];
  for (let p = 0; p < people; p++) {
    const token = await join(url, ev.code);
    tokens.push(token);
    const plan = planOf(p);
    for (const [area, picks] of [[dotsArea, plan.dots], [rankArea, plan.ranking]] as const) {
      const res = await vote(url, ev.code, token, area.id, picks.map((i) => area.proposals[i]!.id));
      if (res.status !== 200) throw new Error(`vote of person ${p} in ${area.title}: ${res.status} ${res.text}`);
    }
  }
  return tokens;
}

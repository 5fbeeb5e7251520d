// The full-length 2017 forum as the tests replay it: the demo event's fixture, and 54 people whose
// two votes per area make the forum's reported top three come out first, second and third.
import { readFileSync } from "node:fs";
import type { Area } from "../../shared/schemas";
import { join, vote, type CreatedTestEvent } from "./app";

export interface FullForum {
  event: { title: string; participants: number; votesPerArea: number };
  areas: Array<{ title: string; prefix: string; proposals: Array<{ text: string }>; reportedTop3: number[] }>;
}

export const FORUM = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017-full.json", import.meta.url), "utf8")) as FullForum;

/** Votes for the reported 1st, 2nd and 3rd of an area; the remaining votes spread over the others. */
export type TopVotes = readonly [number, number, number];

/**
 * Every person's two picks in an area so that the reported top three get exactly `top` votes.
 * The 2 × people slots are filled in order — first choices of person 0, 1, …, then second choices —
 * with the 1st's votes, then the 2nd's, then the 3rd's, then the others by person. A run of one
 * proposal is never longer than `people`, so no person names the same proposal twice.
 */
export function forumBallots(area: Area, reported: readonly number[], people: number, top: TopVotes): string[][] {
  const ids = reported.map((i) => area.proposals[i]!.id);
  const others = area.proposals.map((p) => p.id).filter((id) => !ids.includes(id));
  if (top.some((n) => n > people) || top[0] + top[1] + top[2] > 2 * people) throw new Error(`cannot give ${top.join("/")} votes with ${people} people`);
  const ballots: string[][] = Array.from({ length: people }, () => []);
  const bounds = [top[0], top[0] + top[1], top[0] + top[1] + top[2]];
  for (let slot = 0; slot < 2 * people; slot++) {
    const person = slot % people;
    const run = bounds.findIndex((b) => slot < b);
    let id = run >= 0 ? ids[run]! : others[person % others.length]!;
    // Only when the three take fewer than `people` slots can a person's two picks both be "others".
    if (ballots[person]!.includes(id)) id = others[(person + 1) % others.length]!;
    ballots[person]!.push(id);
  }
  return ballots;
}

/**
 * `people` join (or use the given tokens) and vote in every area of the forum with `top` votes for
 * its reported top three (a function picks them per area, e.g. to tie one area's 2nd and 3rd).
 * Returns the participants' tokens.
 */
export async function voteTheForum(
  url: string,
  ev: CreatedTestEvent,
  opts: { people?: number; top: TopVotes | ((areaIndex: number) => TopVotes); tokens?: string[] },
): Promise<string[]> {
  const people = opts.tokens?.length ?? opts.people ?? FORUM.event.participants;
  const tokens = opts.tokens ?? [];
  for (let p = tokens.length; p < people; p++) tokens.push(await join(url, ev.code));
  for (const [a, area] of ev.event.areas.entries()) {
    const top = typeof opts.top === "function" ? opts.top(a) : opts.top;
    const ballots = forumBallots(area, FORUM.areas[a]!.reportedTop3, people, top);
    for (const [p, token] of tokens.entries()) {
      const res = await vote(url, ev.code, token, area.id, ballots[p]!);
      if (res.status !== 200) throw new Error(`vote of person ${p} in area ${a}: ${res.status} ${res.text}`);
    }
  }
  return tokens;
}

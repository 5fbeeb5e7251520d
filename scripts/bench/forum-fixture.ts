// The full-length 2017 forum (tests/fixtures/brandenburg-forum-2017-full.json: 40 proposals at
// roughly their original length) as a create-event body: each proposal's `text` is its title, as
// on the forum's own cards. Used by the wire-weight test and the benchmark's slow-phone scenario.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { LIMITS } from "../../shared/limits";
import { CreateEventBody } from "../../shared/schemas";
import { REPO_ROOT } from "./rpc";

export const FULL_FORUM_FILE = join(REPO_ROOT, "tests/fixtures/brandenburg-forum-2017-full.json");

const Fixture = z.object({
  event: z.object({ title: z.string(), votesPerArea: z.number().int() }),
  areas: z.array(z.object({ title: z.string(), proposals: z.array(z.object({ text: z.string() })) })),
});

export function fullForumBody(file = FULL_FORUM_FILE): CreateEventBody {
  const fixture = Fixture.parse(JSON.parse(readFileSync(file, "utf8")));
  return CreateEventBody.parse({
    title: fixture.event.title,
    votesPerArea: fixture.event.votesPerArea,
    access: "open",
    resultsVisibility: "live",
    privacyThreshold: 0,
    areas: fixture.areas.map((a) => ({
      title: a.title,
      // TODO(after merge): the proposal title limit goes from 200 to 1000 characters on main; then no
      // title here is cut (the longest is 423) and this slice is a no-op to delete.
      proposals: a.proposals.map((p) => ({ title: p.text.slice(0, LIMITS.proposalTitle) })),
    })),
  });
}

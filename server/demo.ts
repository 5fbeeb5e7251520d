// The demo event: the 2017 Brandenburg forum at full length (db/demo/), created on an empty
// database so that `npm start` shows the real programme at once: the groups' own paragraphs.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CreateEventBody } from "../shared/schemas";
import { fromRoot } from "./paths";
import type { Ctx } from "./services/context";
import { createEvent, type CreatedEvent } from "./services/content";
import { putFeedback } from "./services/feedback";
import { forumTemplate } from "../shared/feedback";
import { translator } from "../shared/i18n/catalog";
import enFeedback from "../shared/i18n/catalogs/en/feedback";

const FIXTURE = fromRoot("db", "demo", "brandenburg-forum-2017-full.json");

const Fixture = z.object({
  event: z.object({ title: z.string(), participants: z.number().int(), votesPerArea: z.number().int() }),
  areas: z.array(z.object({ title: z.string(), prefix: z.string(), proposals: z.array(z.object({ text: z.string() })) })),
});

export function demoEventBody(file = FIXTURE): CreateEventBody {
  const fixture = Fixture.parse(JSON.parse(readFileSync(file, "utf8")));
  return CreateEventBody.parse({
    title: fixture.event.title,
    votesPerArea: fixture.event.votesPerArea,
    access: "open",
    resultsVisibility: "live",
    privacyThreshold: 0,
    expectedParticipants: fixture.event.participants,
    areas: fixture.areas.map((a) => ({ title: a.title, prefix: a.prefix, proposals: a.proposals.map((p) => ({ title: p.text })) })),
  });
}

/**
 * The demo event, with the forum's own evaluation form ready as a draft (its three statements and a
 * comment), so the organiser page shows the template at once: edit it, then open it.
 */
export function createDemoEvent(ctx: Ctx): CreatedEvent {
  const created = createEvent(ctx, demoEventBody());
  putFeedback(ctx, created.event, { status: "draft", questions: forumTemplate(translator("en", enFeedback)) });
  return created;
}

export interface EventLinks {
  participant: string;
  projector: string;
  organiser: string;
}

/** Secrets go in the URL fragment (#key=…), which browsers never send to a server or its logs. */
export function eventLinks(baseUrl: string, code: string, adminToken: string, screenKey: string): EventLinks {
  return {
    participant: `${baseUrl}/e/${code}`,
    projector: `${baseUrl}/e/${code}/screen#key=${screenKey}`,
    // The organiser page also needs the screen key (for its projector preview and link); only hashes are stored.
    organiser: `${baseUrl}/e/${code}/admin#key=${adminToken}&screen=${screenKey}`,
  };
}

// An event as one portable file: its settings and programme, so an event prepared on one laptop
// can run on another. It is exactly a create-event body plus a header, so importing it is creating
// an event (POST /api/events, or scripts/import-event.ts offline) and every create rule applies.
// Ballots, participants and ballot cards stay behind: card codes are stored only as hashes tied
// to the machine's own copy of the event, so cards are printed on the machine that runs the vote.
import * as z from "zod/mini";
import { CreateEventBody, type Event } from "./schemas";

export const EVENT_PACKAGE_FORMAT = "plenary-event/1";

export const EventPackage = z.object({
  format: z.literal(EVENT_PACKAGE_FORMAT),
  exportedAt: z.string(),
  /** The event's code where it was exported; the imported copy gets a new one. */
  sourceCode: z.string(),
  event: CreateEventBody,
});
export type EventPackage = z.infer<typeof EventPackage>;

export function toEventPackage(event: Event, exportedAt: string): EventPackage {
  return {
    format: EVENT_PACKAGE_FORMAT,
    exportedAt,
    sourceCode: event.code,
    event: {
      title: event.title,
      access: event.access,
      votesPerArea: event.votesPerArea,
      resultsVisibility: event.resultsVisibility,
      privacyThreshold: event.privacyThreshold,
      proposalOrder: event.proposalOrder,
      expectedParticipants: event.expectedParticipants,
      language: event.language,
      areas: event.areas.map((a) => ({
        title: a.title,
        // The room says "PH-3": the other laptop must label the proposals the same way.
        prefix: a.prefix,
        maxVotes: a.maxVotes,
        method: a.method,
        // Dots only: the other methods store 1, and an approval area's package stays as version 1 wrote it.
        ...(a.method === "dots" ? { maxPerProposal: a.maxPerProposal } : {}),
        proposals: a.proposals.map((p) => (p.body ? { title: p.title, body: p.body } : { title: p.title })),
      })),
    },
  };
}

/** Why a file is not an event package: in English words an organiser can act on, and as a reason code. */
export type EventPackageProblem = { ok: false; reason: "notJson" | "notPackage" | "damaged"; format: string; path: string; message: string };

/**
 * Reads a package file's text; `message` says what is wrong in English for the command line, and
 * `reason` with `format`/`path` lets a page say it in its reader's language.
 */
export function readEventPackage(text: string): { ok: true; pkg: EventPackage } | EventPackageProblem {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, reason: "notJson", format: EVENT_PACKAGE_FORMAT, path: "", message: "This file is not JSON, so it is not a Plenary event file." };
  }
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== EVENT_PACKAGE_FORMAT) {
    return {
      ok: false,
      reason: "notPackage",
      format: EVENT_PACKAGE_FORMAT,
      path: "",
      message: `This is not a Plenary event file (expected format “${EVENT_PACKAGE_FORMAT}”). Results exports cannot be imported.`,
    };
  }
  const parsed = EventPackage.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join(".") ?? "";
    return {
      ok: false,
      reason: "damaged",
      format: EVENT_PACKAGE_FORMAT,
      path,
      message: `The event file is damaged at ${path || "its top level"}: ${issue?.message ?? "invalid"}.`,
    };
  }
  return { ok: true, pkg: parsed.data };
}

// zod schemas of every API payload (API.md). The server validates requests and documents responses
// with these; the client validates what it receives and shapes its forms with the same objects.
import { z } from "zod";
import { LIMITS } from "./limits";
import { CODE_ALPHABET, EVENT_CODE_LENGTH } from "./codes";

const trimmed = (max: number, min = 0) => z.string().trim().min(min).max(max);

export const Id = z.string().min(1).max(LIMITS.idLength).regex(/^[A-Za-z0-9_-]+$/, "not an id");
export const EventCodeParam = z
  .string()
  .max(16)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().length(EVENT_CODE_LENGTH).regex(new RegExp(`^[${CODE_ALPHABET}]+$`), "not an event code"));

export const Access = z.enum(["open", "invite"]);
export const ResultsVisibility = z.enum(["live", "on-reveal"]);
/** Added to API v1: whether each phone shows proposals in its own random order (against ballot-order bias). */
export const ProposalOrder = z.enum(["random", "organiser"]);
export const AreaStatus = z.enum(["draft", "open", "closed"]);
export const MaxVotes = z.number().int().min(LIMITS.votesMin).max(LIMITS.votesMax);
export const PrivacyThreshold = z.number().int().min(0).max(LIMITS.privacyThresholdMax);

// ---- objects -------------------------------------------------------------------------------

export const Proposal = z.object({
  id: Id,
  title: z.string(),
  body: z.string(),
  position: z.number().int(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Area = z.object({
  id: Id,
  title: z.string(),
  position: z.number().int(),
  maxVotes: MaxVotes,
  status: AreaStatus,
  revealed: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  proposals: z.array(Proposal),
});
export type Area = z.infer<typeof Area>;

export const Event = z.object({
  code: z.string(),
  title: z.string(),
  access: Access,
  votesPerArea: MaxVotes,
  resultsVisibility: ResultsVisibility,
  privacyThreshold: PrivacyThreshold,
  proposalOrder: ProposalOrder,
  areas: z.array(Area),
  createdAt: z.string(),
});
export type Event = z.infer<typeof Event>;

export const ResultRow = z.object({
  proposalId: Id,
  title: z.string(),
  votes: z.number().int().nullable(),
  rank: z.number().int().nullable(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const AreaResults = z.object({
  id: Id,
  title: z.string(),
  status: AreaStatus,
  revealed: z.boolean(),
  maxVotes: MaxVotes,
  voters: z.number().int(),
  withheld: z.boolean(),
  results: z.array(ResultRow),
});
export type AreaResults = z.infer<typeof AreaResults>;

export const Results = z.object({
  code: z.string(),
  seq: z.number().int(),
  participants: z.number().int(),
  voters: z.number().int(),
  areas: z.array(AreaResults),
});
export type Results = z.infer<typeof Results>;

/** areaId → chosen proposal ids. Keys are ids, so a plain record; size is bounded by the event. */
export const Ballot = z.record(Id, z.array(Id).max(LIMITS.votesMax));
export type Ballot = z.infer<typeof Ballot>;

// ---- requests ------------------------------------------------------------------------------
// strictObject: an unknown field is a client bug or a probe, and is refused rather than ignored.

export const ProposalInput = z.strictObject({
  title: trimmed(LIMITS.proposalTitle, 1),
  body: z.string().max(LIMITS.proposalBody).optional(),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const AreaInput = z.strictObject({
  title: trimmed(LIMITS.areaTitle, 1),
  maxVotes: MaxVotes.optional(),
  proposals: z.array(ProposalInput).max(LIMITS.proposalsPerArea).optional(),
});
export type AreaInput = z.infer<typeof AreaInput>;

const eventSettings = {
  access: Access.optional(),
  votesPerArea: MaxVotes.optional(),
  resultsVisibility: ResultsVisibility.optional(),
  privacyThreshold: PrivacyThreshold.optional(),
  proposalOrder: ProposalOrder.optional(),
};

export const CreateEventBody = z.strictObject({
  title: trimmed(LIMITS.eventTitle, 1),
  ...eventSettings,
  areas: z.array(AreaInput).max(LIMITS.areasPerEvent).optional(),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const CreateEventReply = z.object({ event: Event, adminToken: z.string(), screenKey: z.string() });
export type CreateEventReply = z.infer<typeof CreateEventReply>;

export const EventReply = z.object({ event: Event });
export type EventReply = z.infer<typeof EventReply>;

export const PatchEventBody = z.strictObject({ title: trimmed(LIMITS.eventTitle, 1).optional(), ...eventSettings });
export type PatchEventBody = z.infer<typeof PatchEventBody>;

export const PutContentBody = z.strictObject({ areas: z.array(AreaInput).max(LIMITS.areasPerEvent) });
export type PutContentBody = z.infer<typeof PutContentBody>;

export const AreaReply = z.object({ area: Area });
export const PatchAreaBody = z.strictObject({
  title: trimmed(LIMITS.areaTitle, 1).optional(),
  maxVotes: MaxVotes.optional(),
  status: AreaStatus.optional(),
  revealed: z.boolean().optional(),
  position: z.number().int().min(0).max(LIMITS.areasPerEvent).optional(),
});
export type PatchAreaBody = z.infer<typeof PatchAreaBody>;

export const ProposalReply = z.object({ proposal: Proposal });
export const PatchProposalBody = z.strictObject({
  title: trimmed(LIMITS.proposalTitle, 1).optional(),
  body: z.string().max(LIMITS.proposalBody).optional(),
  position: z.number().int().min(0).max(LIMITS.proposalsPerArea).optional(),
});
export type PatchProposalBody = z.infer<typeof PatchProposalBody>;

export const VotingBody = z.strictObject({
  status: z.enum(["open", "closed"]),
  areaIds: z.array(Id).max(LIMITS.areasPerEvent).optional(),
});
export type VotingBody = z.infer<typeof VotingBody>;

export const InvitesBody = z.strictObject({ count: z.number().int().min(1).max(LIMITS.invitesPerRequest) });
export const InvitesReply = z.object({ invites: z.array(z.string()) });
export const InviteStats = z.object({ issued: z.number().int(), used: z.number().int() });
export type InviteStats = z.infer<typeof InviteStats>;

export const JoinBody = z.strictObject({ invite: z.string().max(32).optional() });
export const JoinReply = z.object({ participantToken: z.string() });

export const BallotReply = z.object({ ballot: Ballot });
export type BallotReply = z.infer<typeof BallotReply>;
export const PutBallotBody = z.strictObject({ proposalIds: z.array(Id).max(LIMITS.votesMax * 5) });
export type PutBallotBody = z.infer<typeof PutBallotBody>;
export const PutBallotReply = z.object({ areaId: Id, proposalIds: z.array(Id) });
export type PutBallotReply = z.infer<typeof PutBallotReply>;

export const PaperBallotBody = z.strictObject({ ballot: Ballot });
export const PaperBallotReply = z.object({ ballot: Ballot });

export const ExportFormat = z.enum(["csv", "json", "md"]);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportQuery = z.strictObject({ format: ExportFormat.default("csv") });

export const CodeParams = z.strictObject({ code: EventCodeParam });
export const AreaParams = z.strictObject({ code: EventCodeParam, areaId: Id });
export const ProposalParams = z.strictObject({ code: EventCodeParam, proposalId: Id });

export const ErrorReply = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export const HealthReply = z.object({ ok: z.literal(true) });

// ---- socket --------------------------------------------------------------------------------

export const SocketAuth = z.strictObject({
  code: EventCodeParam,
  token: z.string().min(1).max(LIMITS.tokenLength).optional(),
});
export type SocketAuth = z.infer<typeof SocketAuth>;

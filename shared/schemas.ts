// zod schemas of every API payload (API.md): one copy, used by the server to validate requests and
// document responses, and by the client to parse what it receives and shape its forms.
// Written with zod/mini: the phone page has a 100 KB weight budget, and classic zod cannot be
// tree-shaken (its string type alone brings every format, ~27 KB gzipped); mini builds only what is used.
import * as z from "zod/mini";
import { LIMITS } from "./limits";
import { CODE_PATTERN, EVENT_CODE_LENGTH, normalizeCode } from "./codes";
import { textProblem, type TextKind } from "./text";
import { PREFIX_PATTERN } from "./labels";
import { LANGUAGES } from "./i18n/languages";
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from "./feedback";

/** The text rules of shared/text.ts (no control characters, lone surrogates, invisible titles…). */
const textRules = (kind: TextKind) =>
  z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, kind);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  });
const text = (max: number) => z.string().check(z.maxLength(max), textRules("body"));
/** Trimmed, non-empty, bounded, one line with something to see: a title of spaces is no title. */
const title = (max: number) => z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(max), textRules("title"));
const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const Id = z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength), z.regex(/^[A-Za-z0-9_-]+$/, "not an id"));
export const EventCodeParam = z.pipe(
  z.pipe(z.string().check(z.maxLength(16)), z.transform(normalizeCode)),
  z.string().check(z.length(EVENT_CODE_LENGTH, "not an event code"), z.regex(CODE_PATTERN, "not an event code")),
);

// The enums, once: the repos' row types, the rules and the client take their types from here
// (the SQL CHECKs hold the same lists; tests/integration/facts-once.test.ts compares them).
export const Access = z.enum(["open", "invite"]);
export type Access = z.infer<typeof Access>;
export const ResultsVisibility = z.enum(["live", "on-reveal"]);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;
/** Added to API v1: whether each phone shows proposals in its own random order (against ballot-order bias). */
export const ProposalOrder = z.enum(["random", "organiser"]);
export type ProposalOrder = z.infer<typeof ProposalOrder>;
export const AreaStatus = z.enum(["draft", "open", "closed"]);
export type AreaStatus = z.infer<typeof AreaStatus>;
/** How a participant votes: on a phone, or on a paper ballot the organiser enters (API 1.1). */
export const ParticipantKind = z.enum(["phone", "paper"]);
export type ParticipantKind = z.infer<typeof ParticipantKind>;
/** API 1.1 (issue 13): whether the room may suggest proposals for an area. */
export const SuggestionsMode = z.enum(["off", "open"]);
export const SuggestionStatus = z.enum(["pending", "accepted", "merged", "rejected"]);
export const ProposalOrigin = z.enum(["group", "suggestion"]);
/** API 1.1 (issue 15): how an area's ballot is counted (shared/methods.ts). */
export const VotingMethod = z.enum(["approval", "dots", "ranking"]);
export type VotingMethod = z.infer<typeof VotingMethod>;
export const MaxVotes = int(LIMITS.votesMin, LIMITS.votesMax);
/** API 1.1 (issue 15): dots one participant may stack on one proposal (dots only; 1 for the other methods). */
export const MaxPerProposal = int(LIMITS.votesMin, LIMITS.votesMax);
/** API 1.1 (issue 15): the room's live bars move at most this often (0: at every ballot). */
export const LiveBatchSeconds = int(LIMITS.liveBatchSecondsMin, LIMITS.liveBatchSecondsMax);
/** …and only once this many ballots changed since the last move. */
export const LiveBatchBallots = int(LIMITS.liveBatchBallotsMin, LIMITS.liveBatchBallotsMax);
export const PrivacyThreshold = int(LIMITS.privacyThresholdMin, LIMITS.privacyThresholdMax);
/** API 1.1: the people expected in the room, the denominator of the turnout it sees (0 = not set). */
export const ExpectedParticipants = int(LIMITS.expectedParticipantsMin, LIMITS.expectedParticipantsMax);
/** API 1.1: the area's label prefix, 1..4 letters (typed in any case, stored in capitals). */
/** API 1.1: the event's default language, a BCP 47 tag among the eight (shared/i18n/languages.ts). */
export const EventLanguage = z.enum(LANGUAGES);
/** API 1.1: the evaluation form's status and question kinds (shared/feedback.ts). */
export const FeedbackStatus = z.enum(FEEDBACK_STATUSES);
export const FeedbackKind = z.enum(FEEDBACK_KINDS);
export const Prefix = z.pipe(
  z.pipe(z.string().check(z.maxLength(16)), z.transform((s: string) => s.trim().toUpperCase())),
  z.string().check(z.regex(PREFIX_PATTERN, `must be 1 to ${LIMITS.prefixLength} letters A–Z`)),
);

// ---- objects -------------------------------------------------------------------------------

export const Proposal = z.object({
  id: Id,
  /** API 1.1: "PH-3", the area's prefix and the proposal's place; frozen once the area opens. */
  label: z.string(),
  title: z.string(),
  body: z.string(),
  position: z.int(),
  /** API 1.1 (issue 13): drafted by the group (or the organiser), or accepted from the room's suggestions. */
  origin: ProposalOrigin,
  /** Suggestions merged into this proposal (a count: never whose). */
  merged: z.int(),
  /** Bumped by every edit of title or body; a PATCH naming an older one is refused (NOT_ALLOWED). */
  version: z.int(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Area = z.object({
  id: Id,
  title: z.string(),
  prefix: z.string(),
  position: z.int(),
  maxVotes: MaxVotes,
  /** API 1.1 (issue 15): approval (distinct proposals), dots (stacked up to maxPerProposal) or ranking (Borda points). */
  method: VotingMethod,
  maxPerProposal: MaxPerProposal,
  status: AreaStatus,
  revealed: z.boolean(),
  openedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
  /** API 1.1: when the server closes this open area by itself (ISO time); null without a clock. */
  closesAt: z.nullable(z.string()),
  /** API 1.1: the area this one is a runoff of (POST …/runoff); null for a first round. */
  roundOf: z.nullable(Id),
  /** API 1.1 (issue 13): the room's suggestions, and the organiser's lock against the group's editor link. */
  suggestions: SuggestionsMode,
  contentLocked: z.boolean(),
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
  expectedParticipants: ExpectedParticipants,
  language: EventLanguage,
  /**
   * API 1.1 (issue 15): live bars in batches, so a neighbour watching the screen cannot tell what one
   * person just tapped: the room's results move every `liveBatchSeconds` and only after at least
   * `liveBatchBallots` changed ballots (0 s: at every ballot). Closing an area shows its count at once.
   */
  liveBatchSeconds: LiveBatchSeconds,
  liveBatchBallots: LiveBatchBallots,
  areas: z.array(Area),
  createdAt: z.string(),
  /** Added to API 1.1: the evaluation form's status, so phones learn from the event push that it opened. */
  feedbackStatus: FeedbackStatus,
});
export type Event = z.infer<typeof Event>;

export const ResultRow = z.object({
  proposalId: Id,
  label: z.string(),
  title: z.string(),
  votes: z.nullable(z.int()),
  /** API 1.1: what rows are ranked by — approval and dots: equal to `votes`; ranking: the Borda points. */
  points: z.nullable(z.int()),
  rank: z.nullable(z.int()),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const AreaResults = z.object({
  id: Id,
  title: z.string(),
  status: AreaStatus,
  revealed: z.boolean(),
  maxVotes: MaxVotes,
  method: VotingMethod,
  maxPerProposal: MaxPerProposal,
  voters: z.int(),
  withheld: z.boolean(),
  results: z.array(ResultRow),
});
export type AreaResults = z.infer<typeof AreaResults>;

export const Results = z.object({
  code: z.string(),
  seq: z.int(),
  participants: z.int(),
  voters: z.int(),
  areas: z.array(AreaResults),
});
export type Results = z.infer<typeof Results>;

/** areaId → chosen proposal ids. Keys are ids, so a plain record; size is bounded by the event. */
export const Ballot = z.record(Id, z.array(Id).check(z.maxLength(LIMITS.votesMax)));
export type Ballot = z.infer<typeof Ballot>;

// ---- requests ------------------------------------------------------------------------------
// strictObject: an unknown field is a client bug or a probe, and is refused rather than ignored.

export const ProposalInput = z.strictObject({
  title: title(LIMITS.proposalTitle),
  body: z.optional(text(LIMITS.proposalBody)),
});
export type ProposalInput = z.infer<typeof ProposalInput>;

export const AreaInput = z.strictObject({
  title: title(LIMITS.areaTitle),
  prefix: z.optional(Prefix),
  maxVotes: z.optional(MaxVotes),
  method: z.optional(VotingMethod),
  /** Dots only; left out, a dots area lets one proposal take every dot (maxVotes). */
  maxPerProposal: z.optional(MaxPerProposal),
  proposals: z.optional(z.array(ProposalInput).check(z.maxLength(LIMITS.proposalsPerArea))),
});
export type AreaInput = z.infer<typeof AreaInput>;

const eventSettings = {
  access: z.optional(Access),
  votesPerArea: z.optional(MaxVotes),
  resultsVisibility: z.optional(ResultsVisibility),
  privacyThreshold: z.optional(PrivacyThreshold),
  proposalOrder: z.optional(ProposalOrder),
  expectedParticipants: z.optional(ExpectedParticipants),
  language: z.optional(EventLanguage),
  liveBatchSeconds: z.optional(LiveBatchSeconds),
  liveBatchBallots: z.optional(LiveBatchBallots),
};

export const CreateEventBody = z.strictObject({
  title: title(LIMITS.eventTitle),
  ...eventSettings,
  areas: z.optional(z.array(AreaInput).check(z.maxLength(LIMITS.areasPerEvent))),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const CreateEventReply = z.object({ event: Event, adminToken: z.string(), screenKey: z.string() });
export type CreateEventReply = z.infer<typeof CreateEventReply>;

export const EventReply = z.object({ event: Event });
export type EventReply = z.infer<typeof EventReply>;

export const PatchEventBody = z.strictObject({ title: z.optional(title(LIMITS.eventTitle)), ...eventSettings });
export type PatchEventBody = z.infer<typeof PatchEventBody>;

export const PutContentBody = z.strictObject({ areas: z.array(AreaInput).check(z.maxLength(LIMITS.areasPerEvent)) });
export type PutContentBody = z.infer<typeof PutContentBody>;

export const AreaReply = z.object({ area: Area });
export const PatchAreaBody = z.strictObject({
  title: z.optional(title(LIMITS.areaTitle)),
  prefix: z.optional(Prefix),
  maxVotes: z.optional(MaxVotes),
  /** Refused (409 EVENT_LOCKED) once the area has votes, as is a maxVotes change of a ranking area. */
  method: z.optional(VotingMethod),
  maxPerProposal: z.optional(MaxPerProposal),
  status: z.optional(AreaStatus),
  revealed: z.optional(z.boolean()),
  position: z.optional(int(0, LIMITS.areasPerEvent)),
  /** API 1.1 (issue 13): open or close the area for the room's suggestions. */
  suggestions: z.optional(SuggestionsMode),
  /** API 1.1 (issue 13): lock the area's content against its group's editor link (the organiser still edits). */
  contentLocked: z.optional(z.boolean()),
});
export type PatchAreaBody = z.infer<typeof PatchAreaBody>;

/** API 1.1: a runoff of the proposals ranked `top` or better (ties at the cut all go through). */
export const RunoffBody = z.strictObject({ top: int(LIMITS.runoffTopMin, LIMITS.runoffTopMax) });
export type RunoffBody = z.infer<typeof RunoffBody>;

/** The server's clock, for countdowns that follow it rather than the device's (GET /api/time). */
export const TimeReply = z.object({ now: z.string() });
export type TimeReply = z.infer<typeof TimeReply>;

export const ProposalReply = z.object({ proposal: Proposal });
export const PatchProposalBody = z.strictObject({
  title: z.optional(title(LIMITS.proposalTitle)),
  body: z.optional(text(LIMITS.proposalBody)),
  position: z.optional(int(0, LIMITS.proposalsPerArea)),
  /**
   * API 1.1 (issue 13): the version the editor started from. When someone else saved the proposal
   * since, the edit is refused (409 NOT_ALLOWED, with the current proposal in the message) rather
   * than overwriting it silently.
   */
  version: z.optional(z.int().check(z.minimum(1))),
});
export type PatchProposalBody = z.infer<typeof PatchProposalBody>;

/** API 1.1: how long an area stays open (the clock), in whole seconds. */
export const DurationSeconds = int(LIMITS.durationMinSeconds, LIMITS.durationMaxSeconds);
// ---- drafting and suggestions (API 1.1, issue 13) ----------------------------------------------

export const EditorKeyReply = z.object({ editorKey: z.string() });
export const SuggestionParams = z.strictObject({ code: EventCodeParam, suggestionId: Id });
export const SuggestionBody = z.strictObject({
  title: title(LIMITS.proposalTitle),
  body: z.optional(text(LIMITS.proposalBody)),
});
export const SuggestionCreatedReply = z.object({ suggestion: z.object({ id: Id, status: SuggestionStatus }) });
/** A suggestion as the organiser and the area's editor see it: never who sent it. */
export const Suggestion = z.object({
  id: Id,
  areaId: Id,
  title: z.string(),
  body: z.string(),
  status: SuggestionStatus,
  /** To the minute. */
  createdAt: z.string(),
  /** The proposal it became or was merged into, once accepted. */
  proposalId: z.nullable(Id),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const SuggestionsReply = z.object({ suggestions: z.array(Suggestion) });
export type SuggestionsReply = z.infer<typeof SuggestionsReply>;
/** Accept as is, edited (title/body), or merged into a proposal of the same area (whose text the edit replaces). */
export const AcceptSuggestionBody = z.optional(
  z.strictObject({
    mergeInto: z.optional(Id),
    title: z.optional(title(LIMITS.proposalTitle)),
    body: z.optional(text(LIMITS.proposalBody)),
  }),
);
export const SuggestionReply = z.object({ suggestion: Suggestion });

export const VotingBody = z.strictObject({
  status: z.enum(["open", "closed"]),
  areaIds: z.optional(z.array(Id).check(z.maxLength(LIMITS.areasPerEvent))),
  /**
   * API 1.1, with status "open" only: the areas close by themselves this many seconds from now. On an
   * area already open it sets a new deadline (extending, or shortening); null removes the deadline;
   * left out, an open area keeps whatever deadline it has.
   */
  durationSeconds: z.optional(z.nullable(DurationSeconds)),
});
export type VotingBody = z.infer<typeof VotingBody>;

export const InvitesBody = z.strictObject({ count: int(1, LIMITS.invitesPerRequest) });
/** API 1.1: also names the batch, which stays printable (GET …/invite-batches/:batchId) until marked printed. */
export const InvitesReply = z.object({ invites: z.array(z.string()), batchId: Id });
export const InviteStats = z.object({ issued: z.int(), used: z.int() });
export type InviteStats = z.infer<typeof InviteStats>;


export const BallotReply = z.object({ ballot: Ballot });
export type BallotReply = z.infer<typeof BallotReply>;
export const PutBallotBody = z.strictObject({ proposalIds: z.array(Id).check(z.maxLength(LIMITS.votesMax * 5)) });
export type PutBallotBody = z.infer<typeof PutBallotBody>;
export const PutBallotReply = z.object({ areaId: Id, proposalIds: z.array(Id) });
export type PutBallotReply = z.infer<typeof PutBallotReply>;

/**
 * API 1.1: a phone joins at its first vote, so the join may carry that vote (`ballot`): one round
 * trip instead of two on a poor link. Both happen in one transaction: a refused ballot joins no one.
 */
export const JoinBody = z.optional(
  z.strictObject({
    invite: z.optional(text(LIMITS.inviteInputLength)),
    ballot: z.optional(z.strictObject({ areaId: Id, proposalIds: z.array(Id).check(z.maxLength(LIMITS.votesMax * 5)) })),
    /**
     * A random key the phone made and kept before its first try (≥ 128 bits, base64url): a join sent
     * again with the same key — its answer was lost — is the same participant, not a second one.
     */
    joinKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/, "a join key is 22 to 64 letters, digits, - or _"))),
  }),
);
export const JoinReply = z.object({ participantToken: z.string(), ballot: z.optional(PutBallotReply) });
export type JoinReply = z.infer<typeof JoinReply>;

export const PaperBallotBody = z.strictObject({ ballot: Ballot });
/** API 1.1: the reply also names the entered paper ballot, so it can be listed and undone. */
export const PaperBallotReply = z.object({ id: Id, ballot: Ballot });
export const PaperBallot = z.object({ id: Id, ballot: Ballot, enteredAt: z.string() });
export type PaperBallot = z.infer<typeof PaperBallot>;
export const PaperBallotsReply = z.object({ paperBallots: z.array(PaperBallot) });
export type PaperBallotsReply = z.infer<typeof PaperBallotsReply>;
export const PaperBallotParams = z.strictObject({ code: EventCodeParam, paperBallotId: Id });

export const ExportFormat = z.enum(["csv", "json", "md"]);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportQuery = z.strictObject({ format: z._default(ExportFormat, "csv") });

export const CodeParams = z.strictObject({ code: EventCodeParam });
export const AreaParams = z.strictObject({ code: EventCodeParam, areaId: Id });
export const ProposalParams = z.strictObject({ code: EventCodeParam, proposalId: Id });

/** API 1.1: ballot-card batches. `used`: cards of the batch redeemed (a count, never which card). */
export const InviteBatch = z.object({
  id: Id,
  count: z.int(),
  createdAt: z.string(),
  printedAt: z.nullable(z.string()),
  voidedAt: z.nullable(z.string()),
  used: z.int(),
});
export type InviteBatch = z.infer<typeof InviteBatch>;
export const InviteBatchesReply = z.object({ batches: z.array(InviteBatch) });
export const InviteBatchReply = z.object({ batch: InviteBatch });
/** The batch's printable codes, in print order: only while it is neither printed nor voided. */
export const InviteBatchCodesReply = z.object({ batch: InviteBatch, invites: z.array(z.string()) });
export const InviteBatchParams = z.strictObject({ code: EventCodeParam, batchId: Id });

// ---- the evaluation form (API 1.1) ---------------------------------------------------------

export const FeedbackQuestion = z.object({
  id: Id,
  kind: FeedbackKind,
  prompt: z.string(),
  /** `choice` only: the options, answered by index. */
  options: z.optional(z.array(z.string())),
});
export type FeedbackQuestion = z.infer<typeof FeedbackQuestion>;
export const Feedback = z.object({ status: FeedbackStatus, questions: z.array(FeedbackQuestion) });
export type Feedback = z.infer<typeof Feedback>;
export const FeedbackReply = z.object({ feedback: Feedback });
export type FeedbackReply = z.infer<typeof FeedbackReply>;

export const FeedbackQuestionInput = z.strictObject({
  /** A question's id keeps it (and its answers); a question without one is new. */
  id: z.optional(Id),
  kind: FeedbackKind,
  prompt: title(LIMITS.feedbackPrompt),
  options: z.optional(z.array(title(LIMITS.feedbackOption)).check(z.maxLength(LIMITS.feedbackOptions))),
});
export type FeedbackQuestionInput = z.infer<typeof FeedbackQuestionInput>;
export const PutFeedbackBody = z.strictObject({
  status: FeedbackStatus,
  questions: z.array(FeedbackQuestionInput).check(z.maxLength(LIMITS.feedbackQuestions)),
});
export type PutFeedbackBody = z.infer<typeof PutFeedbackBody>;

/** questionId → a number (scales, choices) or a string ("yes"/"no", a comment). */
export const FeedbackAnswers = z.record(Id, z.union([z.number(), text(LIMITS.feedbackText)]));
export type FeedbackAnswers = z.infer<typeof FeedbackAnswers>;
export const PutAnswersBody = z.strictObject({ answers: FeedbackAnswers });
export type PutAnswersBody = z.infer<typeof PutAnswersBody>;
export const AnswersReply = z.object({ answers: FeedbackAnswers });
export type AnswersReply = z.infer<typeof AnswersReply>;

export const FeedbackQuestionResults = z.object({
  id: Id,
  kind: FeedbackKind,
  prompt: z.string(),
  options: z.optional(z.array(z.string())),
  /** Respondents who answered this question; null when withheld. */
  answered: z.nullable(z.int()),
  /** From the scale's negative end to its positive one (shared/feedback.ts countSlots); null when withheld. */
  counts: z.nullable(z.array(z.int())),
  agreedShare: z.nullable(z.number()),
});
export type FeedbackQuestionResults = z.infer<typeof FeedbackQuestionResults>;
export const FeedbackResults = z.object({
  status: FeedbackStatus,
  respondents: z.int(),
  /** Below the privacy threshold (from everyone), or still open and asked for without a key. */
  withheld: z.boolean(),
  questions: z.array(FeedbackQuestionResults),
});
export type FeedbackResults = z.infer<typeof FeedbackResults>;

export const ErrorReply = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** `version`: package.json's, as in /api/server-info and /openapi.json. */
export const HealthReply = z.object({ ok: z.literal(true), writable: z.boolean(), diskFreeBytes: z.nullable(z.number()), version: z.string() });
export const ServerInfo = z.object({ publicUrl: z.nullable(z.string()), version: z.string() });
export type ServerInfo = z.infer<typeof ServerInfo>;
/** The body of a file download (exports): documented, not parsed as JSON. */
export const FileBody = z.string();

// ---- socket --------------------------------------------------------------------------------

export const SocketAuth = z.strictObject({
  code: EventCodeParam,
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(LIMITS.tokenLength))),
  // false: no `results` snapshots (a phone that is voting does not show them). Default true.
  results: z.optional(z.boolean()),
  // The `version` of the event the client already holds: not sent again on connect if unchanged.
  since: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type SocketAuth = z.infer<typeof SocketAuth>;

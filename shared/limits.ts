// Every size limit of the API, documented once and used by the schemas (both sides) and the
// server's transport limits. Chosen to fit a large conference with a wide margin, and to keep any
// single request small enough that a hostile one costs the laptop nothing.
export const LIMITS = {
  eventTitle: 200,
  areaTitle: 200,
  /** A working group's proposal is often one paragraph with no separate title (API 1.1). */
  proposalTitle: 1000,
  proposalBody: 4000,
  areasPerEvent: 50,
  proposalsPerArea: 200,
  votesMin: 1,
  votesMax: 20,
  privacyThresholdMin: 0,
  privacyThresholdMax: 50,
  /** 0: not set. */
  expectedParticipantsMin: 0,
  expectedParticipantsMax: 100000,
  /** Area prefix of proposal labels ("PH" in "PH-3"): letters the room can say aloud. */
  prefixLength: 4,
  invitesPerRequest: 2000,
  /** Characters of a ballot-card code (printed as two groups of four). */
  inviteLength: 8,
  /** What a typed card code may be before it is normalised: the code with spaces, dashes, a slip. */
  inviteInputLength: 32,
  tokenLength: 200,
  idLength: 64,
  /** Largest request body: a full programme of 50 areas × 200 proposals would not fit, 1,000 long proposals do. */
  bodyBytes: 2 * 1024 * 1024,
  /** Largest socket message the server reads: clients send nothing but the handshake. */
  socketBytes: 16 * 1024,
  /** Open sockets one participant, admin link or projector key may hold (tabs and devices of one person). */
  socketsPerCaller: 20,
  /**
   * Characters of text (titles and bodies) one event may hold: the full 2017 forum is ~13,000, so a
   * programme of 150 such forums fits; an event grown by a script to tens of megabytes does not.
   */
  eventContentChars: 2_000_000,
  /**
   * Events one database may hold: the per-database quota. With the per-event quota this bounds the
   * file (and every backup of it) to a size a laptop carries, whoever creates events.
   */
  eventsPerDatabase: 10_000,
  /** Ballot cards one event may have: a very large hall, with spares. */
  invitesPerEvent: 20_000,
  /** The evaluation form (API 1.1): a short form, read on a phone in one screen. */
  feedbackQuestions: 20,
  feedbackPrompt: 500,
  feedbackOptions: 10,
  feedbackOption: 200,
  /** A comment on the form (API: text up to 1000 characters). */
  feedbackText: 1000,
  /** The clock (API 1.1): an area opened for 10 s at least (a shorter one closes before phones see it), a day at most. */
  durationMinSeconds: 10,
  durationMaxSeconds: 86_400,
  /** A runoff of the top 2 to the top 20 (API 1.1). */
  runoffTopMin: 2,
  runoffTopMax: 20,
  /** The phones' warning before the clock closes an area. */
  clockWarningSeconds: 60,
  /** Suggestions one phone may send to one event (issue 13): generous for a person, small for a script. */
  suggestionsPerParticipant: 20,
  /** Live bars in batches (issue 15): 0 s (every ballot) to 5 minutes; 1 to 50 changed ballots a batch. */
  liveBatchSecondsMin: 0,
  liveBatchSecondsMax: 300,
  liveBatchBallotsMin: 1,
  liveBatchBallotsMax: 50,
  /** Below this many expected people, a new event batches its live bars by default (issue 15). */
  liveBatchBelowParticipants: 100,
} as const;

/**
 * An event's settings when its creator leaves them out: one place for the server (services/content.ts),
 * the create form and the database (the migrations' DEFAULTs; tests/integration/facts-once.test.ts
 * compares them). Shaped like the API's CreateEventBody fields.
 */
export const EVENT_DEFAULTS = {
  access: "open",
  votesPerArea: 2,
  resultsVisibility: "live",
  privacyThreshold: 0,
  proposalOrder: "random",
  expectedParticipants: 0,
  /** When batching is on (liveBatchDefault): every 15 s, after at least 5 changed ballots. */
  liveBatchSeconds: 15,
  liveBatchBallots: 5,
} as const;

/**
 * A new event's live batching when its creator does not say: on (15 s) for a room under 100
 * expected people — or one whose size is not set, as most forums are — where a neighbour could tell
 * one tap on the screen; off (every ballot) for a larger hall, where one ballot moves nothing visible.
 */
export function liveBatchDefault(expectedParticipants: number): number {
  return expectedParticipants > 0 && expectedParticipants >= LIMITS.liveBatchBelowParticipants ? 0 : EVENT_DEFAULTS.liveBatchSeconds;
}

export const DEFAULT_VOTES_PER_AREA = EVENT_DEFAULTS.votesPerArea;

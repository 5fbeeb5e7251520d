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
  privacyThresholdMax: 50,
  expectedParticipantsMax: 100000,
  /** Area prefix of proposal labels ("PH" in "PH-3"): letters the room can say aloud. */
  prefixLength: 4,
  invitesPerRequest: 2000,
  inviteLength: 8,
  tokenLength: 200,
  idLength: 64,
  /** Largest request body: a full programme of 50 areas × 200 proposals would not fit, 1,000 long proposals do. */
  bodyBytes: 2 * 1024 * 1024,
  /** Largest socket message the server reads: clients send nothing but the handshake. */
  socketBytes: 16 * 1024,
} as const;

export const DEFAULT_VOTES_PER_AREA = 2;

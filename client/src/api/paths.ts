// Every server path the client asks, in one table: pages and hooks call these instead of writing
// template strings, so a path changes in one place. tests/integration/facts-once.test.ts checks
// that each one is a route of /openapi.json (method and path), so the table cannot drift from the
// server. Tiny and dependency-free: the phone imports it too.

const event = (code: string) => `/api/events/${code}`;
const id = encodeURIComponent;

export const apiPaths = {
  events: () => "/api/events",
  serverInfo: () => "/api/server-info",
  event,
  results: (code: string) => `${event(code)}/results`,
  participants: (code: string) => `${event(code)}/participants`,
  ballot: (code: string) => `${event(code)}/ballot`,
  areaBallot: (code: string, areaId: string) => `${event(code)}/ballot/${id(areaId)}`,
  voting: (code: string) => `${event(code)}/voting`,
  content: (code: string) => `${event(code)}/content`,
  areas: (code: string) => `${event(code)}/areas`,
  area: (code: string, areaId: string) => `${event(code)}/areas/${areaId}`,
  areaProposals: (code: string, areaId: string) => `${event(code)}/areas/${areaId}/proposals`,
  proposal: (code: string, proposalId: string) => `${event(code)}/proposals/${proposalId}`,
  invites: (code: string) => `${event(code)}/invites`,
  inviteBatches: (code: string) => `${event(code)}/invite-batches`,
  inviteBatch: (code: string, batchId: string) => `${event(code)}/invite-batches/${id(batchId)}`,
  inviteBatchPrinted: (code: string, batchId: string) => `${event(code)}/invite-batches/${id(batchId)}/printed`,
  inviteBatchVoid: (code: string, batchId: string) => `${event(code)}/invite-batches/${id(batchId)}/void`,
  paperBallots: (code: string) => `${event(code)}/paper-ballots`,
  paperBallot: (code: string, paperBallotId: string) => `${event(code)}/paper-ballots/${paperBallotId}`,
  editorKey: (code: string, areaId: string) => `${event(code)}/areas/${id(areaId)}/editor-key`,
  areaSuggestions: (code: string, areaId: string) => `${event(code)}/areas/${id(areaId)}/suggestions`,
  suggestions: (code: string) => `${event(code)}/suggestions`,
  suggestionAccept: (code: string, suggestionId: string) => `${event(code)}/suggestions/${id(suggestionId)}/accept`,
  suggestionReject: (code: string, suggestionId: string) => `${event(code)}/suggestions/${id(suggestionId)}/reject`,
  export: (code: string, format: string) => `${event(code)}/export?format=${format}`,
} as const;

/** The participant page of an event (client/src/routes.ts parses it back). */
export const participantPath = (code: string) => `/e/${code}`;

/** The rapporteur's page of one area; the editor key rides in the fragment, never sent to the server. */
export const editorPath = (code: string, areaId: string, editorKey: string) => `/e/${code}/edit/${id(areaId)}#key=${id(editorKey)}`;

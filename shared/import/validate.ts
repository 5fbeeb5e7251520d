// The checks both import formats share: the same limits the API enforces (shared/limits.ts and the
// AreaInput schema), reported against the pasted text's line numbers so the organiser can find the
// line to fix before anything is sent.
import type organiser from "../i18n/catalogs/en/organiser";
import type { Params } from "../i18n/message";
import { LIMITS } from "../limits";
import { AreaInput } from "../schemas";

/** A problem's sentence in the organiser catalog (importProblem*): each page words it in its language. */
export type ImportProblemKey = Extract<keyof typeof organiser, `importProblem${string}`>;

export interface ImportError {
  /** 1-based line of the pasted text. */
  line: number;
  key: ImportProblemKey;
  params: Params;
}

export interface ImportResult {
  areas: AreaInput[];
  errors: ImportError[];
}

/** More problems than anyone reads: the rest are summed up in one line (and the page stays light). */
export const MAX_REPORTED_ERRORS = 200;

export interface DraftProposal {
  title: string;
  body: string;
  line: number;
}

export interface DraftArea {
  title: string;
  line: number;
  proposals: DraftProposal[];
}

/**
 * Titles are one line: runs of spaces (from wrapped cells or tabs) become one space. The isolate
 * marks our own exports put around right-to-left text (shared/text.ts) are taken off again.
 */
export function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, " ").trim();
  return title.startsWith("\u2068") && title.endsWith("\u2069") ? title.slice(1, -1).trim() : title;
}

export function finishImport(drafts: readonly DraftArea[], parseErrors: readonly ImportError[]): ImportResult {
  const errors: ImportError[] = [...parseErrors];
  const areas: AreaInput[] = [];
  if (drafts.length > LIMITS.areasPerEvent) {
    const extra = drafts[LIMITS.areasPerEvent];
    errors.push({ line: extra?.line ?? 1, key: "importProblemTooManyAreas", params: { max: LIMITS.areasPerEvent, n: LIMITS.areasPerEvent + 1 } });
  }
  const seenAreas = new Map<string, number>();
  for (const draft of drafts.slice(0, LIMITS.areasPerEvent)) {
    const areaErrors = checkArea(draft, seenAreas);
    for (const e of areaErrors) errors.push(e); // not push(...): a pasted megabyte makes 300,000 of them
    const area: AreaInput = {
      title: draft.title,
      // Like the areas above, what an event cannot hold is reported, not carried along.
      proposals: draft.proposals.slice(0, LIMITS.proposalsPerArea).map((p) => (p.body ? { title: p.title, body: p.body } : { title: p.title })),
    };
    // The schema is the final word; the checks above only exist to point at the right line.
    const parsed = AreaInput.safeParse(area);
    if (!parsed.success && areaErrors.length === 0) {
      for (const issue of parsed.error.issues) {
        // The schema's own words are English; the checks above catch every case a paste can reach.
        errors.push({ line: lineOfIssue(draft, issue.path), key: "importProblemInvalid", params: { area: draft.title, detail: issue.message } });
      }
    }
    areas.push(parsed.success ? parsed.data : area);
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > MAX_REPORTED_ERRORS) {
    const rest = errors.length - MAX_REPORTED_ERRORS;
    const next = errors[MAX_REPORTED_ERRORS]?.line ?? 1;
    errors.length = MAX_REPORTED_ERRORS;
    errors.push({ line: next, key: "importProblemMore", params: { n: rest } });
  }
  return { areas, errors };
}

function checkArea(draft: DraftArea, seenAreas: Map<string, number>): ImportError[] {
  const errors: ImportError[] = [];
  const at = (line: number, key: ImportProblemKey, params: Params = {}) => errors.push({ line, key, params });
  if (!draft.title) at(draft.line, "importProblemAreaNoTitle");
  if (draft.title.length > LIMITS.areaTitle) {
    at(draft.line, "importProblemAreaTitleLong", { length: draft.title.length, max: LIMITS.areaTitle });
  }
  const areaKey = draft.title.toLowerCase();
  const firstArea = seenAreas.get(areaKey);
  if (firstArea !== undefined && draft.title) at(draft.line, "importProblemAreaDuplicate", { area: draft.title, first: firstArea });
  else seenAreas.set(areaKey, draft.line);
  if (draft.proposals.length === 0) at(draft.line, "importProblemAreaEmpty", { area: draft.title });
  if (draft.proposals.length > LIMITS.proposalsPerArea) {
    const extra = draft.proposals[LIMITS.proposalsPerArea];
    at(extra?.line ?? draft.line, "importProblemTooManyProposals", { max: LIMITS.proposalsPerArea, n: LIMITS.proposalsPerArea + 1, area: draft.title });
  }
  const seen = new Map<string, number>();
  for (const p of draft.proposals) {
    if (!p.title) at(p.line, "importProblemProposalNoTitle");
    if (p.title.length > LIMITS.proposalTitle) {
      at(p.line, "importProblemProposalTitleLong", { length: p.title.length, max: LIMITS.proposalTitle });
    }
    if (p.body.length > LIMITS.proposalBody) {
      at(p.line, "importProblemProposalBodyLong", { length: p.body.length, max: LIMITS.proposalBody });
    }
    const key = p.title.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined && p.title) at(p.line, "importProblemProposalDuplicate", { title: p.title, first });
    else seen.set(key, p.line);
  }
  return errors;
}

function lineOfIssue(draft: DraftArea, path: ReadonlyArray<PropertyKey>): number {
  if (path[0] === "proposals" && typeof path[1] === "number") return draft.proposals[path[1]]?.line ?? draft.line;
  return draft.line;
}

// The checks both import formats share: the same limits the API enforces (shared/limits.ts and the
// AreaInput schema), reported against the pasted text's line numbers so the organiser can find the
// line to fix before anything is sent.
import { LIMITS } from "../limits";
import { AreaInput } from "../schemas";

export interface ImportError {
  /** 1-based line of the pasted text. */
  line: number;
  message: string;
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
    errors.push({ line: extra?.line ?? 1, message: `An event can have at most ${LIMITS.areasPerEvent} areas; this is area ${LIMITS.areasPerEvent + 1}.` });
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
        errors.push({ line: lineOfIssue(draft, issue.path), message: `“${draft.title}”: ${issue.message}` });
      }
    }
    areas.push(parsed.success ? parsed.data : area);
  }
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > MAX_REPORTED_ERRORS) {
    const rest = errors.length - MAX_REPORTED_ERRORS;
    const next = errors[MAX_REPORTED_ERRORS]?.line ?? 1;
    errors.length = MAX_REPORTED_ERRORS;
    errors.push({ line: next, message: `…and ${rest} more ${rest === 1 ? "problem" : "problems"} from here on.` });
  }
  return { areas, errors };
}

function checkArea(draft: DraftArea, seenAreas: Map<string, number>): ImportError[] {
  const errors: ImportError[] = [];
  const at = (line: number, message: string) => errors.push({ line, message });
  if (!draft.title) at(draft.line, "The area has no title.");
  if (draft.title.length > LIMITS.areaTitle) {
    at(draft.line, `The area title is ${draft.title.length} characters long; the limit is ${LIMITS.areaTitle}.`);
  }
  const areaKey = draft.title.toLowerCase();
  const firstArea = seenAreas.get(areaKey);
  if (firstArea !== undefined && draft.title) at(draft.line, `The area “${draft.title}” already appears on line ${firstArea}.`);
  else seenAreas.set(areaKey, draft.line);
  if (draft.proposals.length === 0) at(draft.line, `The area “${draft.title}” has no proposals.`);
  if (draft.proposals.length > LIMITS.proposalsPerArea) {
    const extra = draft.proposals[LIMITS.proposalsPerArea];
    at(extra?.line ?? draft.line, `An area can have at most ${LIMITS.proposalsPerArea} proposals; this is proposal ${LIMITS.proposalsPerArea + 1} of “${draft.title}”.`);
  }
  const seen = new Map<string, number>();
  for (const p of draft.proposals) {
    if (!p.title) at(p.line, "The proposal has no title.");
    if (p.title.length > LIMITS.proposalTitle) {
      at(p.line, `The proposal title is ${p.title.length} characters long; the limit is ${LIMITS.proposalTitle}.`);
    }
    if (p.body.length > LIMITS.proposalBody) {
      at(p.line, `The proposal body is ${p.body.length} characters long; the limit is ${LIMITS.proposalBody}.`);
    }
    const key = p.title.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined && p.title) at(p.line, `“${p.title}” already appears on line ${first} in this area.`);
    else seen.set(key, p.line);
  }
  return errors;
}

function lineOfIssue(draft: DraftArea, path: ReadonlyArray<PropertyKey>): number {
  if (path[0] === "proposals" && typeof path[1] === "number") return draft.proposals[path[1]]?.line ?? draft.line;
  return draft.line;
}

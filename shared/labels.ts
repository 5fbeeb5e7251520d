// Proposal labels ("PH-3"): the area's prefix and the proposal's 1-based place, short enough for
// the room to say aloud. One copy of the rule, used by the server's views and by the import preview.
import { LIMITS } from "./limits";

export const PREFIX_PATTERN = new RegExp(`^[A-Z]{1,${LIMITS.prefixLength}}$`);

// Words that carry no meaning in an area's name, so "Enhanced cooperation between UN entities" is "ECUE", not "ECBUE".
const SMALL_WORDS = new Set(["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "between", "et", "de", "des", "du", "la", "le", "les", "y", "el", "und", "der", "die", "das"]);

function letters(word: string): string {
  // Latin letters only: a prefix must be typeable and sayable in any language of the room.
  return word.normalize("NFD").replace(/[^A-Za-z]/g, "").toUpperCase();
}

/** Candidate prefixes for an area title, best first: initials, then longer starts of the first word. */
function candidates(title: string): string[] {
  const words = title.split(/[\s\-–—/&,;:()]+/).map((w) => ({ raw: w.toLowerCase(), l: letters(w) })).filter((w) => w.l);
  const meaningful = words.filter((w) => !SMALL_WORDS.has(w.raw));
  const use = meaningful.length > 0 ? meaningful : words;
  const out: string[] = [];
  if (use.length >= 2) out.push(use.slice(0, LIMITS.prefixLength).map((w) => w.l[0]).join(""));
  const first = use[0]?.l ?? "";
  for (let n = 2; n <= LIMITS.prefixLength; n++) if (first.length >= n) out.push(first.slice(0, n));
  if (use.length >= 2) {
    const initials = use.slice(0, LIMITS.prefixLength - 1).map((w) => w.l[0]).join("");
    const last = use[Math.min(use.length, LIMITS.prefixLength - 1) - 1]?.l ?? "";
    for (const ch of last.slice(1)) out.push(initials + ch);
  }
  if (first) out.push(first.slice(0, 1));
  return out.filter((c) => PREFIX_PATTERN.test(c));
}

/** A prefix for `title` that no area in `taken` has: derived from the title, else a letter pair. */
export function derivePrefix(title: string, taken: ReadonlySet<string>): string {
  for (const c of candidates(title)) if (!taken.has(c)) return c;
  const base = candidates(title)[0]?.slice(0, LIMITS.prefixLength - 1) ?? "A";
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if (!taken.has(base + ch)) return base + ch;
  for (const a of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") for (const b of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") if (!taken.has(`Z${a}${b}`)) return `Z${a}${b}`;
  throw new Error("no free prefix");
}

export function formatLabel(prefix: string, place: number): string {
  return `${prefix}-${place}`;
}

/**
 * Labels of an area's proposals, in the order given (organiser order). A proposal whose label was
 * frozen when the area opened keeps it; the others are numbered after the highest number in use,
 * so a label never changes meaning once the room has heard it.
 */
export function labelsFor(prefix: string, proposals: ReadonlyArray<{ id: string; label: string | null }>): Map<string, string> {
  const out = new Map<string, string>();
  let highest = 0;
  for (const p of proposals) {
    if (p.label === null) continue;
    out.set(p.id, p.label);
    const n = Number(/-(\d+)$/.exec(p.label)?.[1] ?? 0);
    highest = Math.max(highest, n);
  }
  for (const p of proposals) {
    if (p.label !== null) continue;
    highest += 1;
    out.set(p.id, formatLabel(prefix, highest));
  }
  return out;
}

// Reads a programme written as a Markdown outline, the form working groups' notes usually take:
//
//   # Area title
//   - Proposal, often a whole paragraph, which may be
//     wrapped over several lines.
//   - Short proposal title
//     Indented lines that start a new sentence are the proposal's body.
//
// Anything else is reported with its line number rather than guessed at, so what the preview shows
// is exactly what will be saved. Every line is read by hand-written scans, not regular expressions
// with overlapping quantifiers: a pasted megabyte of spaces must cost linear time (SECURITY.md).
import { cleanTitle, finishImport, type DraftArea, type DraftProposal, type ImportError, type ImportResult } from "./validate";

/** A nested list item inside a body (bounded and anchored: linear). */
const BODY_BULLET = /^(?:[-*+•]|\d{1,3}[.)])[ \t]/;
/** Words a title does not end on: a line ending on one was wrapped mid-sentence (English, as the forum). */
const OPEN_WORDS = new Set(["a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from", "that", "as", "into"]);

interface OpenProposal extends DraftProposal {
  titleLines: string[];
  bodyLines: string[];
  /** Whether the next line may still continue the title (no blank or body line since the bullet). */
  titleOpen: boolean;
  /** "(" minus ")" in the title so far: inside a parenthesis the sentence is not over. */
  openParens: number;
}

export function parseMarkdownOutline(text: string): ImportResult {
  const lines = splitLines(text);
  const drafts: DraftArea[] = [];
  const errors: ImportError[] = [];
  let area: DraftArea | null = null;
  let proposal: OpenProposal | null = null;

  const closeProposal = () => {
    if (proposal && area) {
      area.proposals.push({ title: cleanTitle(proposal.titleLines.join(" ")), line: proposal.line, body: joinBody(proposal.bodyLines) });
    }
    proposal = null;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") {
      if (proposal) {
        proposal.bodyLines.push("");
        proposal.titleOpen = false;
      }
      return;
    }
    const indent = indentWidth(raw);
    const open: OpenProposal | null = proposal;
    if (open?.titleOpen && continuesTitle(open, raw)) {
      open.titleLines.push(raw);
      open.openParens += parenBalance(raw);
      return;
    }
    if (indent >= 2) {
      if (open) {
        open.bodyLines.push(raw);
        open.titleOpen = false;
      } else {
        errors.push({ line, key: "importProblemIndentedOrphan", params: {} });
      }
      return;
    }
    const heading = readHeading(raw);
    if (heading !== null) {
      closeProposal();
      area = { title: cleanTitle(heading), line, proposals: [] };
      drafts.push(area);
      return;
    }
    const bullet = readBullet(raw);
    if (bullet !== null) {
      closeProposal();
      if (!area) {
        errors.push({ line, key: "importProblemBeforeHeading", params: {} });
        return;
      }
      proposal = { title: "", line, body: "", titleLines: [bullet], bodyLines: [], titleOpen: true, openParens: parenBalance(bullet) };
      return;
    }
    errors.push({ line, key: proposal ? "importProblemIndentBody" : "importProblemUnexpectedLine", params: {} });
  });
  closeProposal();
  return finishImport(drafts, errors);
}

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** `# Title`, `## Title ##`: up to one space before, 1–6 marks, an optional closing run after a space. */
export function readHeading(raw: string): string | null {
  let start = raw.startsWith(" ") ? 1 : 0;
  if (raw[start] !== "#") return null;
  for (let marks = 0; marks < 6 && raw[start] === "#"; marks++) start++;
  let end = trimEndAt(raw, start, raw.length);
  let run = end;
  while (run > start && raw[run - 1] === "#") run--;
  if (run < end && run > start && isBlank(raw[run - 1])) end = trimEndAt(raw, start, run);
  while (start < end && isBlank(raw[start])) start++;
  return raw.slice(start, end);
}

/** `- text`, `* text`, `+ text`, `• text`, `1. text`, `1) text` (up to one space before): the text, or null. */
export function readBullet(raw: string): string | null {
  let i = raw.startsWith(" ") ? 1 : 0;
  const mark = raw[i];
  if (mark === "-" || mark === "*" || mark === "+" || mark === "•") {
    i++;
  } else {
    let digits = 0;
    while (digits < 3 && isDigit(raw[i])) {
      i++;
      digits++;
    }
    if (digits === 0 || (raw[i] !== "." && raw[i] !== ")")) return null;
    i++;
  }
  if (i === raw.length) return "";
  return isBlank(raw[i]) ? raw.slice(i) : null;
}

/**
 * Whether a line under a bullet carries on the bullet's sentence (a wrapped paragraph) rather than
 * starting its body. It does when it is not a heading or bullet of its own and either starts in
 * lower case or with a parenthesis, or the text above stops mid-clause: after a comma, semicolon,
 * dash or slash, inside an open parenthesis, or on a word that cannot end a title ("the", "of").
 * A body is written as sentences, so it starts with a capital after a complete title.
 */
function continuesTitle(proposal: OpenProposal, raw: string): boolean {
  const next = raw.trimStart();
  if (indentWidth(raw) < 2 && (readHeading(raw) !== null || readBullet(raw) !== null)) return false;
  if (indentWidth(raw) >= 2 && BODY_BULLET.test(next)) return false;
  const ch = String.fromCodePoint(next.codePointAt(0) ?? 0);
  if (ch === "(" || (ch.toLowerCase() === ch && ch.toUpperCase() !== ch)) return true;
  const above = (proposal.titleLines[proposal.titleLines.length - 1] ?? "").trimEnd();
  if (/[,;(\-–—/&]$/.test(above)) return true;
  const lastWord = above.slice(above.lastIndexOf(" ") + 1).toLowerCase();
  if (OPEN_WORDS.has(lastWord)) return true;
  return proposal.openParens > 0;
}

function parenBalance(text: string): number {
  let balance = 0;
  for (const ch of text) {
    if (ch === "(") balance++;
    else if (ch === ")") balance--;
  }
  return balance;
}

function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === " ") width += 1;
    else if (ch === "\t") width += 4;
    else break;
  }
  return width;
}

function isBlank(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function trimEndAt(raw: string, start: number, end: number): number {
  while (end > start && isBlank(raw[end - 1])) end--;
  return end;
}

/**
 * Body lines become paragraphs: hard-wrapped lines of one paragraph are joined (a phone re-wraps
 * them), blank lines separate paragraphs, and a nested list keeps one item per line.
 */
function joinBody(rawLines: readonly string[]): string {
  let strip = Infinity;
  for (const l of rawLines) if (l.trim() !== "") strip = Math.min(strip, leadingChars(l));
  if (strip === Infinity) return "";
  const paragraphs: string[][] = [[]];
  for (const raw of rawLines) {
    const text = raw.slice(strip).trimEnd();
    const current = paragraphs[paragraphs.length - 1] ?? [];
    if (text.trim() === "") {
      if (current.length > 0) paragraphs.push([]);
      continue;
    }
    const last = current.length - 1;
    if (last >= 0 && !BODY_BULLET.test(text.trimStart())) current[last] = `${current[last] ?? ""} ${text.trim()}`;
    else current.push(BODY_BULLET.test(text.trimStart()) ? text : text.trim());
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => p.join("\n"))
    .join("\n\n");
}

function leadingChars(line: string): number {
  return line.length - line.trimStart().length;
}

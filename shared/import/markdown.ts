// Reads a programme written as a Markdown outline, the form working groups' notes usually take:
//
//   # Area title
//   - Proposal title
//     Indented lines are the proposal's body.
//
// Anything else is reported with its line number rather than guessed at, so what the preview shows
// is exactly what will be saved.
import { cleanTitle, finishImport, type DraftArea, type DraftProposal, type ImportError, type ImportResult } from "./validate";

const HEADING = /^ ?(#{1,6})[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^ ?(?:[-*+•]|\d{1,3}[.)])(?:[ \t]+(.*))?$/;
const BODY_BULLET = /^(?:[-*+•]|\d{1,3}[.)])[ \t]/;

interface OpenProposal extends DraftProposal {
  bodyLines: string[];
}

export function parseMarkdownOutline(text: string): ImportResult {
  const lines = splitLines(text);
  const drafts: DraftArea[] = [];
  const errors: ImportError[] = [];
  let area: DraftArea | null = null;
  let proposal: OpenProposal | null = null;

  const closeProposal = () => {
    if (proposal && area) area.proposals.push({ title: proposal.title, line: proposal.line, body: joinBody(proposal.bodyLines) });
    proposal = null;
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") {
      if (proposal) proposal.bodyLines.push("");
      return;
    }
    const indent = indentWidth(raw);
    if (indent >= 2) {
      if (proposal) proposal.bodyLines.push(raw);
      else errors.push({ line, message: "Indented text belongs under a proposal: start the proposal with “- Title” above it." });
      return;
    }
    const heading = HEADING.exec(raw);
    if (heading) {
      closeProposal();
      area = { title: cleanTitle(heading[2] ?? ""), line, proposals: [] };
      drafts.push(area);
      return;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) {
      closeProposal();
      if (!area) {
        errors.push({ line, message: "This proposal comes before the first area heading: add a line “# Area title” above it." });
        return;
      }
      proposal = { title: cleanTitle(bullet[1] ?? ""), line, body: "", bodyLines: [] };
      return;
    }
    errors.push({
      line,
      message: proposal
        ? "Indent body text by two spaces under its proposal, or start a new proposal with “- ”."
        : "Expected “# Area title”, “- Proposal title” or an indented body line.",
    });
  });
  closeProposal();
  return finishImport(drafts, errors);
}

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
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

/**
 * Body lines become paragraphs: hard-wrapped lines of one paragraph are joined (a phone re-wraps
 * them), blank lines separate paragraphs, and a nested list keeps one item per line.
 */
function joinBody(rawLines: readonly string[]): string {
  const nonBlank = rawLines.filter((l) => l.trim() !== "");
  if (nonBlank.length === 0) return "";
  const strip = Math.min(...nonBlank.map((l) => leadingChars(l)));
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

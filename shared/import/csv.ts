// Reads a programme from CSV rows `area,title,body` (RFC 4180 quoting, so cells may hold commas,
// semicolons, quotes and line breaks). Spreadsheets differ in what they paste, so this also takes a
// tab or semicolon separator (European spreadsheet programs write `;`), an optional header naming
// the columns in any order, and a blank area cell meaning "same area as the row above" (how merged
// cells come out). Rows of one area are grouped in the order the area first appears. A proposal
// cell is taken whole, however long (a paragraph): its line breaks become spaces.
// One pass over the characters, no backtracking regular expressions: a hostile paste costs linear time.
import { cleanTitle, finishImport, type DraftArea, type ImportError, type ImportResult } from "./validate";

export interface CsvRecord {
  cells: string[];
  /** 1-based line on which the record starts (a quoted cell may span several lines). */
  line: number;
  /** Another separator (`,` `;` or tab) found outside quotes, if any: a sign of mixed separators. */
  stray?: string;
}

/**
 * `text` is the proposal when there is no title column (a group's paragraph, or the `text` column
 * of our own CSV export: the title, then the body). `label` and `prefix` are accepted so a sheet
 * made from an export reads back; labels are given by the server from the area and the place.
 */
type Column = "area" | "title" | "body" | "text" | "label" | "prefix";

const HEADER_NAMES: Record<string, Column> = {
  area: "area",
  topic: "area",
  theme: "area",
  title: "title",
  proposal: "title",
  body: "body",
  description: "body",
  text: "text",
  label: "label",
  prefix: "prefix",
};
const SEPARATORS = [",", ";", "\t"];
/** The separators as the catalog's select names them (importProblemMixedSeparators). */
const SEPARATOR_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };
const POSITIONAL: Column[] = ["area", "title", "body"];

export function parseCsvProgramme(text: string): ImportResult {
  const input = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(input);
  const { records, errors } = parseCsvRecords(input, delimiter);
  // Spreadsheets often add empty trailing cells (a stray separator at the end of each row).
  const rows = records
    .map((r) => ({ ...r, cells: dropTrailingEmpty(r.cells) }))
    .filter((r) => r.cells.length > 0);
  let columns = POSITIONAL;
  const first = rows[0];
  if (first && isHeader(first.cells)) {
    rows.shift();
    const named = readHeader(first, errors);
    if (!named) return finishImport([], errors);
    columns = named;
  }

  const byTitle = new Map<string, DraftArea>();
  const drafts: DraftArea[] = [];
  let previous: DraftArea | null = null;
  for (const row of rows) {
    if (row.cells.length === 1 && row.stray !== undefined) {
      // One cell with another separator in it: this row was split with a different separator than
      // the first line, and guessing which is meant would put text in the wrong column.
      errors.push({
        line: row.line,
        key: "importProblemMixedSeparators",
        params: { found: SEPARATOR_NAMES[row.stray] ?? "tab", first: SEPARATOR_NAMES[delimiter] ?? "tab" },
      });
      continue;
    }
    if (row.cells.length > columns.length) {
      errors.push({
        line: row.line,
        // The column names stay the API's English names, as a header must write them.
        key: "importProblemTooManyCells",
        params: { cells: row.cells.length, columns: columns.join(", ") },
      });
      continue;
    }
    const cell = (name: Column) => row.cells[columns.indexOf(name)] ?? "";
    const areaTitle = cleanTitle(cell("area"));
    const { title, body } = proposalOf(columns, cell);
    let area: DraftArea | null = previous;
    if (areaTitle) {
      area = byTitle.get(areaTitle.toLowerCase()) ?? null;
      if (!area) {
        area = { title: areaTitle, line: row.line, proposals: [] };
        byTitle.set(areaTitle.toLowerCase(), area);
        drafts.push(area);
      }
    }
    if (!area) {
      errors.push({ line: row.line, key: "importProblemNoArea", params: {} });
      continue;
    }
    previous = area;
    if (!title) {
      errors.push({ line: row.line, key: "importProblemRowNoTitle", params: {} });
      continue;
    }
    area.proposals.push({ title, body, line: row.line });
  }
  return finishImport(drafts, errors);
}

/** Title and body of a row: from `title` and `body`, or from `text` when there is no title column. */
function proposalOf(columns: readonly Column[], cell: (name: Column) => string): { title: string; body: string } {
  if (!columns.includes("title")) return { title: cleanTitle(cell("text")), body: cleanBody(cell("body")) };
  const title = cleanTitle(cell("title"));
  let body = cleanBody(cell("body"));
  if (columns.includes("text") && !columns.includes("body")) {
    // An export's `text` repeats the title before the body: keep only what it adds.
    const text = cleanBody(cell("text"));
    const flat = cleanTitle(text);
    body = flat === title ? "" : flat.startsWith(title) ? cleanBody(textAfterTitle(text, title)) : text;
  }
  return { title, body };
}

/** The text after its leading title (the title's spaces may be line breaks in the text). */
function textAfterTitle(text: string, title: string): string {
  let t = 0;
  let i = 0;
  while (i < text.length && t < title.length) {
    if (/\s/.test(text[i] ?? "")) {
      if (title[t] === " ") t++;
      while (i < text.length && /\s/.test(text[i] ?? "")) i++;
    } else {
      i++;
      t++;
    }
  }
  return text.slice(i);
}

/** RFC 4180 records; also tolerates a stray quote inside an unquoted cell (kept as text). */
export function parseCsvRecords(text: string, delimiter = ","): { records: CsvRecord[]; errors: ImportError[] } {
  const records: CsvRecord[] = [];
  const errors: ImportError[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let cellStarted = false;
  let stray: string | undefined;

  const endCell = () => {
    cells.push(cell);
    cell = "";
    cellStarted = false;
  };
  const endRecord = () => {
    endCell();
    records.push(stray === undefined ? { cells, line: recordLine } : { cells, line: recordLine, stray });
    cells = [];
    stray = undefined;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      if (ch !== " " && ch !== "\t") cellStarted = true;
      if (stray === undefined && SEPARATORS.includes(ch)) stray = ch;
    }
  }
  if (quoted) {
    errors.push({ line: quoteLine, key: "importProblemUnclosedQuote", params: {} });
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return { records, errors };
}

/** The separator of the first line: a tab (pasted from a spreadsheet), else ; or , whichever is commoner. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const outside = firstLine.replace(/"[^"]*"/g, "");
  if (outside.includes("\t")) return "\t";
  const count = (ch: string) => outside.split(ch).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

function isHeader(cells: readonly string[]): boolean {
  const names = cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  return names.includes("area") && (names.includes("title") || names.includes("text"));
}

function readHeader(header: CsvRecord, errors: ImportError[]): Column[] | null {
  const columns: Column[] = [];
  for (const raw of header.cells) {
    const name = HEADER_NAMES[raw.trim().toLowerCase()];
    if (!name) {
      errors.push({ line: header.line, key: "importProblemUnknownColumn", params: { column: raw.trim() } });
      return null;
    }
    if (columns.includes(name)) {
      errors.push({ line: header.line, key: "importProblemDuplicateColumn", params: { column: raw.trim() } });
      return null;
    }
    columns.push(name);
  }
  return columns;
}

function dropTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? "").trim() === "") end--;
  return cells.slice(0, end);
}

/** Line ends made `\n`, trailing blanks of each line dropped, at most one empty line in a row. */
function cleanBody(raw: string): string {
  const out: string[] = [];
  let blank = 0;
  for (const line of raw.split(/\r\n|\r|\n/)) {
    const kept = line.trimEnd();
    blank = kept === "" ? blank + 1 : 0;
    if (blank < 2) out.push(kept);
  }
  return out.join("\n").trim();
}

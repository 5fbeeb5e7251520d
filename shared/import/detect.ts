// One entry point for the paste box: the organiser need not say which format they pasted.
import { parseCsvProgramme } from "./csv";
import { parseMarkdownOutline } from "./markdown";
import type { ImportResult } from "./validate";

export type ImportFormat = "markdown" | "csv";

/** Markdown when the first non-blank line is a heading or a bullet; CSV otherwise. */
export function detectImportFormat(text: string): ImportFormat {
  const first = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
  return /^\s*(#|[-*+•]\s)/.test(first) ? "markdown" : "csv";
}

export function parseProgramme(text: string, format: ImportFormat = detectImportFormat(text)): ImportResult {
  return format === "markdown" ? parseMarkdownOutline(text) : parseCsvProgramme(text);
}

/**
 * The other format, when the chosen one cannot read the text and the other reads it cleanly: a
 * spreadsheet pasted while "outline" is selected is offered as CSV (and the reverse), never
 * switched behind the organiser's back.
 */
export function betterFormat(text: string, chosen: ImportFormat, result: ImportResult = parseProgramme(text, chosen)): ImportFormat | null {
  if (result.errors.length === 0 || text.trim() === "") return null;
  const other: ImportFormat = chosen === "markdown" ? "csv" : "markdown";
  const alternative = parseProgramme(text, other);
  return alternative.errors.length === 0 && alternative.areas.length > 0 ? other : null;
}

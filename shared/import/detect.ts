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

// The three export formats behind one function, for the route and the command line alike.
import type { ExportFormat } from "../../shared/schemas";
import type { ReportData } from "../services/report";
import { toCsv } from "./csv";
import { toJson } from "./json";
import { toMarkdown } from "./markdown";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

export function exportFile(data: ReportData, format: ExportFormat): ExportFile {
  const base = `plenary-${data.event.code.toLowerCase()}-results`;
  switch (format) {
    case "csv": return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: toCsv(data) };
    case "json": return { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: toJson(data) };
    case "md": return { filename: `${base}.md`, contentType: "text/markdown; charset=utf-8", body: toMarkdown(data) };
  }
}

// `npm run export -- CODE --format csv|json|md|package [--out FILE]`: the results exports of the
// API (server/exports), or the event as a portable file (shared/event-package.ts), read straight
// from the database file — no server needed. Without --out the file goes to standard output
// (to a terminal without its control characters).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { normalizeCode } from "../shared/codes";
import { toEventPackage } from "../shared/event-package";
import { ExportFormat } from "../shared/schemas";
import { forTerminal } from "../shared/text";
import { exportFile, type ExportFile } from "../server/exports";
import { eventView } from "../server/services/event-view";
import { reportData } from "../server/services/report";
import { databasePath, openDataDb, runCli } from "./data-db";

export const FORMATS = ["csv", "json", "md", "package"] as const;
export type CliFormat = (typeof FORMATS)[number];

export function exportFromDatabase(file: string, code: string, format: CliFormat): ExportFile {
  const { db, ctx } = openDataDb(file, true);
  try {
    const row = ctx.repos.events.byCode(normalizeCode(code));
    if (!row) throw new Error(`No event with the code ${normalizeCode(code)} in ${file}.`);
    if (format === "package") {
      const pkg = toEventPackage(eventView(ctx, row), ctx.now());
      return { filename: `plenary-event-${row.code.toLowerCase()}.json`, contentType: "application/json", body: `${JSON.stringify(pkg, null, 2)}\n` };
    }
    return exportFile(reportData(ctx, row), ExportFormat.parse(format));
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { format: { type: "string", default: "csv" }, out: { type: "string" } } });
  const code = positionals[0];
  const format = FORMATS.find((f) => f === values.format);
  if (!code || !format || positionals.length > 1) {
    throw new Error(`Usage: npm run export -- CODE --format ${FORMATS.join("|")} [--out FILE]`);
  }
  const file = exportFromDatabase(databasePath(), code, format);
  if (values.out) {
    writeFileSync(resolve(values.out), file.body);
    process.stderr.write(`Wrote ${resolve(values.out)}\n`);
  } else {
    // A terminal would obey escape sequences in a title (colours, cursor moves, a lone CR
    // overwriting the line): it is shown the text without them. A pipe or file gets the exact bytes.
    process.stdout.write(process.stdout.isTTY ? forTerminal(file.body) : file.body);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCli(main);

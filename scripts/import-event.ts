// `npm run import-event -- FILE`: creates an event from an event file (shared/event-package.ts)
// in $DATA_DIR/plenary.db — works whether or not the server is running (SQLite serialises the
// writes). Prints the new event's links once: only hashes of its keys are stored.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { readEventPackage } from "../shared/event-package";
import { readConfig } from "../server/config";
import { eventLinks } from "../server/demo";
import { createEvent, type CreatedEvent } from "../server/services/content";
import { databasePath, openDataDb, runCli } from "./data-db";

export function importEventFile(databaseFile: string, packageText: string): CreatedEvent {
  const read = readEventPackage(packageText);
  if (!read.ok) throw new Error(read.message);
  const { db, ctx } = openDataDb(databaseFile, false);
  try {
    return createEvent(ctx, read.pkg.event);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error("Usage: npm run import-event -- FILE");
  const created = importEventFile(databasePath(), readFileSync(file, "utf8"));
  const config = readConfig();
  const links = eventLinks(config.publicUrl ?? `http://localhost:${config.port}`, created.event.code, created.adminToken, created.screenKey);
  process.stdout.write(
    `Imported “${created.event.title}” as event ${created.event.code}.\n` +
      `Participants: ${links.participant}\nProjector:    ${links.projector}\nOrganiser:    ${links.organiser}\n` +
      "Keep the organiser link: it is shown only now.\n",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runCli(main);

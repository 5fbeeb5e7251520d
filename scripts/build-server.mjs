// The server and the command-line tools it ships with, compiled to plain JavaScript in
// dist/server/, so production runs `node dist/server/main.js` without a TypeScript loader.
// One ES module per entry point; packages stay imports of node_modules (better-sqlite3 is native
// and cannot be bundled), so only our own code is compiled. Plain JavaScript itself, so that it
// runs with plain node before anything is built.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SERVER_OUT = join(ROOT, "dist", "server");

/** server/main.ts and the tools of `npm run backup|export|import-event|restore` (those that exist). */
export const SERVER_ENTRIES = ["server/main.ts", "scripts/backup.ts", "scripts/export.ts", "scripts/import-event.ts", "scripts/restore.ts"].filter((f) => existsSync(join(ROOT, f)));

export async function buildServer() {
  rmSync(SERVER_OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: SERVER_ENTRIES,
    outdir: SERVER_OUT,
    // dist/server/main.js, dist/server/export.js, … whatever folder the source is in
    entryNames: "[name]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildServer();

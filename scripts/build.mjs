// `npm run build`: the web client (Vite, into dist/client/) and the server (esbuild, into
// dist/server/), then a stamp: a hash of the sources they were built from. With --if-changed
// (`npm start` and the tools) nothing is rebuilt while the sources still match the stamp, so
// starting on the day of the vote runs what was built and tested, and a broken toolchain cannot
// stop a start. Everything it prints goes to standard error: `npm run --silent export` writes
// only the exported file to standard output, even when it had to build first.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildServer, SERVER_OUT } from "./build-server.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STAMP = join(ROOT, "dist", "build-stamp.txt");
const CLIENT_INDEX = join(ROOT, "dist", "client", "index.html");

// What the two builds read: the three source folders, the tools beside this script (not the
// benchmark's folder), and the lockfile and settings, since a new dependency or build setting
// changes the output too. db/ is not among them: migrations and the demo event are read from db/
// at run time, so changing them needs a restart, not a build.
const SOURCE_DIRS = ["client", "server", "shared"];
const SOURCE_FILES = ["package.json", "package-lock.json", "tsconfig.base.json", ...readdirSync(join(ROOT, "scripts")).filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => `scripts/${f}`)];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

/** A hash of every source's path and content (not mtimes: a checkout or copy changes those). */
export function sourcesHash() {
  const files = [...SOURCE_DIRS.flatMap((d) => filesUnder(join(ROOT, d))), ...SOURCE_FILES.map((f) => join(ROOT, f))]
    .filter((f) => existsSync(f))
    .map((f) => relative(ROOT, f).split("\\").join("/"))
    .sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(ROOT, f))).update("\0");
  return hash.digest("hex");
}

function upToDate(hash) {
  return existsSync(STAMP) && readFileSync(STAMP, "utf8").trim() === hash && existsSync(CLIENT_INDEX) && existsSync(join(SERVER_OUT, "main.js"));
}

function buildClient() {
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const run = spawnSync(process.execPath, [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: ["ignore", 2, 2] });
  if (run.status !== 0) throw new Error(`the client build failed (${run.signal ?? `exit ${run.status}`})`);
}

async function main() {
  const ifChanged = process.argv.includes("--if-changed");
  const hash = sourcesHash();
  if (ifChanged && upToDate(hash)) return;
  if (ifChanged) process.stderr.write("Sources changed since the last build: building client and server…\n");
  try {
    buildClient();
    await buildServer();
  } catch (err) {
    process.stderr.write(`Build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  writeFileSync(STAMP, `${hash}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();

// Build steps for the bytes on the wire (a phone on a poor venue link pays for every byte and every
// round trip):
// - participant.html: index.html plus <link rel=modulepreload|stylesheet> for every chunk the
//   participant page imports statically, so the phone fetches them with the entry instead of after it
//   has run (one round trip instead of two). The server sends it for /e/CODE.
// - every served file is written beside itself as .br and .gz (best settings: it is done once, at
//   build time), for server/plugins/static-client.ts to send by accept-encoding.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";
import { staticClosure, type Manifest, type ManifestChunk } from "../scripts/client-manifest.ts";

export const PARTICIPANT_PAGE = "src/pages/participant/ParticipantPage.tsx";
export const PARTICIPANT_HTML = "participant.html";
export const SERVICE_WORKER = "sw.js";
const COMPRESSIBLE = /\.(?:html|js|css|json|svg|txt|webmanifest)$/;

/** The participant page's own files beyond the entry: its static chunks and their styles. */
function participantFiles(manifest: Manifest): { entry: string; js: string[]; css: string[] } {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error("the manifest names no entry chunk");
  const keys = [...staticClosure(manifest, [entry, PARTICIPANT_PAGE])].filter((k) => k !== entry);
  const chunks = keys.map((k) => manifest[k] as ManifestChunk & { css?: string[] });
  const js = chunks.map((c) => c.file).filter((f) => f.endsWith(".js"));
  const css = chunks.flatMap((c) => c.css ?? []);
  return { entry, js, css };
}

/** index.html with the participant page's chunks and styles announced in its head. */
export function participantHtml(indexHtml: string, manifest: Manifest): string {
  const { js, css } = participantFiles(manifest);
  // Same href strings as Vite's preload helper uses ("/assets/…"): it then sees them loaded and
  // does not fetch them again when the page's lazy import runs.
  const links = [
    ...js.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...css.map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
  ].join("\n    ");
  if (!indexHtml.includes("</head>")) throw new Error("index.html has no </head>");
  return indexHtml.replace("</head>", `  ${links}\n  </head>`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    // .vite/ (the manifest) is not served.
    if (name.startsWith(".")) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes FILE.br and FILE.gz beside each compressible file, each only where it is smaller. */
export function precompressDir(dir: string): void {
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
  }
}

/**
 * The phone's service worker (client/sw.js) for this build: its name (a hash of the manifest, so a
 * new build is a new worker and takes over at the next load) and the app shell it keeps for offline
 * reloads: participant.html, the entry with its styles, and the participant page's chunks.
 */
export function serviceWorker(source: string, manifest: Manifest): string {
  const { entry, js, css } = participantFiles(manifest);
  const main = manifest[entry] as ManifestChunk & { css?: string[] };
  const files = [main.file, ...(main.css ?? []), ...js, ...css];
  const shell = ["/" + PARTICIPANT_HTML, ...[...new Set(files)].map((f) => `/${f}`)];
  const build = createHash("sha256").update(JSON.stringify(manifest)).update(source).digest("hex").slice(0, 12);
  return `const BUILD = ${JSON.stringify(build)};\nconst SHELL = ${JSON.stringify(shell)};\n${source}`;
}

export function wirePlugin(outDir: string): Plugin {
  return {
    name: "plenary-wire",
    apply: "build",
    // After every file (pages, chunks, manifest) is on disk.
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Manifest;
        writeFileSync(join(outDir, PARTICIPANT_HTML), participantHtml(readFileSync(join(outDir, "index.html"), "utf8"), manifest));
        writeFileSync(join(outDir, SERVICE_WORKER), serviceWorker(readFileSync(new URL("./sw.js", import.meta.url), "utf8"), manifest));
        precompressDir(outDir);
      },
    },
  };
}

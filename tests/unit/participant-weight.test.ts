// The participant's phone page must stay light on venue Wi-Fi: all the JavaScript it loads — the
// entry chunk and every chunk the entry and the participant page import statically, followed
// recursively — at most 100 KB gzipped. Reads the manifest of the production build, so it runs after
// `npm run build` (as `npm test` does); a missing build is a failure, not a skip.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { staticClosure, type Manifest, type ManifestChunk } from "../../scripts/client-manifest";

const BUDGET_BYTES = 100 * 1024;
const PAGE = "src/pages/participant/ParticipantPage.tsx";
const dist = fileURLToPath(new URL("../../dist/client/", import.meta.url));
const manifestFile = `${dist}.vite/manifest.json`;

describe("participant page weight", () => {
  it("loads at most 100 KB of gzipped JavaScript", () => {
    expect(existsSync(manifestFile), `${manifestFile} is missing: run \`npm run build\` first`).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0];
    expect(entry, "the manifest names no entry chunk").toBeDefined();
    expect(manifest[PAGE], `the manifest has no chunk for ${PAGE}`).toBeDefined();

    const chunks = [...staticClosure(manifest, [entry as string, PAGE])];
    const sizes = chunks.map((key) => {
      const file = (manifest[key] as ManifestChunk).file;
      return { file, gz: gzipSync(readFileSync(`${dist}${file}`)).length };
    });
    const total = sizes.reduce((sum, s) => sum + s.gz, 0);
    const table = sizes.map((s) => `${s.file}: ${(s.gz / 1024).toFixed(1)} KB`).join("\n");
    console.info(`participant page JS: ${(total / 1024).toFixed(1)} KB gzipped\n${table}`);
    expect(total, `participant page JS is ${(total / 1024).toFixed(1)} KB gzipped (budget 100 KB):\n${table}`).toBeLessThanOrEqual(
      BUDGET_BYTES,
    );
  });

  it("does not pull in the organiser's or projector's code, or the QR library", () => {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    const entry = Object.entries(manifest).find(([, c]) => c.isEntry)?.[0] as string;
    const keys = staticClosure(manifest, [entry, PAGE]);
    for (const key of keys) {
      expect(key).not.toMatch(/pages\/(admin|screen|home)\//);
      expect(readFileSync(`${dist}${(manifest[key] as ManifestChunk).file}`, "utf8")).not.toMatch(/qrcode|QRCode/);
    }
  });
});

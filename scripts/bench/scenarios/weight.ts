// Client weight: the gzipped JavaScript a phone (participant page) and the projector (screen page)
// must download before the page can run, read from the Vite manifest of the built client: the
// entry chunk, the page's chunk and every chunk they import statically. Chunks the page loads later
// (dynamic imports) are listed apart.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { fmt, type ScenarioReport } from "../report";
import { REPO_ROOT } from "../rpc";
import { staticClosure, type Manifest } from "../../client-manifest";


export const CLIENT_DIR = join(REPO_ROOT, "dist/client");
const PAGES = [
  { page: "participant", key: "src/pages/participant/ParticipantPage.tsx", budgetKb: 100 },
  { page: "projector", key: "src/pages/screen/ScreenPage.tsx", budgetKb: 150 },
] as const;

export function weight(clientDir = CLIENT_DIR): ScenarioReport {
  const manifestFile = join(clientDir, ".vite/manifest.json");
  if (!existsSync(manifestFile)) {
    return {
      name: "weight",
      correct: false,
      problems: [`${manifestFile} is missing: run \`npm run build\` first`],
      targets: PAGES.map((p) => ({ scenario: "weight", metric: `${p.page} page JS, gzipped`, target: `≤ ${p.budgetKb} KB`, measured: "not built", pass: false })),
      details: null,
    };
  }
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const gz = new Map<string, number>();
  const gzipped = (file: string) => {
    let n = gz.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
      gz.set(file, n);
    }
    return n;
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const problems: string[] = [];
  const pages = PAGES.map((p) => {
    if (!manifest[p.key]) {
      problems.push(`${p.key} is not in the manifest`);
      return { ...p, bytes: 0, files: [] as Array<{ file: string; gzip: number }>, later: [] as Array<{ file: string; gzip: number }> };
    }
    const keys = staticClosure(manifest, [...entries, p.key]);
    const files = [...keys].map((k) => manifest[k]?.file ?? "").filter((f) => f.endsWith(".js")).map((file) => ({ file, gzip: gzipped(file) }));
    const laterKeys = (manifest[p.key]?.dynamicImports ?? []).filter((k) => !keys.has(k));
    const later = [...staticClosure(manifest, laterKeys)].filter((k) => !keys.has(k)).map((k) => manifest[k]?.file ?? "").filter((f) => f.endsWith(".js")).map((file) => ({ file, gzip: gzipped(file) }));
    return { ...p, bytes: files.reduce((a, f) => a + f.gzip, 0), files, later };
  });
  return {
    name: "weight",
    correct: problems.length === 0,
    problems,
    targets: pages.flatMap((p) => [
      { scenario: "weight", metric: `${p.page} page JS, gzipped (${p.files.length} files)`, target: `≤ ${p.budgetKb} KB`, measured: fmt.kb(p.bytes), pass: p.bytes > 0 && p.bytes <= p.budgetKb * 1024 },
      ...(p.later.length ? [{ scenario: "weight", metric: `${p.page} page, loaded later`, target: "", measured: fmt.kb(p.later.reduce((a, f) => a + f.gzip, 0)), pass: null }] : []),
    ]),
    details: { clientDir, gzipLevel: 9, pages },
  };
}

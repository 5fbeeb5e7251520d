// The client is laid out by feature: each folder of client/src/pages/ is one page family, and what
// two of them share lives in client/src/components/ (UI) or client/src/features/<name>/ (logic).
// A page importing another page's file ties their chunks and their changes together, so this test
// reads every import under client/src and fails when one crosses from a page into another page, or
// from shared code into any page.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const SRC = join(ROOT, "client/src");
const PAGES = join(SRC, "pages");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(tsx?|css)$/.test(name) ? [path] : [];
  });
}

/** Every module a file names: `from "…"` (imports and re-exports), `import "…"` and `import("…")`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /@import\s+(?:url\()?["']([^"']+)["']/g];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) out.push(m[1]);
  return out;
}

/** The page folder (first folder under client/src/pages) a path lies in, or null outside the pages. */
function pageOf(path: string): string | null {
  const rel = relative(PAGES, path);
  if (rel.startsWith("..") || rel === "") return null;
  return rel.split(sep)[0] ?? null;
}

interface Edge { from: string; spec: string; target: string }

function relativeImports(): Edge[] {
  return files(SRC).flatMap((from) =>
    specifiers(readFileSync(from, "utf8"))
      .filter((spec) => spec.startsWith("."))
      .map((spec) => ({ from, spec, target: resolve(dirname(from), spec) })),
  );
}

const show = (e: Edge) => `${relative(ROOT, e.from)} imports "${e.spec}"`;

describe("client structure: pages import shared code, never each other", () => {
  const edges = relativeImports();
  const pages = readdirSync(PAGES).filter((name) => statSync(join(PAGES, name)).isDirectory());

  it("reads the pages and their imports (the rule below is not vacuous)", () => {
    expect(pages).toEqual(expect.arrayContaining(["admin", "home", "participant", "screen"]));
    for (const page of pages) expect(edges.some((e) => pageOf(e.from) === page), page).toBe(true);
    // Shared code is used from more than one page, so the scan sees the imports that replaced the
    // cross-page ones.
    expect(edges.filter((e) => pageOf(e.from) && /\/(components|features)\//.test(e.target)).length).toBeGreaterThan(5);
  });

  it("no file of a page imports a file of another page", () => {
    const crossing = edges.filter((e) => {
      const own = pageOf(e.from);
      const other = pageOf(e.target);
      return own !== null && other !== null && other !== own;
    });
    expect(crossing.map(show)).toEqual([]);
  });

  it("shared code (components, features, api, i18n, clock) imports no page", () => {
    const intoPages = edges.filter((e) => pageOf(e.from) === null && pageOf(e.target) !== null);
    // The entry point and the router load the pages; nothing else outside them may.
    const allowed = new Set(["main.tsx"].map((f) => join(SRC, f)));
    expect(intoPages.filter((e) => !allowed.has(e.from)).map(show)).toEqual([]);
  });
});

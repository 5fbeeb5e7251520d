// The linter's one house rule it cannot check itself: an `eslint-disable…` comment names the rules it
// turns off and says why after ` -- ` (`// eslint-disable-next-line rule-name -- reason`). A bare
// `/* eslint-disable */` would silence any lint rule written to catch it, so this test reads the
// sources instead.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SKIP = new Set(["node_modules", "dist", "data", ".git", ".tmp", "bench-results", "test-results"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** Every eslint-disable directive in `text` lacking its rule names or its reason. */
export function bareDirectives(text: string): string[] {
  const comments = text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];
  return comments.filter((c) => {
    const m = /^(?:\/\/|\/\*)\s*eslint-disable(?:-next-line|-line)?(?=\s|\*\/|$)([\s\S]*?)(?:\*\/)?$/.exec(c);
    if (!m) return false;
    const [rules = "", reason = ""] = (m[1] ?? "").split(/\s--\s/);
    return !rules.trim() || !reason.trim();
  });
}

describe("eslint-disable comments", () => {
  it("are told apart: a rule and a reason pass, anything less is reported", () => {
    // Built from a variable, so that this file's own samples are not read as directives.
    const d = "eslint-disable";
    const bad = [`/* ${d} */`, `// ${d}-line`, `// ${d}-next-line no-console`, `// ${d}-next-line -- no rule named`];
    expect(bareDirectives(`// ${d}-next-line @typescript-eslint/no-floating-promises -- fire and forget: the log is best effort`)).toEqual([]);
    expect(bareDirectives(`/* ${d} react-hooks/exhaustive-deps -- bound once on mount */`)).toEqual([]);
    expect(bareDirectives('const s = "http://example.org"; // an ordinary comment')).toEqual([]);
    expect(bareDirectives(bad.map((c) => `f();\n${c}\ng();`).join("\n"))).toEqual(bad);
  });

  it("in the sources each name their rules and give a reason", () => {
    const files = sources(ROOT);
    expect(files.length).toBeGreaterThan(100);
    const bare = files.flatMap((f) => bareDirectives(readFileSync(f, "utf8")).map((c) => `${relative(ROOT, f)}: ${c}`));
    expect(bare).toEqual([]);
  });
});

// Files the server reads beside its code (migrations, the demo event, the built client), found
// from the repository's root. The root is the nearest folder above this module holding
// package.json, so the answer is the same whether this runs from the sources (server/paths.ts,
// under tsx or vitest) or bundled (dist/server/*.js) — a relative URL would differ between the two.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}: Plenary runs from its own folder.`);
  }
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the repository, e.g. `fromRoot("db", "migrations")`. */
export function fromRoot(...parts: string[]): string {
  return join(ROOT, ...parts);
}

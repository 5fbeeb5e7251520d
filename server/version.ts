// The server's version, read from package.json: one place, reported by /healthz, /api/server-info
// and /openapi.json (a constant in the code had drifted to 1.0.0 while the package said 0.1.0).
import { readFileSync } from "node:fs";
import { fromRoot } from "./paths";

export const VERSION: string = (JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as { version: string }).version;

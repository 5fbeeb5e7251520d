// A value the organiser wrote (an area's title, a CSV column name) inside a sentence that is plain
// text — a refusal, an import problem, an aria-label's neighbour — isolated from the sentence's
// direction with Unicode's first-strong isolate (U+2068 … U+2069): an English title inside an Arabic
// sentence keeps its own order, and the sentence keeps its own. Elements use <bdi> (rich.tsx) instead.
import type { Params } from "../../../../shared/i18n/message";

export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The named text parameters isolated (never a select's value, which must match its option). */
export function isolateParams(params: Params, names: readonly string[]): Params {
  const out: Record<string, string | number> = { ...params };
  for (const name of names) {
    const v = params[name];
    if (typeof v === "string") out[name] = isolated(v);
  }
  return out;
}

// The printable report's line under a runoff's heading: "Runoff of “…”.", in the report's words, so
// the report reads as two rounds (as the Markdown export does).
import type { Event } from "../../../../shared/schemas";

export function RoundNote({ event, areaId, r }: { event: Event; areaId: string; r: (key: string, params?: Record<string, string | number>) => string }) {
  const roundOf = event.areas.find((a) => a.id === areaId)?.roundOf;
  const first = roundOf ? event.areas.find((a) => a.id === roundOf) : undefined;
  if (!first) return null;
  // dir=auto: the first round's title may be written in another direction than the report.
  return <p className="report-round" dir="auto" data-round-of={first.id}>{r("runoffOf", { area: first.title })}</p>;
}

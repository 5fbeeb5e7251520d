// Latency histograms (HdrHistogram, microseconds): recorded in the workers, shipped to the
// orchestrator in HdrHistogram's compressed form, merged and summarised there.
import * as hdr from "hdr-histogram-js";

export type Histogram = hdr.Histogram;

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export function newHistogram(): Histogram {
  // Up to 10 minutes in µs, 3 significant digits: enough for any latency a stalled server can show.
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a duration given in milliseconds (performance.now() differences). */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export function encode(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decode(s: string): Histogram {
  return hdr.decodeFromCompressedBase64(s);
}

export function merge(encoded: readonly string[]): Histogram {
  const total = newHistogram();
  for (const s of encoded) total.add(decode(s));
  return total;
}

const ms = (us: number) => Math.round(us / 10) / 100;

/** Percentiles in milliseconds, two decimals. */
export function summarize(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  return {
    count: h.totalCount,
    p50: ms(h.getValueAtPercentile(50)),
    p90: ms(h.getValueAtPercentile(90)),
    p99: ms(h.getValueAtPercentile(99)),
    p999: ms(h.getValueAtPercentile(99.9)),
    max: ms(h.maxValue),
    mean: ms(h.mean),
  };
}

// How the server's process sizes its JavaScript heap. V8 tunes for speed on a machine with memory to
// spare: after each full collection it lets the old generation grow to several times the live data
// before collecting again. A hall of 10,000 phones keeps about 125 MB of live socket state, and
// with the default growth the process reached 420–470 MB during 30 s of voting; growing by half the
// live size instead kept it near 320 MB, the extra collections (concurrent) costing no measurable
// latency (docs/PERFORMANCE.md). Process-wide, so it is for entry points, not for buildApp.
import { setFlagsFromString } from "node:v8";

export function tuneHeap(): void {
  setFlagsFromString("--heap-growing-percent=50");
}

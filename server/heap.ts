// How the server's process sizes its JavaScript heap. V8 tunes for speed on a machine with memory to
// spare: after each full collection it lets the old generation grow to several times the live data
// before collecting again. A hall of 10,000 phones keeps about 125 MB of live socket state, and
// with the default growth the process reached 420–470 MB during 30 s of voting; growing by half the
// live size instead kept it near 320 MB, the extra collections (concurrent) costing no measurable
// latency (docs/PERFORMANCE.md).
// These are flags of the node command line, not set at run time: V8 reads them as the process
// starts (changing them later with v8.setFlagsFromString is documented as unsafe). `npm start`
// passes them (scripts/start.sh, checked by tests/integration/start.test.ts); the benchmark's
// server process gets them too, so it measures the server as `npm start` runs it.
export const HEAP_FLAGS: readonly string[] = ["--heap-growing-percent=50"];

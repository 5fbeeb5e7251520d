// Command-line options of `npm run bench`, and the sizes each mode runs at.
export const SCENARIOS = ["durable", "live", "hall", "storm", "weight", "slow-phone", "phones"] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export type Mode = "full" | "quick" | "smoke";

export interface BenchOptions {
  scenarios: ScenarioName[];
  mode: Mode;
  /** Overrides the measured phase of the live and hall scenarios, seconds. */
  durationS: number | null;
  /** p99 a durable step must stay under to count as sustained, ms. */
  sloMs: number;
  /** Where to write the JSON report; null: bench-results/bench-<time>.json. */
  out: string | null;
  /** Print progress lines. */
  verbose: boolean;
  /** Extra node/V8 flags for the server process only (e.g. --max-semi-space-size=8). */
  serverFlags: string[];
  /** Overrides the participant sockets of the storm scenario (a smaller storm on a busy machine). */
  stormSockets?: number | null;
  /** How the storm's sockets drop (see StormDrop). */
  stormDrop?: StormDrop;
}

/**
 * `silent`: the access point restarts — each phone's system sees its link go and reconnects, while
 * the server hears nothing of the old connection until its ping timeout (20–40 s later). `close`:
 * every phone says goodbye first (Socket.IO disconnect, WebSocket close, FIN), so the server also
 * tears 10,000 connections down inside the storm.
 */
export type StormDrop = "silent" | "close";

export const USAGE = `npm run bench -- [--quick] [--scenario durable,live,hall,storm,weight,slow-phone,phones] [--duration SECONDS] [--slo-ms MS]
                     [--server-flags "FLAGS"] [--out FILE] [--quiet]

  --quick       shorter steps and phases (about a minute in all); figures are rougher
  --scenario    which scenarios to run (default: all seven), comma-separated
  --duration    seconds of the measured phase of the live and hall scenarios (default 30, quick 10)
  --slo-ms      p99 under which a durable-ballot step counts as sustained (default 100)
  --server-flags  node/V8 flags for the server process only, e.g. "--max-semi-space-size=8"
  --storm-sockets  participant sockets of the storm (default 10,000; smoke 120)
  --storm-drop  silent (default: an access point restart, the old connections go quiet) or close
                (every phone closes its connection first)
  --out         JSON report path (default bench-results/bench-<time>.json)`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { scenarios: [...SCENARIOS], mode: "full", durationS: null, sloMs: 100, out: null, verbose: true, serverFlags: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value\n\n${USAGE}`);
      return v;
    };
    const number = (min: number) => {
      const n = Number(value());
      if (!Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}`);
      return n;
    };
    switch (flag) {
      case "--quick":
        options.mode = "quick";
        break;
      case "--smoke":
        options.mode = "smoke";
        break;
      case "--scenario":
      case "--scenarios": {
        const names = value().split(",").map((s) => s.trim()).filter(Boolean);
        for (const n of names) if (!(SCENARIOS as readonly string[]).includes(n)) throw new Error(`unknown scenario "${n}" (${SCENARIOS.join(", ")})`);
        options.scenarios = names as ScenarioName[];
        break;
      }
      case "--duration":
        options.durationS = number(1);
        break;
      case "--slo-ms":
        options.sloMs = number(1);
        break;
      case "--storm-sockets":
        options.stormSockets = number(2);
        break;
      case "--storm-drop": {
        const v = value();
        if (v !== "silent" && v !== "close") throw new Error(`--storm-drop is silent or close, not "${v}"`);
        options.stormDrop = v;
        break;
      }
      case "--out":
        options.out = value();
        break;
      case "--server-flags":
        options.serverFlags = value().split(/\s+/).filter(Boolean);
        break;
      case "--quiet":
        options.verbose = false;
        break;
      case "--help":
      case "-h":
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return options;
}

export interface Sizes {
  durable: { participants: number; stepMs: number; startRate: number; growth: number; maxRate: number; bisections: number; warmupMs: number; connections: number };
  live: { sockets: number; rate: number; durationMs: number; warmupMs: number };
  hall: { sockets: number; rate: number; durationMs: number; warmupMs: number };
  /** The reconnect storm: the window of ballots, the drop that far into it, each socket's delay before reconnecting. */
  storm: { sockets: number; rate: number; windowMs: number; dropAtMs: number; jitterMs: [number, number]; warmupMs: number; resultsShare: number };
  /** Real Chromium phones on a poor link while the hall's load runs. */
  phones: { phones: number; taps: number; packetLoss: number; sockets: number; rate: number; loadMs: number };
  /** Participant sockets one load process holds. */
  socketsPerProcess: number;
}

export function sizes(o: BenchOptions): Sizes {
  const phase = (fullS: number, quickS: number, smokeS: number) =>
    (o.durationS ?? (o.mode === "full" ? fullS : o.mode === "quick" ? quickS : smokeS)) * 1000;
  switch (o.mode) {
    case "smoke":
      return {
        durable: { participants: 50, stepMs: 1000, startRate: 200, growth: 1, maxRate: 200, bisections: 0, warmupMs: 300, connections: 16 },
        live: { sockets: 60, rate: 100, durationMs: phase(30, 10, 2), warmupMs: 500 },
        hall: { sockets: 120, rate: 100, durationMs: phase(30, 10, 2), warmupMs: 500 },
        storm: { sockets: 120, rate: 100, windowMs: 2500, dropAtMs: 500, jitterMs: [250, 750], warmupMs: 500, resultsShare: 0.1 },
        phones: { phones: 2, taps: 2, packetLoss: 2, sockets: 60, rate: 100, loadMs: 15_000 },
        socketsPerProcess: 60,
      };
    case "quick":
      return {
        durable: { participants: 1000, stepMs: 2000, startRate: 2000, growth: 1.6, maxRate: 60_000, bisections: 2, warmupMs: 1000, connections: 256 },
        live: { sockets: 2000, rate: 1000, durationMs: phase(30, 10, 2), warmupMs: 2000 },
        hall: { sockets: 10_000, rate: 1000, durationMs: phase(30, 10, 2), warmupMs: 2000 },
        storm: { sockets: 10_000, rate: 1000, windowMs: 10_000, dropAtMs: 1000, jitterMs: [250, 750], warmupMs: 2000, resultsShare: 0.1 },
        phones: { phones: 5, taps: 6, packetLoss: 2, sockets: 2000, rate: 1000, loadMs: 40_000 },
        socketsPerProcess: 2500,
      };
    default:
      return {
        durable: { participants: 2000, stepMs: 4000, startRate: 2000, growth: 1.5, maxRate: 60_000, bisections: 3, warmupMs: 2000, connections: 256 },
        live: { sockets: 2000, rate: 1000, durationMs: phase(30, 10, 2), warmupMs: 3000 },
        hall: { sockets: 10_000, rate: 1000, durationMs: phase(30, 10, 2), warmupMs: 3000 },
        storm: { sockets: 10_000, rate: 1000, windowMs: 10_000, dropAtMs: 1000, jitterMs: [250, 750], warmupMs: 3000, resultsShare: 0.1 },
        phones: { phones: 10, taps: 10, packetLoss: 2, sockets: 2000, rate: 1000, loadMs: 50_000 },
        socketsPerProcess: 2500,
      };
  }
}

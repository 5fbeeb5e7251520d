// `npm run bench`: see scripts/bench/README.md. Exit code 1 when a correctness check fails (a lost
// or refused ballot, a tally that differs from its recount); missed speed targets are reported,
// not fatal, because they depend on the machine.
import { parseOptions } from "./options";
import { printable, runBench } from "./bench";

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const report = await runBench(options, ["npm run bench", ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : [])].join(" "));
process.stdout.write(printable(report));
process.exit(report.correct ? 0 : 1);

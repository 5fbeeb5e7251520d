// The import parser runs in the organiser's browser on whatever is pasted: a hostile or broken paste
// of a megabyte must not freeze the page (issue: a heading and 80,000 spaces took 11 s). No timed
// assert (a loaded machine makes those flaky); instead each parse is timed against itself: parsing
// one text of 64·N characters must cost about as much as parsing a text of N characters 64 times.
// A linear parser gives a ratio near 1 (up to ~4 where big strings cost the garbage collector more);
// a quadratic one gives ~64 (and at a megabyte, minutes: the test then fails on its time-out).
import { describe, expect, it } from "vitest";
import { worded } from "../helpers/import-words";
import { parseCsvProgramme } from "../../shared/import/csv";
import { parseProgramme } from "../../shared/import/detect";
import { parseMarkdownOutline } from "../../shared/import/markdown";
import type { ImportResult } from "../../shared/import/validate";

const MB = 1024 * 1024;
const FACTOR = 64;
const SMALL = MB / FACTOR;

/** Best of three: the quietest run is the one that measures the code, not the machine. */
function best(run: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Time of one parse of the big text over the time of FACTOR parses of the small one. */
function growth(make: (size: number) => string, parse: (text: string) => ImportResult): number {
  const small = make(SMALL);
  const big = make(MB);
  expect(big.length).toBeGreaterThanOrEqual(MB);
  parse(small); // warm the JIT
  const oneBig = best(() => parse(big));
  const manySmall = best(() => {
    for (let i = 0; i < FACTOR; i++) parse(small);
  });
  return oneBig / Math.max(manySmall, 0.001);
}

const spaces = (n: number) => " ".repeat(n);
const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

const hostile: Array<[string, (size: number) => string, (text: string) => ImportResult]> = [
  ["a heading with a megabyte of spaces inside", (n) => `# x${spaces(n)}y\n- p`, parseMarkdownOutline],
  ["a heading of spaces ending in a closing #", (n) => `#${spaces(n)}#${spaces(n / 8)}\n- p`, parseMarkdownOutline],
  ["a bullet of spaces ending in a line separator", (n) => `# A\n-${spaces(n)}\u2028`, parseMarkdownOutline],
  ["a megabyte of “- ” lines", (n) => `# A\n${repeatTo("- \n", n)}`, parseMarkdownOutline],
  ["a megabyte of indented body lines", (n) => `# A\n- T\n${repeatTo("  body line\n", n)}`, parseMarkdownOutline],
  ["a wrapped title of a megabyte", (n) => `# A\n- t\n${repeatTo("  and so on\n", n)}`, parseMarkdownOutline],
  ["a quoted CSV cell of a megabyte of spaces", (n) => `A,T,"${spaces(n)}x"`, parseCsvProgramme],
  ["an unquoted CSV cell of spaces", (n) => `A,T,${spaces(n)}x\nA,U,`, parseCsvProgramme],
  ["a CSV body of spaces and line breaks", (n) => `A,T,"${repeatTo(`${spaces(30)}\n`, n)}x"`, parseCsvProgramme],
  ["a first line with an unclosed quote", (n) => `"${repeatTo("a;b,", n)}`, parseCsvProgramme],
  ["a megabyte of separators", (n) => repeatTo(";", n), parseCsvProgramme],
  ["a megabyte of spaces, format recognised", (n) => `${spaces(n)}x`, (t) => parseProgramme(t)],
];

describe("import parsing is linear in the pasted text", () => {
  it.each(hostile)("%s", (_name, make, parse) => {
    expect(growth(make, parse)).toBeLessThan(FACTOR / 4);
  }, 60_000);

  it("still reads what it is given: the megabyte of “- ” lines is one area with too many untitled proposals", () => {
    const { areas, errors: keyed } = parseMarkdownOutline(`# A\n${repeatTo("- \n", MB)}`);
    const errors = worded(keyed);
    expect(areas).toHaveLength(1);
    expect(areas[0]?.proposals).toHaveLength(200);
    expect(errors[0]).toEqual({ line: 2, message: "The proposal has no title." });
    expect(errors).toHaveLength(201);
    expect(errors[200]?.message).toMatch(/^…and [\d,]+ more problems from here on\.$/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forTerminal, isolateBidi, textProblem } from "../../shared/text";

describe("text rules", () => {
  it("accepts any well-formed text without controls as a body, and as a title when it has something to see", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }), (s) => {
        const clean = s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "");
        expect(textProblem(clean, "body")).toBeNull();
        if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(clean)) expect(textProblem(clean, "title")).toBeNull();
      }),
    );
  });

  it("refuses what is not text, and says what", () => {
    expect(textProblem("a\u0000b", "body")).toMatch(/NUL/);
    expect(textProblem("a\uD800b", "body")).toMatch(/lone surrogate/);
    expect(textProblem("a\uDC00", "title")).toMatch(/lone surrogate/);
    expect(textProblem("😀", "title")).toBeNull(); // a surrogate pair is fine
    expect(textProblem("a\u001Bb", "body")).toMatch(/U\+001B/);
    expect(textProblem("a\u009Bb", "body")).toMatch(/U\+009B/);
    expect(textProblem("a\n\tb\r\n", "body")).toBeNull();
    expect(textProblem("a\nb", "title")).toMatch(/one line/);
    expect(textProblem("a\u202Eb", "title")).toMatch(/bidi control U\+202E/);
    expect(textProblem("a\u202Eb", "body")).toBeNull(); // a body is its own paragraph; exports isolate it
    for (const invisible of ["\u200B", "\u200D\u2060", "\u3164", "\u2800", "\u00AD", "\uFE0F", "\u180E"]) {
      expect(textProblem(invisible, "title"), JSON.stringify(invisible)).toMatch(/visible character/);
    }
    expect(textProblem("\u200B", "body")).toBeNull();
  });

  it("isolates only text that has right-to-left letters or bidi controls", () => {
    expect(isolateBidi("Plain English, 12 votes")).toBe("Plain English, 12 votes");
    expect(isolateBidi("Réduction — 减少")).toBe("Réduction — 减少");
    expect(isolateBidi("تقليل")).toBe("\u2068تقليل\u2069");
    expect(isolateBidi("עברית")).toBe("\u2068עברית\u2069");
    expect(isolateBidi("a\u202Eb")).toBe("\u2068a\u202Eb\u2069");
    // A PDI the text did not open would close our isolate early: it is dropped; matched ones stay.
    expect(isolateBidi("\u2069x\u2067y\u2069")).toBe("\u2068x\u2067y\u2069\u2069");
  });

  it("shows a terminal no control character but keeps tabs and line ends", () => {
    expect(forTerminal("a\u001B[31mb\u0007c\rd\r\ne\tf\u009Bg\u007F")).toBe("a[31mbcd\r\ne\tfg");
    expect(forTerminal("Plain\r\ntext\n")).toBe("Plain\r\ntext\n");
  });
});

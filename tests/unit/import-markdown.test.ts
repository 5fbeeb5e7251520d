import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { worded } from "../helpers/import-words";
import fc from "fast-check";
import { parseMarkdownOutline } from "../../shared/import/markdown";
import { detectImportFormat, parseProgramme } from "../../shared/import/detect";
import { LIMITS } from "../../shared/limits";

const forum = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017.json", import.meta.url), "utf8")) as {
  areas: Array<{ title: string; proposals: Array<{ title: string; body: string }> }>;
};
const fullForum = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017-full.json", import.meta.url), "utf8")) as {
  areas: Array<{ title: string; proposals: Array<{ text: string }> }>;
};
const forumOutline = readFileSync(new URL("./fixtures/brandenburg-forum-2017.md", import.meta.url), "utf8");

describe("Markdown outline import", () => {
  it("reads the forum's programme, written as an outline with wrapped bodies, exactly", () => {
    const { areas, errors } = parseMarkdownOutline(forumOutline);
    expect(errors).toEqual([]);
    expect(areas).toEqual(forum.areas.map((a) => ({ title: a.title, proposals: a.proposals.map((p) => ({ title: p.title, body: p.body })) })));
    expect(areas.map((a) => a.proposals?.length)).toEqual([8, 12, 12, 8]);
  });

  it("takes each paragraph bullet of the full-length forum whole as the proposal, on one line or wrapped", () => {
    const wrap = (text: string, width: number) => {
      const lines = [""];
      for (const word of text.split(" ")) {
        const last = lines.length - 1;
        if (lines[last] && `${lines[last]} ${word}`.length > width) lines.push(word);
        else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
      }
      return lines;
    };
    const expected = fullForum.areas.map((a) => ({ title: a.title, proposals: a.proposals.map((p) => ({ title: p.text })) }));
    const oneLine = fullForum.areas.map((a) => [`## ${a.title}`, ...a.proposals.map((p) => `- ${p.text}`)].join("\n")).join("\n\n");
    expect(parseMarkdownOutline(oneLine)).toEqual({ areas: expected, errors: [] });
    const longest = Math.max(...fullForum.areas.flatMap((a) => a.proposals.map((p) => p.text.length)));
    expect(longest).toBeGreaterThan(400);
    // Wrapped at 72 columns, as an editor that hard-wraps writes it: every line break becomes a space,
    // except where the next line could be a body (a capital after a complete phrase).
    const wrapped = fullForum.areas
      .map((a) => [`## ${a.title}`, ...a.proposals.flatMap((p) => wrap(`- ${p.text}`, 72).map((l, i) => (i === 0 ? l : `  ${l}`)))].join("\n"))
      .join("\n\n");
    const read = parseMarkdownOutline(wrapped);
    expect(read.errors).toEqual([]);
    const whole = read.areas.flatMap((a) => a.proposals ?? []).filter((p, i) => p.title === expected.flatMap((a) => a.proposals)[i]?.title && !p.body);
    expect(whole.length).toBeGreaterThanOrEqual(39);
    // Whatever is not taken as the title is the body, so no word of any proposal is lost.
    expect(read.areas.flatMap((a) => (a.proposals ?? []).map((p) => (p.body ? `${p.title} ${p.body}` : p.title)))).toEqual(
      expected.flatMap((a) => a.proposals.map((p) => p.title)),
    );
  });

  it("joins the lines of a wrapped bullet with spaces and keeps semicolons, lists and parentheses", () => {
    const text = [
      "# Public health",
      "- Put more resources into public health (prevention, harm reduction and",
      "  treatment alike); (a) shift budgets; (b) work with finance ministries",
      "and treasuries, (c) pilot programmes.",
      "  Background: the 2016 outcome document.",
      "- Review cannabis markets",
      "  Indented lines that start a sentence are the body.",
    ].join("\n");
    expect(parseMarkdownOutline(text)).toEqual({
      areas: [
        {
          title: "Public health",
          proposals: [
            {
              title: "Put more resources into public health (prevention, harm reduction and treatment alike); (a) shift budgets; (b) work with finance ministries and treasuries, (c) pilot programmes.",
              body: "Background: the 2016 outcome document.",
            },
            { title: "Review cannabis markets", body: "Indented lines that start a sentence are the body." },
          ],
        },
      ],
      errors: [],
    });
  });

  it("takes headings of any level, numbered and starred bullets, Windows line ends and a BOM", () => {
    const text = "\uFEFF## Mobility ##\r\n* Night buses\r\n1. Safe cycle lanes\r\n  Separated from traffic.\r\n\r\n# Housing\r\n+ Rent cap\r\n";
    const { areas, errors } = parseMarkdownOutline(text);
    expect(errors).toEqual([]);
    expect(areas).toEqual([
      { title: "Mobility", proposals: [{ title: "Night buses" }, { title: "Safe cycle lanes", body: "Separated from traffic." }] },
      { title: "Housing", proposals: [{ title: "Rent cap" }] },
    ]);
  });

  it("keeps paragraphs and nested lists in a body and strips the common indent", () => {
    const text = [
      "# A",
      "- Title",
      "    First paragraph,",
      "    wrapped.",
      "",
      "    Second paragraph:",
      "    - point one",
      "    - point two",
      "",
      "",
      "- Next",
    ].join("\n");
    const { areas, errors } = parseMarkdownOutline(text);
    expect(errors).toEqual([]);
    expect(areas[0]?.proposals?.[0]).toEqual({ title: "Title", body: "First paragraph, wrapped.\n\nSecond paragraph:\n- point one\n- point two" });
    expect(areas[0]?.proposals?.[1]).toEqual({ title: "Next" });
  });

  it("keeps a # inside an area title", () => {
    expect(parseMarkdownOutline("# Learning C#\n- Course").areas[0]?.title).toBe("Learning C#");
  });

  it("reports each problem with its line number", () => {
    const text = [
      "- Orphan before any area", // 1
      "# Area one", // 2
      "Loose text under an area", // 3
      "- Good proposal", // 4
      "Unindented body", // 5: a new sentence, so not the title wrapped
      "-", // 6
      "- Good proposal", // 7
      "# Empty area", // 8
      "#", // 9
      "  indented with no proposal", // 10
      `- ${"x".repeat(LIMITS.proposalTitle + 1)}`, // 11
    ].join("\n");
    const errors = worded(parseMarkdownOutline(text).errors);
    expect(errors.map((e) => e.line)).toEqual([1, 3, 5, 6, 7, 8, 9, 10, 11]);
    expect(errors[0]?.message).toMatch(/before the first area heading/);
    expect(errors[2]?.message).toMatch(/Indent body text/);
    expect(errors[3]?.message).toMatch(/no title/);
    expect(errors[4]?.message).toMatch(/already appears on line 4/);
    expect(errors[5]?.message).toMatch(/“Empty area” has no proposals/);
    expect(errors[6]?.message).toMatch(/The area has no title/);
    expect(errors[8]?.message).toMatch(/1,001 characters long; the limit is 1,000\.$/);
  });

  it("refuses a body over the limit, and more areas or proposals than an event may hold", () => {
    const longBody = `# A\n- T\n  Y${"y".repeat(LIMITS.proposalBody)}`;
    expect(worded(parseMarkdownOutline(longBody).errors)).toEqual([{ line: 2, message: expect.stringMatching(/body is 4,001 characters/) }]);

    const manyProposals = ["# A", ...Array.from({ length: LIMITS.proposalsPerArea + 1 }, (_, i) => `- P${i}`)].join("\n");
    expect(worded(parseMarkdownOutline(manyProposals).errors)).toEqual([{ line: LIMITS.proposalsPerArea + 2, message: expect.stringMatching(/at most 200 proposals/) }]);

    const manyAreas = Array.from({ length: LIMITS.areasPerEvent + 1 }, (_, i) => `# Area ${i}\n- P`).join("\n");
    const result = parseMarkdownOutline(manyAreas);
    expect(worded(result.errors)).toEqual([{ line: LIMITS.areasPerEvent * 2 + 1, message: expect.stringMatching(/at most 50 areas/) }]);
    expect(result.areas).toHaveLength(LIMITS.areasPerEvent);
  });

  it("reads back any programme written as an outline (property)", () => {
    const line = fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => /^[A-Za-z0-9]/.test(s));
    // The documented outline: a complete title (not ending mid-clause), a body starting a sentence.
    const title = line.filter((s) => !/[,;(\-–—/&]$|\b(a|an|the|of|and|or|to|in|on|for|with|by|at|from|that|as|into)$/i.test(s) && !s.includes("("));
    const body = line.filter((s) => /^[A-Z]/.test(s));
    // An area heading's closing "#"s are Markdown's own markup ("# Health #" is "Health").
    const heading = line.filter((s) => !/\s#+$/.test(s));
    const programme = fc.uniqueArray(
      fc.record({ title: heading, proposals: fc.uniqueArray(fc.record({ title, body: fc.option(body, { nil: undefined }) }), { minLength: 1, maxLength: 6, selector: (p) => p.title.toLowerCase() }) }),
      { minLength: 1, maxLength: 5, selector: (a) => a.title.toLowerCase() },
    );
    fc.assert(
      fc.property(programme, (areas) => {
        const text = areas
          .map((a) => [`# ${a.title}`, ...a.proposals.flatMap((p) => [`- ${p.title}`, ...(p.body ? [`  ${p.body}`] : [])])].join("\n"))
          .join("\n\n");
        const result = parseMarkdownOutline(text);
        expect(result.errors).toEqual([]);
        expect(result.areas).toEqual(areas.map((a) => ({ title: a.title, proposals: a.proposals.map((p) => (p.body ? { title: p.title, body: p.body } : { title: p.title })) })));
      }),
    );
  });

  it("tells an outline from CSV by its first line", () => {
    expect(detectImportFormat("\n# Area\n- p")).toBe("markdown");
    expect(detectImportFormat("- p")).toBe("markdown");
    expect(detectImportFormat("area,title,body\nA,B,C")).toBe("csv");
    expect(parseProgramme(forumOutline).areas).toHaveLength(4);
  });
});

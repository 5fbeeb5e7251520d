import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { detectDelimiter, parseCsvProgramme, parseCsvRecords } from "../../shared/import/csv";
import { detectImportFormat, parseProgramme } from "../../shared/import/detect";
import { parseMarkdownOutline } from "../../shared/import/markdown";
import { LIMITS } from "../../shared/limits";

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const toCsv = (rows: string[][]) => rows.map((r) => r.map(quote).join(",")).join("\r\n");

const forum = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017.json", import.meta.url), "utf8")) as {
  areas: Array<{ title: string; proposals: Array<{ title: string; body: string }> }>;
};

describe("CSV import", () => {
  it("reads the forum's programme as area,title,body rows, the same as its outline", () => {
    const rows = [["area", "title", "body"], ...forum.areas.flatMap((a) => a.proposals.map((p) => [a.title, p.title, p.body]))];
    const { areas, errors } = parseCsvProgramme(`\uFEFF${toCsv(rows)}\r\n`);
    expect(errors).toEqual([]);
    const outline = readFileSync(new URL("./fixtures/brandenburg-forum-2017.md", import.meta.url), "utf8");
    expect(areas).toEqual(parseMarkdownOutline(outline).areas);
    expect(areas.flatMap((a) => a.proposals ?? [])).toHaveLength(40);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted cells, and counts lines from the record's start", () => {
    const text = 'Area,"Title, with comma","He said ""yes""\nand left"\nArea,Second,\n"Other\narea",Third,x';
    const { areas, errors } = parseCsvProgramme(text);
    expect(errors).toEqual([]);
    expect(areas).toEqual([
      { title: "Area", proposals: [{ title: "Title, with comma", body: 'He said "yes"\nand left' }, { title: "Second" }] },
      { title: "Other area", proposals: [{ title: "Third", body: "x" }] },
    ]);
    expect(parseCsvRecords(text).records.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it("takes a header in any order, tab or semicolon separators, and a blank area meaning the row above", () => {
    const tsv = "Proposal\tArea\tDescription\nNight buses\tMobility\tAfter midnight\nCycle lanes\t\t\n";
    expect(parseCsvProgramme(tsv)).toEqual({
      areas: [{ title: "Mobility", proposals: [{ title: "Night buses", body: "After midnight" }, { title: "Cycle lanes" }] }],
      errors: [],
    });
    const semicolons = "area;title;body\nWohnen;Mietendeckel;Gilt ab 2026, befristet\nMobilität;Nachtbus;\nWohnen;Sozialwohnungen;\n";
    expect(detectDelimiter(semicolons)).toBe(";");
    expect(parseCsvProgramme(semicolons).areas).toEqual([
      { title: "Wohnen", proposals: [{ title: "Mietendeckel", body: "Gilt ab 2026, befristet" }, { title: "Sozialwohnungen" }] },
      { title: "Mobilität", proposals: [{ title: "Nachtbus" }] },
    ]);
  });

  it("reads rows without a header as area,title,body and ignores trailing empty cells", () => {
    expect(parseCsvProgramme("A,One,,,\nA,Two,Body,\n\n").areas).toEqual([{ title: "A", proposals: [{ title: "One" }, { title: "Two", body: "Body" }] }]);
  });

  it("reports bad rows with their line numbers", () => {
    const text = [
      "area,title,body", // 1
      ",Orphan,no area yet", // 2
      "A,,empty title", // 3
      "A,Fine,ok", // 4
      "A,Too,many,cells", // 5
      "A,Fine,again", // 6
      `A,${"t".repeat(LIMITS.proposalTitle + 1)}`, // 7
      'B,Open,"never closed', // 8
      "C,Lost,row", // 9
    ].join("\n");
    const { errors, areas } = parseCsvProgramme(text);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, "This row has no area: fill in the area column."],
      [3, "This row has no proposal title."],
      [5, expect.stringMatching(/4 cells; expected area, title, body\. Put a cell that contains commas in double quotes/)],
      [6, "“Fine” already appears on line 4 in this area."],
      [7, expect.stringMatching(/201 characters long/)],
      [8, "A quoted cell starts here but its closing double quote is missing."],
    ]);
    expect(areas.map((a) => a.title)).toEqual(["A", "B"]);
  });

  it("refuses an unknown or repeated column in the header", () => {
    expect(parseCsvProgramme("area,title,votes\nA,B,2").errors).toEqual([{ line: 1, message: "Unknown column “votes”: the columns are area, title and body." }]);
    expect(parseCsvProgramme("area,title,proposal\nA,B,C").errors).toEqual([{ line: 1, message: "The column “proposal” appears twice." }]);
  });

  it("splits records exactly as an RFC 4180 parser does (property, against csv-parse)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", "é", "=") , maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // Quote every cell so an empty last row is still a row for both parsers.
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\n");
        const ours = parseCsvRecords(text);
        expect(ours.errors).toEqual([]);
        expect(ours.records.map((r) => r.cells)).toEqual(parse(text, { relax_column_count: true }));
      }),
    );
  });

  it("is chosen for text that does not start like an outline", () => {
    expect(detectImportFormat('"Area",Title')).toBe("csv");
    expect(parseProgramme("A,B").areas).toEqual([{ title: "A", proposals: [{ title: "B" }] }]);
  });
});

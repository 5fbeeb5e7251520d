import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { worded } from "../helpers/import-words";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { detectDelimiter, parseCsvProgramme, parseCsvRecords } from "../../shared/import/csv";
import { betterFormat, detectImportFormat, parseProgramme } from "../../shared/import/detect";
import { parseMarkdownOutline } from "../../shared/import/markdown";
import { LIMITS } from "../../shared/limits";

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const toCsv = (rows: string[][]) => rows.map((r) => r.map(quote).join(",")).join("\r\n");

const fullForum = JSON.parse(readFileSync(new URL("../../db/demo/brandenburg-forum-2017-full.json", import.meta.url), "utf8")) as {
  areas: Array<{ title: string; proposals: Array<{ text: string }> }>;
};
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

  it("reads the full-length forum from a European spreadsheet: `;` separators, an area;text header, paragraphs whole", () => {
    const semi = (cell: string) => (/[";\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    // A spreadsheet program wraps long cells when it saves: the paragraphs carry line breaks.
    const wrapped = (text: string) => text.replace(/(.{60,}?) /g, "$1\r\n");
    const rows = [["area", "text"], ...fullForum.areas.flatMap((a) => a.proposals.map((p) => [a.title, wrapped(p.text)]))];
    const csv = `\uFEFF${rows.map((r) => r.map(semi).join(";")).join("\r\n")}\r\n`;
    expect(detectDelimiter(csv.slice(1))).toBe(";");
    expect(csv).toMatch(/"[^"]*;[^"]*\r\n[^"]*"/); // a quoted cell holding a semicolon and a line break
    const { areas, errors } = parseCsvProgramme(csv);
    expect(errors).toEqual([]);
    expect(areas).toEqual(fullForum.areas.map((a) => ({ title: a.title, proposals: a.proposals.map((p) => ({ title: p.text })) })));
    expect(Math.max(...areas.flatMap((a) => (a.proposals ?? []).map((p) => p.title.length)))).toBeGreaterThan(400);
  });

  it("reads a sheet made from the CSV export: label and prefix columns, text holding the title and the body", () => {
    const csv = 'prefix;label;area;proposal;text\nPH;PH-1;Public health;Night clinics;"Night clinics\n\nOpen after 22:00; staffed by nurses."\nPH;PH-2;;Needle exchange;Needle exchange\n';
    expect(parseCsvProgramme(csv)).toEqual({
      areas: [{ title: "Public health", proposals: [{ title: "Night clinics", body: "Open after 22:00; staffed by nurses." }, { title: "Needle exchange" }] }],
      errors: [],
    });
  });

  it("refuses rows separated differently from the first line, naming the line, rather than mis-splitting them", () => {
    const text = "area;title;body\nHealth;Night clinics;Open late, staffed\nHealth,Needle exchange,Everywhere\nHealth;Rent cap, now;\n";
    const { areas, errors } = parseCsvProgramme(text);
    expect(worded(errors)).toEqual([{ line: 3, message: "This row is separated by commas, but the first line by semicolons: use one separator throughout (put a cell that contains it in double quotes)." }]);
    // The rows that are fine keep their commas inside the cells.
    expect(areas).toEqual([{ title: "Health", proposals: [{ title: "Night clinics", body: "Open late, staffed" }, { title: "Rent cap, now" }] }]);
    expect(worded(parseCsvProgramme("area,title\nA,One\nA;Two\n").errors)).toEqual([{ line: 3, message: expect.stringMatching(/separated by semicolons, but the first line by commas/) }]);
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
    expect(worded(errors).map((e) => [e.line, e.message])).toEqual([
      [2, "This row has no area: fill in the area column."],
      [3, "This row has no proposal title."],
      [5, expect.stringMatching(/4 cells; expected area, title, body\. Put a cell that contains commas in double quotes/)],
      [6, "“Fine” already appears on line 4 in this area."],
      [7, "The proposal title is 1,001 characters long; the limit is 1,000."],
      [8, "A quoted cell starts here but its closing double quote is missing."],
    ]);
    expect(areas.map((a) => a.title)).toEqual(["A", "B"]);
  });

  it("refuses an unknown or repeated column in the header", () => {
    expect(worded(parseCsvProgramme("area,title,votes\nA,B,2").errors)).toEqual([{ line: 1, message: "Unknown column “votes”: the columns are area, title (or text) and body." }]);
    expect(worded(parseCsvProgramme("area,title,proposal\nA,B,C").errors)).toEqual([{ line: 1, message: "The column “proposal” appears twice." }]);
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

  it("is offered when a spreadsheet is pasted while the outline is selected, and only then", () => {
    const sheet = "area;title\nHealth;Night clinics\nHealth;Needle exchange\n";
    expect(parseProgramme(sheet, "markdown").errors.length).toBeGreaterThan(0);
    expect(betterFormat(sheet, "markdown")).toBe("csv");
    expect(betterFormat(sheet, "csv")).toBeNull(); // already read cleanly
    expect(betterFormat("# Health\n- Night clinics", "csv")).toBe("markdown");
    expect(betterFormat("# Health\n- Night clinics", "markdown")).toBeNull();
    // Broken in both formats: nothing to offer, the problems are listed instead.
    expect(betterFormat("area;title\nHealth;Night clinics\nHealth,Needle exchange\n", "markdown")).toBeNull();
  });

  it("is chosen for text that does not start like an outline", () => {
    expect(detectImportFormat('"Area",Title')).toBe("csv");
    expect(parseProgramme("A,B").areas).toEqual([{ title: "A", proposals: [{ title: "B" }] }]);
  });
});

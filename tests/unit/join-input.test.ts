// The start page's one code field: an event code, or an event code and a ballot-card code as the
// card prints them, or a pasted link.
import { describe, expect, it } from "vitest";
import { parseJoinInput } from "../../shared/codes";

const p = (s: string) => parseJoinInput(s, 8);

describe("parseJoinInput", () => {
  it("takes a bare event code in any case, with spaces or a dash", () => {
    expect(p("k7xq2m")).toEqual({ code: "K7XQ2M", invite: null });
    expect(p(" K7X-Q2M ")).toEqual({ code: "K7XQ2M", invite: null });
  });

  it("takes the event code followed by the card code, however it is spaced or dashed", () => {
    for (const s of ["K7XQ2M ABCD-EF23", "k7xq2m abcdef23", "K7XQ2MABCDEF23", "K7XQ2M-ABCD-EF23", "Event code K7XQ2M · Card code ABCD-EF23", "K7XQ2M, ABCD EF23"]) {
      expect(p(s), s).toEqual({ code: "K7XQ2M", invite: "ABCDEF23" });
    }
  });

  it("takes a pasted card link or event link", () => {
    expect(p("http://192.168.1.20:3000/e/K7XQ2M?invite=ABCD-EF23")).toEqual({ code: "K7XQ2M", invite: "ABCDEF23" });
    expect(p("192.168.1.20:3000/e/k7xq2m")).toEqual({ code: "K7XQ2M", invite: null });
  });

  it("refuses what is neither", () => {
    for (const s of ["", "K7XQ2", "K7XQ2M ABC", "K7XQ2M ABCD-EF230", "K7XQ0M", "K7XQ2M ABCD-EF2O", "/e/K7XQ2M?invite=XX", "/e/K7XQ2M?invite=%E0%A4%A"]) {
      expect(p(s), s).toBeNull();
    }
  });
});

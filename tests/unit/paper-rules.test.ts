// The paper form's numbers (client/src/pages/admin/paperRules.ts): what the organiser types from a
// dots or ranking paper ballot becomes the API's list — dots once per dot, places in their order —
// and a paper that says nothing clear (a place twice, a gap, too many dots) is refused with its reason.
import { describe, expect, it } from "vitest";
import { paperBallotOf } from "../../client/src/pages/admin/paperRules";
import type { Area } from "../../shared/schemas";

function area(method: Area["method"], maxVotes: number, maxPerProposal = method === "dots" ? maxVotes : 1, status: Area["status"] = "closed"): Area {
  return {
    id: "a", title: "Health", prefix: "H", position: 0, maxVotes, method, maxPerProposal, status, revealed: false,
    openedAt: null, closedAt: null, closesAt: null, roundOf: null, suggestions: "off", contentLocked: false,
    proposals: ["p0", "p1", "p2", "p3"].map((id, i) => ({ id, label: `H-${i + 1}`, title: id, body: "", position: i, origin: "group", merged: 0 })),
  } as Area;
}

describe("paperBallotOf", () => {
  it("ranking: the ids in the order of the places written, blanks left out (a closed area still takes paper)", () => {
    expect(paperBallotOf(area("ranking", 3), { p2: "1", p0: "3", p3: "2", p1: "" })).toEqual({ ok: true, proposalIds: ["p2", "p3", "p0"] });
  });

  it("ranking: a place written twice or a gap is refused, naming the place", () => {
    expect(paperBallotOf(area("ranking", 3), { p0: "1", p1: "1" })).toMatchObject({ ok: false, role: "cards", key: "paperPlaceTwice", params: { n: 1 } });
    expect(paperBallotOf(area("ranking", 3), { p0: "1", p1: "3" })).toMatchObject({ ok: false, role: "cards", key: "paperPlaceGap", params: { n: 2 } });
    expect(paperBallotOf(area("ranking", 3), { p0: "2" })).toMatchObject({ ok: false, key: "paperPlaceGap", params: { n: 1 } });
  });

  it("ranking: more places than the area ranks is the rule's refusal", () => {
    expect(paperBallotOf(area("ranking", 2), { p0: "1", p1: "2", p2: "3" })).toMatchObject({ ok: false, role: "rules", key: "tooManyRanked" });
  });

  it("dots: each proposal named once per dot; over the cap per proposal or in all, refused", () => {
    expect(paperBallotOf(area("dots", 5, 3), { p1: "3", p3: "2", p0: "0" })).toEqual({ ok: true, proposalIds: ["p1", "p1", "p1", "p3", "p3"] });
    expect(paperBallotOf(area("dots", 5, 3), { p1: "4" })).toMatchObject({ ok: false, role: "rules", key: "tooManyDots" });
    expect(paperBallotOf(area("dots", 5, 3), { p0: "3", p1: "3" })).toMatchObject({ ok: false, role: "rules", key: "tooManyDotsInAll" });
  });

  it("anything but a whole number is refused", () => {
    expect(paperBallotOf(area("dots", 5), { p0: "1.5" })).toMatchObject({ ok: false, role: "cards", key: "paperNotNumber" });
    expect(paperBallotOf(area("ranking", 3), { p0: "-1" })).toMatchObject({ ok: false, key: "paperNotNumber" });
  });

  it("a draft area takes no paper", () => {
    expect(paperBallotOf(area("ranking", 3, 1, "draft"), { p0: "1" })).toMatchObject({ ok: false, role: "rules", key: "notOpenYet" });
  });
});

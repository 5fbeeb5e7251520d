// The projector's words for a method's counts (screen-model scoreText, spokenScore, restText):
// ranking in points with the ballots behind them, dots in dots, approval in votes — in English and
// in Arabic, whose plural has more forms.
import { describe, expect, it } from "vitest";
import { translator } from "../../shared/i18n/catalog";
import ar from "../../shared/i18n/catalogs/ar/screen";
import en from "../../shared/i18n/catalogs/en/screen";
import { restText, scoreText, spokenScore } from "../../client/src/pages/screen/screen-model";

const say = translator("en", en);
const sayAr = translator("ar", ar);
const row = { votes: 5, points: 12 };

describe("a count named for its method", () => {
  it("ranking says points, and the ballots behind them when spoken", () => {
    expect(scoreText("ranking", row, say)).toBe("12 points");
    expect(spokenScore("ranking", row, say)).toBe(": 12 points from 5 ballots");
    expect(restText("ranking", 4, row, say)).toBe("and 4 more with 12 points");
  });

  it("dots say dots (points equal votes there); approval says votes", () => {
    expect(scoreText("dots", { votes: 8, points: 8 }, say)).toBe("8 dots");
    expect(spokenScore("dots", { votes: 1, points: 1 }, say)).toBe(": 1 dot");
    expect(scoreText("approval", { votes: 1, points: 1 }, say)).toBe("1 vote");
    expect(spokenScore("approval", { votes: 30, points: 30 }, say)).toBe(": 30 votes");
  });

  it("in Arabic, with the dual and plural forms", () => {
    expect(scoreText("ranking", { votes: 2, points: 2 }, sayAr)).toBe("نقطتان");
    expect(spokenScore("ranking", { votes: 5, points: 12 }, sayAr)).toBe("، 12 نقطة من 5 أوراق اقتراع");
  });
});

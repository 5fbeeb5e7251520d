// Sentences of the phone page that name proposals: by label, as a proper list, never with the
// paragraph's own punctuation doubled ("…,;" was the rehearsal's complaint).
import { describe, expect, it } from "vitest";
import { choicesSentence, namesOf, shortName } from "../../client/src/pages/participant/format";
import { phoneTextIn } from "../helpers/phone-text";
import type { Proposal } from "../../shared/schemas";

const p = (id: string, position: number, label: string, title: string): Proposal => ({ id, position, label, title, body: "", origin: "group", merged: 0, version: 1 });
const forum = [
  p("a", 0, "PH-1", "UNODC should examine what the regulated cannabis markets mean for health;"),
  p("b", 1, "PH-2", "Put more resources into public health approaches (prevention, harm reduction and treatment alike),"),
  p("c", 2, "PH-3", "Countries should give SDG 3 clear priority."),
];

describe("naming chosen proposals", () => {
  it("lists labels in the area's order with proper list punctuation", async () => {
    const en = await phoneTextIn("en");
    expect(choicesSentence(en, namesOf(forum, ["c", "a"]))).toBe("Your choices: PH-1 and PH-3.");
    expect(choicesSentence(en, namesOf(forum, ["b"]))).toBe("Your choice: PH-2.");
    expect(choicesSentence(en, namesOf(forum, ["a", "b", "c"]))).toBe("Your choices: PH-1, PH-2, and PH-3.");
    expect(choicesSentence(en, [])).toBe("You did not vote in this area.");
    expect(en.list(["AD-1"])).toBe("AD-1");
  });

  it("writes the list as each language does, labels isolated on a right-to-left page", async () => {
    const names = namesOf(forum, ["a", "c"]);
    expect(choicesSentence(await phoneTextIn("fr"), names)).toBe("Vos choix\u00A0: PH-1 et PH-3.");
    expect(choicesSentence(await phoneTextIn("es"), names)).toBe("Sus elecciones: PH-1 y PH-3.");
    expect(choicesSentence(await phoneTextIn("zh"), names)).toBe("您的选择：PH-1和PH-3。");
    expect(choicesSentence(await phoneTextIn("ar"), names)).toBe("اختياراتك: \u2068PH-1\u2069 و\u2068PH-3\u2069.");
    expect(choicesSentence(await phoneTextIn("ru"), [])).toBe("Вы не голосовали в этом направлении.");
  });

  it("never doubles punctuation, even for proposals without a label", async () => {
    const en = await phoneTextIn("en");
    const unlabelled = forum.map((x) => ({ ...x, label: "" }));
    for (const ids of [["a"], ["a", "b"], ["b", "c"], ["a", "b", "c"]]) {
      const sentence = choicesSentence(en, namesOf(unlabelled, ids));
      expect(sentence).not.toMatch(/[.;,:]\s*[.;,:]/);
      expect(sentence.endsWith(".")).toBe(true);
    }
    expect(shortName(unlabelled[1]!)).toBe("Put more resources into public health approaches (prevention, harm reduction and treatment alike)");
  });
});

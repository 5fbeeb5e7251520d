// The pseudo-locale keeps every message's placeholders and ICU forms, accents every ASCII letter of
// its own text and makes it about 40% longer, for every message of every `en` catalog.
import { describe, expect, it } from "vitest";
import { ROLES } from "../../shared/i18n/catalog";
import { formatMessage, parseMessage } from "../../shared/i18n/message";
import { pseudoCatalog, pseudoMessage } from "../../shared/i18n/pseudo";

const en = async (role: string) => ((await import(`../../shared/i18n/catalogs/en/${role}.ts`)) as { default: Record<string, string> }).default;

/** The skeleton of a message: its arguments, kinds and option keys, without its text. */
function skeleton(source: string): unknown {
  const walk = (parts: ReturnType<typeof parseMessage>): unknown[] =>
    parts.filter((p) => typeof p !== "string").map((p) => ("pound" in p ? "#" : "kind" in p ? [p.arg, p.kind, Object.fromEntries(Object.entries(p.options).map(([k, v]) => [k, walk(v)]))] : p.arg));
  return walk(parseMessage(source));
}

describe("pseudo-locale", () => {
  it("accents and lengthens a message, and keeps its plural and placeholders working", () => {
    const source = "{n, plural, one {# vote} other {# votes}} left in “{area}”";
    const pseudo = pseudoMessage(source);
    expect(pseudo).not.toMatch(/vote|left/);
    expect(formatMessage("en", pseudo, { n: 1, area: "Health" })).toMatch(/^1 ṽóţéṽó ĺéƒţĺé íñí “Health”$/);
    expect(formatMessage("en", pseudo, { n: 3, area: "Health" })).toMatch(/^3 ṽóţéšṽó/);
  });

  it("keeps every en message's skeleton, leaves no ASCII letter of its own, and is ~40% longer", async () => {
    for (const role of ROLES) {
      const catalog = await en(role);
      const pseudo = pseudoCatalog(catalog);
      for (const [key, source] of Object.entries(catalog)) {
        const out = pseudo[key] ?? "";
        expect(skeleton(out), `${role}.${key}`).toEqual(skeleton(source));
        // Rendered with placeholders as digits only, no ASCII letter may remain.
        const params = Object.fromEntries([...source.matchAll(/\{([A-Za-z0-9_]+)/g)].map((m) => [m[1]!, 2]));
        const rendered = formatMessage("en", out, params);
        expect(rendered, `${role}.${key}`).not.toMatch(/[A-Za-z]/);
        const plain = formatMessage("en", source, params);
        const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
        if (letters(plain) >= 5) expect(letters(rendered) / letters(plain), `${role}.${key}`).toBeGreaterThanOrEqual(1.35);
      }
    }
  });
});

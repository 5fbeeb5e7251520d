// The message catalogs (shared/i18n): every language has every key of `en` and no other, the same
// parameters, plural forms for every count a language distinguishes, and no key the code never uses.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../shared/errors";
import { ROLES, translator, type Catalog } from "../../shared/i18n/catalog";
import { SERVER_CATALOGS } from "../../shared/i18n/catalogs";
import { formatPercent } from "../../shared/i18n/format";
import { dir, intlLocale, LANGUAGES, parseAcceptLanguage, pickLanguage, type Language } from "../../shared/i18n/languages";
import { loadCatalog } from "../../shared/i18n/load";
import { formatMessage, messageArguments, parseMessage, pluralForms } from "../../shared/i18n/message";
import { placeIn } from "../../shared/i18n/places";
import { ruleText } from "../../shared/i18n/rules-text";
import { toggleBallot, checkBallot, votesLeftText, type AreaRuleInput } from "../../shared/rules";

const ROOT = new URL("../../", import.meta.url).pathname;

async function all(): Promise<Array<{ lang: Language; role: string; catalog: Catalog; en: Catalog }>> {
  const out = [];
  for (const role of ROLES) {
    const en = await loadCatalog("en", role);
    for (const lang of LANGUAGES) out.push({ lang, role, catalog: await loadCatalog(lang, role), en });
  }
  return out;
}

/** Plural categories an integer count 0..1000 can take in the language (fractions never occur here). */
function integerCategories(lang: Language, type: "cardinal" | "ordinal"): Set<string> {
  const rules = new Intl.PluralRules(intlLocale(lang), { type });
  const seen = new Set<string>();
  for (let n = 0; n <= 1000; n++) seen.add(rules.select(n));
  return seen;
}

function sourceFiles(dirPath: string): string[] {
  return readdirSync(dirPath).flatMap((name) => {
    const path = join(dirPath, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || path.endsWith(join("i18n", "catalogs")) ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("catalogs", () => {
  it("exist for every language and role, with exactly the keys of en", async () => {
    for (const { lang, role, catalog, en } of await all()) {
      expect(Object.keys(catalog).sort(), `${lang}/${role}`).toEqual(Object.keys(en).sort());
    }
  });

  it("use the same parameters as en in every message, and every message parses", async () => {
    for (const { lang, role, catalog, en } of await all()) {
      for (const [key, source] of Object.entries(catalog)) {
        expect(() => parseMessage(source), `${lang}/${role}.${key}`).not.toThrow();
        expect([...messageArguments(source)].sort(), `${lang}/${role}.${key}`).toEqual([...messageArguments(en[key] ?? "")].sort());
        expect(source.trim(), `${lang}/${role}.${key} is empty`).not.toBe("");
      }
    }
  });

  it("give every plural all the forms the language distinguishes for whole numbers", async () => {
    for (const { lang, role, catalog } of await all()) {
      for (const [key, source] of Object.entries(catalog)) {
        for (const p of pluralForms(source)) {
          const keywords = p.forms.filter((f) => !f.startsWith("="));
          expect(keywords, `${lang}/${role}.${key}: ${p.arg}`).toContain("other");
          // Only "other" (with exact =N cases) is a deliberate invariant phrasing; any other keyword means all are needed.
          if (keywords.length === 1) continue;
          const needed = integerCategories(lang, p.kind === "plural" ? "cardinal" : "ordinal");
          for (const category of needed) expect(keywords, `${lang}/${role}.${key}: ${p.arg} lacks ${category}`).toContain(category);
        }
      }
    }
  });

  it("the errors catalog has one message per API error code", () => {
    for (const lang of LANGUAGES) expect(Object.keys(SERVER_CATALOGS[lang].errors).sort(), lang).toEqual([...ERROR_CODES].sort());
  });

  it("has no key that the code never uses", async () => {
    const sources = [...sourceFiles(join(ROOT, "server")), ...sourceFiles(join(ROOT, "shared")), ...sourceFiles(join(ROOT, "client", "src"))]
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    for (const role of ROLES) {
      if (role === "errors") continue; // keyed by ErrorCode (typed), looked up by the error's code
      for (const key of Object.keys(await loadCatalog("en", role))) {
        const used = new RegExp(`(["'\`])${key}\\1|\\.${key}\\b`).test(sources);
        expect(used, `${role}.${key} is not referenced in server/, shared/ or client/src/`).toBe(true);
      }
    }
  });
});

describe("plurals", () => {
  const ar = translator("ar", SERVER_CATALOGS.ar.report);
  const ru = translator("ru", SERVER_CATALOGS.ru.report);

  it("Arabic has six forms: 0, 1, 2, 3, 11, 100", () => {
    expect([0, 1, 2, 3, 11, 100].map((votes) => ar("votes", { votes }))).toEqual(["0 صوت", "صوت واحد", "صوتان", "3 أصوات", "11 صوتًا", "100 صوت"]);
    expect([0, 1, 2, 3, 11, 100].map((voters) => ar("areaVoters", { area: "X", voters }))).toEqual(
      ["X: 0 مصوّت", "X: مصوّت واحد", "X: مصوّتان", "X: 3 مصوّتين", "X: 11 مصوّتًا", "X: 100 مصوّت"],
    );
  });

  it("Russian has three forms for whole numbers: 1, 2, 5, 21", () => {
    expect([1, 2, 5, 21, 11, 22].map((votes) => ru("votes", { votes }))).toEqual(["1 голос", "2 голоса", "5 голосов", "21 голос", "11 голосов", "22 голоса"]);
  });

  it("English keeps its exact sentences", () => {
    const en = translator("en", SERVER_CATALOGS.en.report);
    expect([0, 1, 2].map((votes) => en("votes", { votes }))).toEqual(["0 votes", "1 vote", "2 votes"]);
  });
});

describe("places", () => {
  const place = (lang: Language, rank: number, tied = false) => placeIn(lang, SERVER_CATALOGS[lang].common, rank, tied);

  it("are written as each language writes them, ties marked", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => place("en", n))).toEqual(
      ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th"],
    );
    expect(place("en", 2, true)).toBe("=2nd");
    expect([1, 2, 11].map((n) => place("fr", n))).toEqual(["1er", "2e", "11e"]);
    expect(place("fr", 2, true)).toBe("=2e");
    expect([place("es", 1), place("es", 2, true)]).toEqual(["1.º", "=2.º"]);
    expect([place("pt", 1), place("pt", 3, true)]).toEqual(["1.º", "=3.º"]);
    expect([place("de", 1), place("de", 2, true)]).toEqual(["1.", "=2."]);
    expect([place("ru", 1), place("ru", 2, true)]).toEqual(["1-е", "=2-е"]);
    expect([place("zh", 1), place("zh", 2, true)]).toEqual(["第1", "并列第2"]);
    expect([1, 2, 3, 10, 11].map((n) => place("ar", n))).toEqual(["الأول", "الثاني", "الثالث", "العاشر", "الـ11"]);
    expect(place("ar", 2, true)).toBe("الثاني مكرر");
  });
});

describe("the rules in every language", () => {
  const area: AreaRuleInput = { id: "a", title: "Santé", maxVotes: 2, status: "open", proposals: ["p0", "p1", "p2"].map((id) => ({ id })) };

  it("answer with a code, a key and parameters, rendered by each side", () => {
    const refusal = toggleBallot(area, ["p0", "p1"], "p2");
    expect(refusal).toEqual({ ok: false, code: "TOO_MANY_VOTES", key: "limitReached", params: { area: "Santé", max: 2 } });
    if (refusal.ok) return;
    expect(ruleText("fr", SERVER_CATALOGS.fr.rules, refusal)).toBe("Vous avez utilisé vos deux voix dans «\u00A0Santé\u00A0» — retirez-en une pour en choisir une autre.");
    expect(ruleText("en", SERVER_CATALOGS.en.rules, refusal)).toBe("You have used both votes in Santé — remove one to choose another.");
    const over = checkBallot(area, ["p0", "p1", "p2"]);
    expect(over).toMatchObject({ ok: false, code: "TOO_MANY_VOTES", key: "tooMany", params: { max: 2 } });
    if (!over.ok) expect(ruleText("ru", SERVER_CATALOGS.ru.rules, over)).toBe("В направлении «Santé» можно отдать не больше 2 голосов.");
    const left = (chosen: string[]) => votesLeftText(area, chosen);
    expect(ruleText("ru", SERVER_CATALOGS.ru.rules, left(["p0"]))).toBe("Остался 1 голос из 2");
    expect(ruleText("ar", SERVER_CATALOGS.ar.rules, left([]))).toBe("تبقّى صوتان من 2");
    expect(ruleText("pt", SERVER_CATALOGS.pt.rules, left(["p0", "p1"]))).toBe("Restam 0 votos de 2");
    expect(ruleText("de", SERVER_CATALOGS.de.rules, { key: "votesLeft", params: { left: 1, max: 1 } })).toBe("1 von 1 Stimme übrig");
  });
});

describe("choosing a language", () => {
  it("takes the first supported language by its primary subtag and falls back quietly", () => {
    expect(pickLanguage(["fr-CA", "en"])).toBe("fr");
    expect(pickLanguage(["xx", "pt-BR"])).toBe("pt");
    expect(pickLanguage(["zh-Hans-CN"])).toBe("zh");
    expect(pickLanguage(["AR_eg"])).toBe("ar");
    expect(pickLanguage([])).toBe("en");
    expect(pickLanguage(["klingon", "", "*"])).toBe("en");
    expect(pickLanguage(["it"], ["en", "fr"], "fr")).toBe("fr");
  });

  it("reads Accept-Language in order of preference, bounded", () => {
    expect(parseAcceptLanguage("de;q=0.5, fr-CH, fr;q=0.9, *;q=0.1, es;q=0")).toEqual(["fr-CH", "fr", "de"]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage("en-US,en;q=0.9")).toEqual(["en-US", "en"]);
    expect(parseAcceptLanguage(`${"x".repeat(5000)},fr`)).toEqual([]);
    expect(pickLanguage(parseAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8"))).toBe("ru");
  });

  it("knows the direction of each language", () => {
    expect(LANGUAGES.filter((l) => dir(l) === "rtl")).toEqual(["ar"]);
  });
});

describe("the message runtime", () => {
  it("formats numbers and shares per language, Arabic with Western digits", () => {
    expect(formatMessage("en", "{n} of {m}", { n: 1234, m: 5 })).toBe("1,234 of 5");
    expect(formatMessage("ar", "{n}", { n: 12 })).toBe("12");
    expect(formatPercent("en", 30 / 54)).toBe("56%");
    expect(formatPercent("fr", 30 / 54)).toMatch(/^56[\u00A0\u202F]%$/); // the space ICU puts before % in French (no-break, narrow in newer data)
  });

  it("shows a missing parameter instead of failing, and refuses a malformed message", () => {
    expect(formatMessage("en", "Hello {name}")).toBe("Hello {name}");
    expect(() => parseMessage("{n, plural, one {#}}")).toThrow(/other/);
    expect(() => parseMessage("{n, plural, other {#}")).toThrow();
    expect(() => parseMessage("a } b")).toThrow();
    expect(formatMessage("en", "{n, plural, other {# {x, select, a {A#} other {B}}}}", { n: 3, x: "a" })).toBe("3 A3");
  });
});

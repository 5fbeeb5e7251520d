// A tiny ICU MessageFormat subset — the syntax translators already know — so a catalog holds whole
// sentences and no sentence is built by concatenation:
//   {name}                                  a parameter (numbers formatted for the language)
//   {n, plural, one {# vote} other {# votes}}   plural forms through Intl.PluralRules (=N matches exactly)
//   {n, selectordinal, one {#st} other {#th}}   ordinal forms ("1st", "2nd")
//   {kind, select, draft {…} other {…}}          a choice by value
// "#" inside a plural or selectordinal stands for its number. No quoting: catalogs never need a
// literal brace. A few hundred bytes on the phone instead of a library.
import { intlLocale, type Language } from "./languages";

export type Params = Readonly<Record<string, string | number>>;

type Part =
  | string
  | { arg: string }
  | { pound: true }
  | { arg: string; kind: "plural" | "selectordinal" | "select"; options: Record<string, Part[]> };

const cache = new Map<string, Part[]>();

export function parseMessage(source: string): Part[] {
  const hit = cache.get(source);
  if (hit) return hit;
  const parts = new Parser(source).message(false);
  cache.set(source, parts);
  return parts;
}

class Parser {
  i = 0;
  /** Inside an option of a plural or selectordinal (at any depth), where "#" is its number. */
  pluralDepth = 0;
  constructor(private readonly s: string) {}

  fail(why: string): never {
    throw new Error(`message ${JSON.stringify(this.s)}: ${why} at ${this.i}`);
  }

  /** Parts up to the end, or up to the "}" closing an option (`nested`). */
  message(nested: boolean): Part[] {
    const parts: Part[] = [];
    let text = "";
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (c === "}") {
        if (!nested) this.fail("unexpected }");
        break;
      }
      if (c === "{") {
        if (text) parts.push(text);
        text = "";
        parts.push(this.argument());
        continue;
      }
      if (c === "#" && this.pluralDepth > 0) {
        if (text) parts.push(text);
        text = "";
        parts.push({ pound: true });
        this.i++;
        continue;
      }
      text += c;
      this.i++;
    }
    if (text) parts.push(text);
    return parts;
  }

  word(): string {
    this.space();
    const m = /^[=A-Za-z0-9_]+/.exec(this.s.slice(this.i));
    if (!m) this.fail("expected a name");
    this.i += m[0].length;
    this.space();
    return m[0];
  }

  space(): void {
    while (/\s/.test(this.s[this.i] ?? "")) this.i++;
  }

  argument(): Part {
    this.i++; // {
    const arg = this.word();
    if (this.s[this.i] === "}") {
      this.i++;
      return { arg };
    }
    if (this.s[this.i] !== ",") this.fail("expected , or }");
    this.i++;
    const kind = this.word();
    if (kind !== "plural" && kind !== "selectordinal" && kind !== "select") this.fail(`unknown kind ${kind}`);
    if (this.s[this.i] !== ",") this.fail("expected ,");
    this.i++;
    const options: Record<string, Part[]> = {};
    this.space();
    while (this.s[this.i] !== "}") {
      const key = this.word();
      if (this.s[this.i] !== "{") this.fail("expected {");
      this.i++;
      if (kind !== "select") this.pluralDepth++;
      options[key] = this.message(true);
      if (kind !== "select") this.pluralDepth--;
      if (this.s[this.i] !== "}") this.fail("unclosed option");
      this.i++;
      this.space();
      if (this.i >= this.s.length) this.fail("unclosed argument");
    }
    this.i++;
    if (!options.other) this.fail(`${arg} has no "other" form`);
    return { arg, kind, options };
  }
}

const numberFormats = new Map<Language, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatNumber(lang: Language, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(intlLocale(lang))));
  return f.format(n);
}

function pluralCategory(lang: Language, type: "cardinal" | "ordinal", n: number): string {
  const key = `${lang}/${type}`;
  let r = pluralRules.get(key);
  if (!r) pluralRules.set(key, (r = new Intl.PluralRules(intlLocale(lang), { type })));
  return r.select(n);
}

function value(lang: Language, v: string | number | undefined, name: string): string {
  if (v === undefined) return `{${name}}`; // visible, so a missing parameter is noticed, never a crash
  return typeof v === "number" ? formatNumber(lang, v) : v;
}

function render(lang: Language, parts: readonly Part[], params: Params, pound: number | null): string {
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") out += p;
    else if ("pound" in p) out += pound === null ? "#" : formatNumber(lang, pound);
    else if (!("kind" in p)) out += value(lang, params[p.arg], p.arg);
    else if (p.kind === "select") {
      const v = String(params[p.arg]);
      out += render(lang, p.options[v] ?? p.options.other ?? [], params, pound);
    } else {
      const n = Number(params[p.arg]);
      const form = p.options[`=${n}`] ?? p.options[pluralCategory(lang, p.kind === "plural" ? "cardinal" : "ordinal", n)] ?? p.options.other ?? [];
      out += render(lang, form, params, n);
    }
  }
  return out;
}

/** One message of a catalog in its language, parameters filled in. */
export function formatMessage(lang: Language, source: string, params: Params = {}): string {
  return render(lang, parseMessage(source), params, null);
}

/** The parameter names a message uses (for the catalog test: the same in every language). */
export function messageArguments(source: string): Set<string> {
  const names = new Set<string>();
  const walk = (parts: readonly Part[]) => {
    for (const p of parts) {
      if (typeof p === "string" || "pound" in p) continue;
      names.add(p.arg);
      if ("kind" in p) for (const o of Object.values(p.options)) walk(o);
    }
  };
  walk(parseMessage(source));
  return names;
}

/** The plural/selectordinal arguments of a message with the forms each offers (for the catalog test). */
export function pluralForms(source: string): Array<{ arg: string; kind: string; forms: string[] }> {
  const out: Array<{ arg: string; kind: string; forms: string[] }> = [];
  const walk = (parts: readonly Part[]) => {
    for (const p of parts) {
      if (typeof p === "string" || "pound" in p || !("kind" in p)) continue;
      if (p.kind !== "select") out.push({ arg: p.arg, kind: p.kind, forms: Object.keys(p.options) });
      for (const o of Object.values(p.options)) walk(o);
    }
  };
  walk(parseMessage(source));
  return out;
}

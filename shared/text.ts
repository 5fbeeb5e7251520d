// What text Plenary stores (docs/SECURITY.md, "Text"): any language and any emoji, but no character
// that is not text. Refused everywhere: NUL and the other C0/C1 control characters (a tab and line
// breaks only in a body), and lone surrogates (not Unicode: SQLite and JSON would turn them into
// U+FFFD, so what is read back would differ from what was sent). Refused in titles, which appear
// inline next to counts and labels: line breaks, tabs, the bidi embedding, override and isolate
// controls (they would reorder the text after them: "12 votes" shown as "setov 21"), and a title
// with no visible character (spaces, zero-width and format characters only). Bodies are shown as
// their own paragraphs, where a bidi control ends with the paragraph, and exports isolate them.
// One linear pass per string, no backtracking patterns.

export type TextKind = "title" | "body";

/** Embedding, override and isolate controls: U+202A–U+202E, U+2066–U+2069. */
export function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** C0 and C1 control characters and DEL. */
function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

/**
 * Characters that draw nothing: white space, zero-width and other format characters (Cf), marks
 * with no base, and the "blank" letters that are used to fake an empty name (Hangul fillers,
 * the braille blank).
 */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\p{M}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u180E]$/u;

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why this text may not be stored as a title or body, in words for the API's error message; null if it may. */
export function textProblem(text: string, kind: TextKind): string | null {
  let visible = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return "must not contain a lone surrogate (text that is not valid Unicode)";
      i++;
      visible = true; // every astral character in use (emoji, historic scripts) draws something
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return "must not contain a lone surrogate (text that is not valid Unicode)";
    if (code === 0) return "must not contain NUL (U+0000)";
    if (isControl(code)) {
      const allowed = kind === "body" && (code === 0x09 || code === 0x0a || code === 0x0d);
      if (!allowed) {
        if (kind === "title" && (code === 0x09 || code === 0x0a || code === 0x0d)) return "must be one line (no tab or line break)";
        return `must not contain the control character ${hex(code)}`;
      }
      continue;
    }
    if (kind === "title" && isBidiControl(code)) return `must not contain the bidi control ${hex(code)} (it would reorder the text after it)`;
    if (!visible && !INVISIBLE.test(text[i] ?? "")) visible = true;
  }
  if (kind === "title" && !visible) return "must contain a visible character";
  return null;
}

// ---- output ----------------------------------------------------------------------------------

/** Right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms, and the astral RTL blocks). */
function isStrongRtl(code: number): boolean {
  return (
    (code >= 0x0590 && code <= 0x08ff) ||
    (code >= 0xfb1d && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfeff) ||
    (code >= 0x10800 && code <= 0x10fff) ||
    (code >= 0x1e800 && code <= 0x1efff)
  );
}

const FSI = "\u2068";
const PDI = "\u2069";

/**
 * User text as one direction-neutral unit in a line of output (the Markdown report, a CSV row):
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so Arabic text or a right-to-left
 * override cannot carry on over the count after it. Only text that needs it is wrapped (text
 * with right-to-left letters or bidi controls): plain text comes out byte for byte as before.
 * A PDI the text did not open is dropped, so it cannot close our isolate early; the closing PDI
 * ends any embedding or override left open inside.
 */
export function isolateBidi(text: string): string {
  let needed = false;
  let strayPdi = false;
  let open = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isStrongRtl(code) || isBidiControl(code) || code === 0x200f || code === 0x061c) needed = true;
    if (code >= 0x2066 && code <= 0x2068) open++;
    else if (code === 0x2069) {
      if (open > 0) open--;
      else strayPdi = true;
    }
  }
  if (!needed) return text;
  if (!strayPdi) return `${FSI}${text}${PDI}`;
  let out = "";
  open = 0;
  for (const ch of text) {
    if (ch >= "\u2066" && ch <= "\u2068") open++;
    if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return `${FSI}${out}${PDI}`;
}

/**
 * What a terminal may be shown of a file: without ESC (colour, cursor moves, title changes,
 * hyperlinks), the other C0/C1 controls and a CR that is not part of CRLF (which would let text
 * overwrite the start of its line). Tabs and line ends stay. Only for a terminal: a file or pipe
 * gets the exact bytes.
 */
export function forTerminal(text: string): string {
  let out = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const keep = !isControl(code) || code === 0x09 || code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) === 0x0a);
    if (keep) continue;
    out += text.slice(start, i);
    start = i + 1;
  }
  return out + text.slice(start);
}

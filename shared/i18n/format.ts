// Numbers, percentages and dates through Intl, in one place so every page and export agrees.
import { intlLocale, type Language } from "./languages";

export { formatNumber } from "./message";

/** A share as a whole percentage ("43%", "43 %" in French): `share` is a fraction, 0..1. */
export function formatPercent(lang: Language, share: number): string {
  // Rounded first, so the figure is the one a reader recomputes (votes ÷ voters, to the nearest %).
  return new Intl.NumberFormat(intlLocale(lang), { style: "percent", maximumFractionDigits: 0 }).format(Math.round(share * 100) / 100);
}

/** A date and time as a reader of the language writes it, in the given time zone (default: the machine's). */
export function formatDateTime(lang: Language, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "long", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** A date alone ("3 mai 2017"). */
export function formatDate(lang: Language, iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "long", ...(timeZone ? { timeZone } : {}) }).format(date);
}

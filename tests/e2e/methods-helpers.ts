// The full-length forum with its first area counted by dots (5 dots, at most 3 on one proposal) and
// its second by ranking (3 places, Borda points), created over the API; and the parts of the phone's
// dot stepper and ranking a test reads (found by name, as a screen reader would).
import type { Locator, Page } from "playwright-core";
import { api } from "./harness";
import { createMethodsForum } from "../helpers/methods-forum";
import { area } from "./participant-helpers";
import type { CreatedTestEvent } from "../helpers/app";

export { DOTS, RANKING } from "../helpers/methods-forum";

/** The forum with area 0 by dots and area 1 by ranking, no votes yet (tests/helpers/methods-forum.ts). */
export function methodsForum(url: string): Promise<CreatedTestEvent> {
  return createMethodsForum(url);
}

/** The labels of an area's proposals, in the order this phone shows them. */
export async function shownLabels(page: Page, areaTitle: string): Promise<string[]> {
  return area(page, areaTitle).locator("ul.proposals > li .proposal-label").allTextContents();
}

/** What the widget last said aloud (its polite live region). */
export function announced(page: Page, areaTitle: string): Locator {
  return area(page, areaTitle).locator('[role="status"][aria-live="polite"]');
}

/** The ballot the server holds for this phone (its own token, as the page keeps it). */
export async function serverBallot(page: Page, url: string, code: string): Promise<Record<string, string[]>> {
  const token = await page.evaluate((c) => localStorage.getItem(`plenary.token.${c}`), code);
  if (!token) throw new Error("the phone has not joined");
  const res = await api(url, "GET", `/api/events/${code}/ballot`, { token });
  if (res.status !== 200) throw new Error(`ballot: ${res.status} ${res.text}`);
  return (res.body as { ballot: Record<string, string[]> }).ballot;
}

/** The accessible name of the focused element (aria-label, else its aria-labelledby text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "";
    const label = el.getAttribute("aria-label");
    if (label) return label;
    const by = el.getAttribute("aria-labelledby");
    if (by) return by.split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
    // Named by its content (the ranking's buttons).
    return (el.textContent ?? "").replace(/\s+/g, " ").trim();
  });
}

/** Presses `key` (Tab or Shift+Tab) until the focus is on the control named `name`. */
export async function tabTo(page: Page, name: string, key = "Tab", max = 200): Promise<void> {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press(key);
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`${name} not reached with ${key}`);
}

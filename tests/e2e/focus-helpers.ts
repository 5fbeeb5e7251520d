// Where the keyboard's focus is and whether it is drawn, for the keyboard-only journeys
// (a11y-keyboard*.test.ts): every stop on the way drawn (:focus-visible with an outline or ring),
// and after an action the focus still on the page, never dropped to <body>.
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** What has the focus, whether it is drawn (an outline or a ring), and its accessible name as far as the DOM says it. */
// `busy`: aria-disabled, as a control is while its last press is still being saved (a press then does nothing).
export type FocusState = { lost: boolean; visible: boolean; tag: string; id: string; name: string; busy: boolean };

export async function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !el.isConnected) return { lost: true, visible: false, tag: el?.tagName ?? "", id: "", name: "", busy: false };
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    const box = el.getBoundingClientRect();
    return {
      lost: false,
      visible: el.matches(":focus-visible") && ring && box.width > 0 && box.height > 0,
      tag: el.tagName,
      id: el.id,
      name: (el.getAttribute("aria-label") ?? el.textContent ?? "").replace(/\s+/g, " ").trim(),
      busy: el.getAttribute("aria-disabled") === "true",
    };
  });
}

/**
 * Presses `key` until the focus is on what `match` accepts; every stop on the way must be drawn,
 * so a keyboard user always sees where they are. Returns the presses it took.
 */
export async function tabUntil(page: Page, match: (f: FocusState) => boolean, what: string, key = "Tab", max = 200): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    const f = await focusState(page);
    expect(f.lost, `${what}: focus lost after ${n} × ${key}`).toBe(false);
    expect(f.visible, `${what}: focus not drawn on ${f.tag}#${f.id} “${f.name.slice(0, 60)}”`).toBe(true);
    if (match(f)) return n;
  }
  throw new Error(`${what}: not reached with ${key}`);
}

/** After an action: the focus is still on something on the page, drawn, and (when given) on what `match` accepts. */
export async function focusKept(page: Page, what: string, match?: (f: FocusState) => boolean): Promise<void> {
  // The page settles after an action (the server's answer, then a render): give it a moment, no more.
  let f = await focusState(page);
  for (let n = 0; n < 20 && (f.lost || !f.visible || (match && !match(f))); n++) {
    await page.waitForTimeout(100);
    f = await focusState(page);
  }
  expect(f.lost, `${what}: focus lost`).toBe(false);
  expect(f.visible, `${what}: focus not drawn on ${f.tag}#${f.id} “${f.name.slice(0, 60)}”`).toBe(true);
  if (match) expect(match(f), `${what}: focus on ${f.tag}#${f.id} “${f.name.slice(0, 60)}”`).toBe(true);
}


// Fits a box's type to its room: the summary's cards hold anything from "No votes yet" to a
// seven-way tie, and none may spill off the screen. It first shrinks the type a little with titles
// on up to two lines, then gives titles one line (ellipsis) and shrinks on to a floor, so the
// type stays as large as the content allows. One scale for all cards keeps them one slide.
import { useLayoutEffect, type RefObject } from "react";

interface FitStep {
  scale: number;
  lines: number;
}

const steps = (from: number, to: number, lines: number): FitStep[] => {
  const out: FitStep[] = [];
  for (let s = from; s >= to - 1e-9; s -= 0.05) out.push({ scale: Number(s.toFixed(2)), lines });
  return out;
};
const FIT_STEPS: readonly FitStep[] = [...steps(1, 0.8, 2), ...steps(0.95, 0.65, 1)];

const tooFull = (part: HTMLElement) => part.scrollHeight > part.clientHeight + 1;

/** Sets `--fit` (a type scale) and `--fit-lines` (title lines) on the element; its CSS uses both. */
export function useFitText(ref: RefObject<HTMLElement | null>, selector: string, contentKey: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const apply = (step: FitStep) => {
      el.style.setProperty("--fit", String(step.scale));
      el.style.setProperty("--fit-lines", String(step.lines));
    };
    const fit = () => {
      const parts = Array.from(el.querySelectorAll<HTMLElement>(selector));
      for (const part of parts) part.style.removeProperty("--fit-lines");
      for (const step of FIT_STEPS) {
        apply(step);
        if (!parts.some(tooFull)) break;
      }
      // A card with room to spare gets its two-line titles back, even where another card needed one.
      if (el.style.getPropertyValue("--fit-lines") === "1") {
        for (const part of parts) {
          part.style.setProperty("--fit-lines", "2");
          if (tooFull(part)) part.style.removeProperty("--fit-lines");
        }
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, selector, contentKey]);
}

/** Whether a box or anything in it spills: a part that scrolls, across or down. */
const spills = (part: HTMLElement) => part.scrollHeight > part.clientHeight + 1 || part.scrollWidth > part.clientWidth + 1;

/**
 * Shrinks a box's type until everything in it shows whole: for texts that must never be cut (the
 * winners slide, reading mode), so there is no line clamp and no ellipsis, only a smaller size.
 * Sets `--fit` on the element to the largest scale in [min, 1] at which neither the element nor
 * any `selector` part inside it spills; a binary search, since each try is a layout.
 */
export function useShrinkToFit(ref: RefObject<HTMLElement | null>, selector: string, contentKey: string, min = 0.3): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fits = (scale: number) => {
      el.style.setProperty("--fit", String(scale));
      return !spills(el) && !Array.from(el.querySelectorAll<HTMLElement>(selector)).some(spills);
    };
    const fit = () => {
      if (fits(1)) return;
      let lo = min;
      let hi = 1;
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) lo = mid;
        else hi = mid;
      }
      // Rounded down, never up: a scale a hair above the last that fitted can wrap one line more
      // (it cut the reading slide's last line under a reader's text spacing).
      const scale = Math.floor(lo * 1e4) / 1e4;
      if (!fits(scale)) fits(lo);
    };
    fit();
    // Fonts arriving late change widths; refit once they are in.
    void document.fonts?.ready.then(fit);
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, selector, contentKey, min]);
}

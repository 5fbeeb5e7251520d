// Shrinks a box's type, in small steps down to a floor, until every part of it fits: the
// summary's cards hold anything from "No votes yet" to a seven-way tie, none may spill off the
// screen, and one scale for all cards keeps them looking like one slide.
import { useLayoutEffect, type RefObject } from "react";

const STEP = 0.05;
const FLOOR = 0.7;

function overflows(el: HTMLElement, selector: string): boolean {
  return Array.from(el.querySelectorAll<HTMLElement>(selector)).some((part) => part.scrollHeight > part.clientHeight + 1);
}

/** Sets `--fit` (1 down to 0.7) on the element; the CSS multiplies its type size by it. */
export function useFitText(ref: RefObject<HTMLElement | null>, selector: string, contentKey: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      let scale = 1;
      el.style.setProperty("--fit", "1");
      while (overflows(el, selector) && scale - STEP >= FLOOR) {
        scale -= STEP;
        el.style.setProperty("--fit", scale.toFixed(2));
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, selector, contentKey]);
}

// Measures the bars' box and picks columns, lines and type size for it (screen-model's barLayout),
// again whenever the box changes size: the same slide on a 1280×720 beamer and a 1920×1080 screen.
// It reads the text's line height and spacing from the box, so a reader's text-spacing style sheet
// (WCAG 1.4.12) gets a layout with room for it rather than clamped bars.
import { useLayoutEffect, useState, type RefObject } from "react";
import { barLayout, barText, type BarLayout } from "./screen-model";

/** The bars' type never goes below this share of the box's own font size (CSS: 3.3u, floor 3.0u). */
const MIN_FONT_SHARE = 3.0 / 3.3;

export function useBarLayout(ref: RefObject<HTMLElement | null>, lengths: readonly number[], labelEm: number): BarLayout | null {
  const [layout, setLayout] = useState<BarLayout | null>(null);
  const key = lengths.join(",");
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const font = parseFloat(style.fontSize) || 16;
      // The box's line height and spacing are the bars' (CSS), or a reader's own where they set them.
      const text = barText(font, parseFloat(style.lineHeight), parseFloat(style.letterSpacing), parseFloat(style.wordSpacing));
      const next = barLayout(key.split(",").map(Number), { width: el.clientWidth, height: el.clientHeight }, font, font * MIN_FONT_SHARE, labelEm, text);
      setLayout((cur) => (cur && cur.columns === next.columns && cur.lines === next.lines && Math.abs(cur.font - next.font) < 0.01 ? cur : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, key, labelEm]);
  return layout;
}

// Measures the bars' box and picks columns, lines and type size for it (screen-model's barLayout),
// again whenever the box changes size: the same slide on a 1280×720 beamer and a 1920×1080 screen.
import { useLayoutEffect, useState, type RefObject } from "react";
import { barLayout, type BarLayout } from "./screen-model";

/** The bars' type never goes below this share of the box's own font size (CSS: 3.3u, floor 3.0u). */
const MIN_FONT_SHARE = 3.0 / 3.3;

export function useBarLayout(ref: RefObject<HTMLElement | null>, lengths: readonly number[], labelEm: number): BarLayout | null {
  const [layout, setLayout] = useState<BarLayout | null>(null);
  const key = lengths.join(",");
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const font = parseFloat(getComputedStyle(el).fontSize) || 16;
      const next = barLayout(key.split(",").map(Number), { width: el.clientWidth, height: el.clientHeight }, font, font * MIN_FONT_SHARE, labelEm);
      setLayout((cur) => (cur && cur.columns === next.columns && cur.lines === next.lines && Math.abs(cur.font - next.font) < 0.01 ? cur : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, key, labelEm]);
  return layout;
}

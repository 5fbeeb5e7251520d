// Keeping the keyboard's focus through an action (WCAG 2.4.3), for rows whose buttons replace one
// another (Edit → its form, Delete ⇄ its confirmation): the control that replaces the focused one
// takes the focus right after the DOM changes — a layout effect, not a frame later (a frame may
// never come in a background tab) — kept until that element is there. Buttons are never `disabled`
// while the focus may be on them (a disabled button drops it): `aria-disabled`, and `unless` makes
// a press do nothing.
import { useLayoutEffect, useRef } from "react";

/** Returns `focusTo(id)`: the element with that id gets the focus once it is rendered. */
export function useFocusNext(): (id: string) => void {
  const next = useRef<string | null>(null);
  useLayoutEffect(() => {
    const el = next.current ? document.getElementById(next.current) : null;
    if (!el) return;
    el.focus();
    next.current = null;
  });
  return (id: string) => {
    next.current = id;
  };
}

/** A click handler that does nothing while `off` (the control is aria-disabled). */
export const unless = (off: boolean, act: () => void) => () => {
  if (!off) act();
};

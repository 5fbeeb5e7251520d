// What the dot stepper and the ranking share: their catalog (the `methods` role, fetched with their
// chunk; the page's own roles come from the loader's cache), a proposal's text, the live region that
// says what a tap did, and focus kept on the control a keyboard user was on when the list re-renders.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { Area, Proposal } from "../../../../../shared/schemas";
import type { RuleCheck } from "../../../../../shared/rules";
import { I18nProvider, useI18n } from "../../../i18n/I18n";
import { usePhoneText } from "../useText";
import { PHONE_ROLES } from "../text";
import type { BallotChange } from "../components/AreaSection";

export interface MethodProps {
  area: Area;
  /** The proposals in this phone's order (shared/shuffle.ts). */
  ordered: Proposal[];
  chosen: string[];
  onChange: (change: BallotChange) => RuleCheck;
}

const ROLES = [...PHONE_ROLES, "methods"] as const;

/** The widget inside a provider that also holds the `methods` words; until they arrive, "Opening…". */
export function WithMethodWords({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const { t } = usePhoneText();
  return (
    <I18nProvider lang={lang} roles={ROLES} fallback={<p className="area-loading">{t("loading")}</p>}>
      {children}
    </I18nProvider>
  );
}

/** The label ("PH-3") and the proposal's whole text, as the approval card shows them. */
export function ProposalText({ proposal, labelId, titleId }: { proposal: Proposal; labelId: string; titleId: string }) {
  return (
    <span className="proposal-text" dir="auto">
      {proposal.label ? (
        <span id={labelId} className="proposal-label"><bdi>{proposal.label}</bdi></span>
      ) : null}
      {/* A real space: a button named by its content reads "PH-3 Text…", not "PH-3Text…". */}
      {proposal.label ? " " : null}
      <span id={titleId} className="proposal-title" dir="auto">{proposal.title}</span>
    </span>
  );
}

/** What the last tap did ("PH-3: 2 dots", "PH-3 ranked 2nd of 3"), for a screen reader. */
export function Announcer({ said }: { said: string }) {
  // Mounted from the start and only its words change, so each change is announced.
  return <p className="visually-hidden" role="status" aria-live="polite">{said}</p>;
}

/**
 * Keeps the keyboard's place: controls carry data-focus-key; when a re-render (this phone's move,
 * or a ballot pushed from the server) moves or replaces the focused one and the focus falls to the
 * page, it goes back to the control with the same key. A tap or tab elsewhere lets go.
 */
export function useKeptFocus<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const key = useRef<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const focusin = (e: FocusEvent) => {
      key.current = (e.target as HTMLElement).closest<HTMLElement>("[data-focus-key]")?.dataset.focusKey ?? null;
    };
    const focusout = (e: FocusEvent) => {
      if (e.relatedTarget && !el.contains(e.relatedTarget as Node)) key.current = null;
    };
    const pointer = (e: PointerEvent) => {
      if (!el.contains(e.target as Node)) key.current = null;
    };
    el.addEventListener("focusin", focusin);
    el.addEventListener("focusout", focusout);
    document.addEventListener("pointerdown", pointer);
    return () => {
      el.removeEventListener("focusin", focusin);
      el.removeEventListener("focusout", focusout);
      document.removeEventListener("pointerdown", pointer);
    };
  }, []);
  // After every render: a moved node loses focus in the browser, so put it back.
  useLayoutEffect(() => {
    const k = key.current;
    const el = box.current;
    if (!k || !el) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    el.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(k)}"]`)?.focus();
  });
  return box;
}

/** Announcements re-said even when the words repeat (a second "already first"). */
export function useAnnouncer(): [string, (s: string) => void] {
  const [said, setSaid] = useState("");
  const flip = useRef(false);
  return [
    said,
    (s: string) => {
      flip.current = !flip.current;
      // A no-break space at the end makes the text differ, so the region speaks again.
      setSaid(flip.current ? s : `${s}\u00a0`);
    },
  ];
}

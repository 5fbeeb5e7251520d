// One proposal: a real checkbox named by the proposal's text, which is shown whole — a working
// group's proposal is a paragraph and the substance must not hide behind "Read more". The label
// ("PH-3") lets the room refer to it aloud; the background (body), when there is one, may fold.
import { useId, useLayoutEffect, useRef, useState } from "react";
import type { Proposal } from "../../../../../shared/schemas";
import { usePhoneText } from "../useText";

interface Props {
  proposal: Proposal;
  checked: boolean;
  disabled: boolean;
  onToggle: (proposalId: string) => void;
}

export function ProposalCard({ proposal, checked, disabled, onToggle }: Props) {
  const titleId = useId();
  const labelId = useId();
  const bodyId = useId();
  const described = [proposal.label ? labelId : "", proposal.body ? bodyId : ""].filter(Boolean).join(" ");
  return (
    <li className={checked ? "proposal is-chosen" : "proposal"}>
      <label className="proposal-choice">
        <input
          type="checkbox"
          checked={checked}
          // aria-disabled, not disabled: a box that closes under a keyboard user's focus keeps the
          // focus (a disabled one drops it to the page), and a tap on it says why nothing changed.
          aria-disabled={disabled || undefined}
          onChange={() => onToggle(proposal.id)}
          aria-labelledby={titleId}
          aria-describedby={described || undefined}
        />
        {/* dir="auto" skips the <bdi> label: the paragraph takes the direction of the proposal's own text. */}
        <span className="proposal-text" dir="auto">
          {proposal.label ? (
            <span id={labelId} className="proposal-label"><bdi>{proposal.label}</bdi></span>
          ) : null}
          <span id={titleId} className="proposal-title" dir="auto">{proposal.title}</span>
        </span>
      </label>
      <ProposalBody proposal={proposal} id={bodyId} />
    </li>
  );
}

/**
 * A proposal's background, folded to four lines with a button to read it all when it is longer;
 * shared with the dot and ranking widgets (methods/). `id` names it for the control's description.
 */
export function ProposalBody({ proposal, id }: { proposal: Proposal; id: string }) {
  const { t } = usePhoneText();
  const [open, setOpen] = useState(false);
  const clipped = useClipped<HTMLParagraphElement>(proposal.body, open);
  if (!proposal.body) return null;
  return (
    <>
      <p id={id} ref={clipped.ref} className={open ? "proposal-body" : "proposal-body clamped"} dir="auto">
        {proposal.body}
      </p>
      {clipped.more || open ? (
        <button
          type="button"
          className="proposal-more"
          aria-expanded={open}
          aria-controls={id}
          aria-label={t(open ? "lessBackgroundOf" : "moreBackgroundOf", { name: proposal.label || proposal.title })}
          onClick={() => setOpen(!open)}
        >
          {t(open ? "lessBackground" : "moreBackground")}
        </button>
      ) : null}
    </>
  );
}

/** Whether the clamped body hides text, so the fold button appears only where there is more to read. */
export function useClipped<T extends HTMLElement>(text: string, open: boolean) {
  const ref = useRef<T>(null);
  const [more, setMore] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || open) return;
    const measure = () => setMore(el.scrollHeight > el.clientHeight + 1);
    measure();
    // Turning the phone or zooming the text changes where the clamp falls.
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [text, open]);
  return { ref, more };
}

// One proposal: a real checkbox whose accessible name is the title (the title is always visible),
// and the paragraph below it, clamped to four lines until the participant asks for the rest.
import { useId, useLayoutEffect, useRef, useState } from "react";
import type { Proposal } from "../../../../../shared/schemas";

interface Props {
  proposal: Proposal;
  checked: boolean;
  disabled: boolean;
  onToggle: (proposalId: string) => void;
}

export function ProposalCard({ proposal, checked, disabled, onToggle }: Props) {
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const clipped = useClipped(proposal.body, open);
  return (
    <li className={checked ? "proposal is-chosen" : "proposal"}>
      <label className="proposal-choice">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          onChange={() => onToggle(proposal.id)}
          aria-describedby={proposal.body ? bodyId : undefined}
        />
        <span className="proposal-title">{proposal.title}</span>
      </label>
      {proposal.body ? (
        <>
          <p id={bodyId} ref={clipped.ref} className={open ? "proposal-body" : "proposal-body clamped"}>
            {proposal.body}
          </p>
          {clipped.more || open ? (
            <button type="button" className="proposal-more" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
              {open ? "Show less" : "Read more"}
              <span className="visually-hidden">: {proposal.title}</span>
            </button>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** Whether the clamped body hides text, so "Read more" appears only where there is more to read. */
function useClipped(text: string, open: boolean) {
  const ref = useRef<HTMLParagraphElement>(null);
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

// Event codes and invite codes: read aloud, typed on phones and printed on cards, so the alphabet
// drops look-alikes (0/O, 1/I/L) and matching ignores case, spaces and dashes.
import { LIMITS } from "./limits";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const EVENT_CODE_LENGTH = 6;

export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

/** Characters of the alphabet only: the one pattern of event and invite codes (also used by shared/schemas.ts). */
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]+$`);
const codePattern = CODE_PATTERN;

export function isEventCode(input: string): boolean {
  const code = normalizeCode(input);
  return code.length === EVENT_CODE_LENGTH && codePattern.test(code);
}

export function isInviteCode(input: string, length: number): boolean {
  const code = normalizeCode(input);
  return code.length === length && codePattern.test(code);
}

/** Printable form of an invite: two groups of four are easier to copy from a card than eight. */
export function formatInvite(code: string): string {
  const c = normalizeCode(code);
  return c.length === LIMITS.inviteLength ? `${c.slice(0, LIMITS.inviteLength / 2)}-${c.slice(LIMITS.inviteLength / 2)}` : c;
}

/**
 * What someone typed to join, as a ballot card prints it: an event code, optionally followed by the
 * card's code ("K7XQ2M ABCD-EF23", or the 14 characters run together), or a pasted link such as
 * https://host/e/K7XQ2M?invite=ABCD-EF23. Null when it is none of these.
 */
export function parseJoinInput(input: string, inviteLength: number): { code: string; invite: string | null } | null {
  const link = /\/e\/([A-Za-z0-9-]{4,16})(?:[/?#]|$)/.exec(input);
  if (link?.[1]) {
    const code = normalizeCode(link[1]);
    const raw = /[?&#]invite=([^&#\s]*)/.exec(input)?.[1];
    let invite: string | null = null;
    try {
      invite = raw ? normalizeCode(decodeURIComponent(raw)) : null;
    } catch {
      return null;
    }
    if (!isEventCode(code) || (invite !== null && !isInviteCode(invite, inviteLength))) return null;
    return { code, invite };
  }
  // Labels copied with the codes ("Event code …", "Card code …") and separators are ignored.
  const typed = normalizeCode(input.replace(/event\s*code|card\s*code/gi, " ").replace(/[·:,;./|]/g, " "));
  const code = typed.slice(0, EVENT_CODE_LENGTH);
  if (!isEventCode(code)) return null;
  if (typed.length === EVENT_CODE_LENGTH) return { code, invite: null };
  const invite = typed.slice(EVENT_CODE_LENGTH);
  return isInviteCode(invite, inviteLength) ? { code, invite } : null;
}

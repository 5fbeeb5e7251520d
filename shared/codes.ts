// Event codes and invite codes: read aloud, typed on phones and printed on cards, so the alphabet
// drops look-alikes (0/O, 1/I/L) and matching ignores case, spaces and dashes.
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const EVENT_CODE_LENGTH = 6;

export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

const codePattern = new RegExp(`^[${CODE_ALPHABET}]+$`);

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
  return c.length === 8 ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

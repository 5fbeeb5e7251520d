// The budget of failed look-ups per address, so that guessing event codes or ballot-card codes
// only ever earns 429s. Fed where the look-ups fail (FailedLookup), over HTTP (http/route.ts) and
// the socket handshake (realtime/realtime.ts) alike; checked before any look-up (plugins/security.ts).
import { AppError } from "../../shared/errors";
import { EventCodeParam } from "../../shared/schemas";
import { identify } from "../http/auth";
import type { Ctx } from "../services/context";

/**
 * Failed look-ups (an unknown event code, a wrong ballot-card code) an address may make per window
 * before every look-up from it that does not carry a valid token is answered 429. Typing mistakes
 * of a whole room stay far below it; a guesser gets about 0.03% of the event-code space a day.
 */
export const GUESS_BUDGET = { max: 200, windowMs: 60_000 } as const;

/**
 * A refusal that spends the caller's budget: an unknown event code, a ballot-card code that admits
 * nobody. Raised where the look-up fails, so no layer has to recognise it from the answer.
 */
export class FailedLookup extends AppError {
  constructor(code: "NOT_FOUND" | "INVITE_INVALID", message: string) {
    super(code, message);
  }
}

/** Counts failed look-ups per address in fixed windows. */
export interface GuessGuard {
  failed(ip: string): void;
  blocked(ip: string): boolean;
}

export function createGuessGuard(budget: { max: number; windowMs: number } = GUESS_BUDGET, clock: () => number = Date.now): GuessGuard {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (ip: string) => {
    const w = windows.get(ip);
    return w && w.resetAt > clock() ? w : null;
  };
  return {
    failed(ip) {
      const now = clock();
      // Expired windows are dropped in bulk so a scan from many addresses cannot grow the map for good.
      if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      const w = current(ip);
      if (w) w.count += 1;
      else windows.set(ip, { count: 1, resetAt: now + budget.windowMs });
    },
    blocked: (ip) => (current(ip)?.count ?? 0) >= budget.max,
  };
}

/** True when the token is valid for the event with this code (the only way through a spent budget). */
export function holdsValidToken(ctx: Ctx, code: unknown, token: string | null | undefined): boolean {
  if (!token) return false;
  const parsed = EventCodeParam.safeParse(code);
  const event = parsed.success ? ctx.repos.events.byCode(parsed.data) : undefined;
  if (!event) return false;
  try {
    return identify(ctx.repos, event, token).role !== "anonymous";
  } catch {
    return false;
  }
}


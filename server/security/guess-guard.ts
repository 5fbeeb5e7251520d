// The budget of failed look-ups per address, so that guessing event codes or ballot-card codes
// only ever earns 429s. One mechanism for every transport (underGuessBudget): checked before any
// look-up, fed where the look-ups fail (FailedLookup), over HTTP, the participant page and the
// socket handshake alike.
import { AppError } from "../../shared/errors";
import { EventCodeParam } from "../../shared/schemas";
import { holderOf } from "../http/auth";
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
  if (!parsed.success) return false;
  // The token is looked up by itself, and only then compared with the code: nothing here reads the
  // event the code names, so a made-up token costs the same against a real code and a made-up one.
  return holderOf(ctx.repos, token)?.event.code === parsed.data;
}

/** Who asks to look up a code, and with what. */
export interface LookupAsk {
  ip: string;
  /** The event code named by the request; undefined when it names none (no budget check then). */
  code: unknown;
  token: string | null | undefined;
}

/** The refusal of a blocked address: one object's worth of words, whatever the code. */
export function blockedRefusal(): AppError {
  return new AppError("RATE_LIMITED", "Too many failed look-ups from this address. Wait a minute and try again.");
}

/**
 * The one way a request reaches anything that looks a code up, over HTTP (http/route.ts), the
 * participant page (plugins/participant-page.ts) and the socket handshake (realtime/realtime.ts):
 * - a blocked address without a valid token is refused here, before `run` — so before anything
 *   reads the event the code names: the 429 is the same work for a real code and a made-up one;
 * - a FailedLookup raised inside `run` (sync or async) spends the address's budget.
 */
export function underGuessBudget<T>(guard: GuessGuard | null, ctx: Ctx, ask: LookupAsk, run: () => T): T {
  if (!guard) return run();
  if (ask.code !== undefined && guard.blocked(ask.ip) && !holdsValidToken(ctx, ask.code, ask.token)) throw blockedRefusal();
  const spend = (err: unknown): never => {
    if (err instanceof FailedLookup) guard.failed(ask.ip);
    throw err;
  };
  try {
    const out = run();
    return (out instanceof Promise ? out.catch(spend) : out) as T;
  } catch (err) {
    return spend(err);
  }
}

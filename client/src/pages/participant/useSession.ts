// Getting from a scanned link to the ballot in as few steps as possible: show the event the page's
// HTML carries (else load it) at once.
// Looking does not make a participant: on an open event the phone joins at its first vote (the
// write queue asks Participation for a token). A ballot-card link is redeemed at once (the card is
// the person's explicit act of joining); an invite-only event asks for the card's code first.
import { useCallback, useEffect, useState } from "react";
import { EventReply, type Event } from "../../../../shared/schemas";
import { isEventCode, normalizeCode } from "../../../../shared/codes";
import { ApiError, request } from "../../api/http";
import { browserStore, loadLastEvent, loadToken } from "./deviceStore";
import { embeddedEvent } from "./embedded";
import { Participation } from "./participation";
import { apiPaths } from "../../api/paths";

export type Session =
  | { phase: "loading" }
  | { phase: "missing" }
  /** `error`: the API error code (NETWORK for no answer), worded by the page in its language. */
  | { phase: "unreachable"; error: string }
  | { phase: "invite"; event: Event; error: string | null; busy: boolean }
  /** `version`: the server's fingerprint of `event` when known (socket handshake `since`). */
  | { phase: "ready"; event: Event; version: string | null; participation: Participation };

const store = browserStore();

/** The error code a page words for the participant (in the page's language, see api/errors.ts). */
export function failureCode(err: unknown): string {
  return err instanceof ApiError ? err.code : "INTERNAL";
}

function inviteFromUrl(): string | null {
  const v = new URLSearchParams(window.location.search).get("invite");
  return v ? normalizeCode(v) : null;
}

/** The invite is a one-person credential: keep it out of history, bookmarks and shoulder-surfing. */
function dropInviteFromUrl(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("invite")) return;
  url.searchParams.delete("invite");
  window.history.replaceState(null, "", url.pathname + url.search + url.hash);
}

/** The event this phone last saw, if any (a reload with no network: the page came from the service worker). */
function lastSeen(code: string): { event: Event; version: string | null } | null {
  const kept = loadLastEvent(store, code);
  const parsed = kept ? EventReply.safeParse({ event: kept.event }) : null;
  return parsed?.success && parsed.data.event.code === code ? { event: parsed.data.event, version: kept?.version ?? null } : null;
}

/** The ballot, if it can be shown at once (a token held, or an open event and no card to redeem). */
function readyAtOnce(code: string, event: Event, version: string | null): Session | null {
  if (loadToken(store, code)) {
    dropInviteFromUrl();
    return { phase: "ready", event, version, participation: new Participation(code, store) };
  }
  if (!inviteFromUrl() && event.access === "open") return { phase: "ready", event, version, participation: new Participation(code, store) };
  return null;
}

export function useSession(rawCode: string): {
  session: Session;
  code: string;
  submitInvite: (invite: string) => void;
  rejoin: () => void;
} {
  const code = normalizeCode(rawCode);
  // The first render already shows the ballot when the page's HTML carries the event.
  const [start] = useState(() => {
    const embedded = isEventCode(code) ? embeddedEvent(code) : null;
    return { embedded, session: embedded ? readyAtOnce(code, embedded.event, embedded.version) : null };
  });
  const [session, setSession] = useState<Session>(start.session ?? { phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  const redeem = useCallback(
    async (event: Event, invite: string) => {
      const participation = new Participation(code, store);
      try {
        await participation.redeem(invite);
        dropInviteFromUrl();
        setSession({ phase: "ready", event, version: null, participation });
      } catch (err) {
        const c = err instanceof ApiError ? err.code : "";
        dropInviteFromUrl();
        if (c === "INVITE_REQUIRED" || c === "INVITE_INVALID" || event.access === "invite") {
          setSession({ phase: "invite", event, error: c === "INVITE_REQUIRED" ? null : failureCode(err), busy: false });
        } else {
          setSession({ phase: "unreachable", error: failureCode(err) });
        }
      }
    },
    [code],
  );

  useEffect(() => {
    if (!isEventCode(code)) {
      setSession({ phase: "missing" });
      return;
    }
    let live = true;
    const show = (event: Event, version: string | null) => {
      const ready = readyAtOnce(code, event, version);
      const invite = inviteFromUrl();
      if (ready) setSession(ready);
      else if (invite) void redeem(event, invite);
      else setSession({ phase: "invite", event, error: null, busy: false });
    };
    // The first look needs no request: the server sent the event with the page. A retry or a
    // rejoin reads it afresh.
    if (attempt === 0 && start.embedded) {
      if (!start.session) show(start.embedded.event, start.embedded.version);
      return;
    }
    setSession((s) => (s.phase === "ready" || s.phase === "invite" ? s : { phase: "loading" }));
    // With the phone's own token when it has one: a guessing device behind the same venue NAT can
    // exhaust the address's budget for anonymous look-ups, never a joined participant's reads.
    const held = loadToken(store, code);
    request("GET", apiPaths.event(code), EventReply, { token: held })
      .catch((err: unknown) => {
        // A token the server no longer knows (a reset database): read anonymously; the phone joins
        // again at its next vote.
        if (held && err instanceof ApiError && err.status === 401) {
          new Participation(code, store).forget();
          return request("GET", apiPaths.event(code), EventReply);
        }
        throw err;
      })
      .then(({ event }) => {
        if (live) show(event, null);
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) return setSession({ phase: "missing" });
        // No server: the ballot as this phone last saw it, marked offline by the page; it catches up
        // by itself when the connection returns (useLiveBallot reads the event again on "online").
        const seen = err instanceof ApiError && err.code === "NETWORK" ? lastSeen(code) : null;
        const ready = seen ? readyAtOnce(code, seen.event, seen.version) : null;
        if (ready) setSession(ready);
        else setSession({ phase: "unreachable", error: failureCode(err) });
      });
    return () => {
      live = false;
    };
  }, [code, attempt, redeem, start]);

  // While the server cannot be reached, try again on its own: the participant should not have to.
  useEffect(() => {
    if (session.phase !== "unreachable") return;
    const retry = () => setAttempt((n) => n + 1);
    const t = setTimeout(retry, 3000);
    window.addEventListener("online", retry);
    return () => {
      clearTimeout(t);
      window.removeEventListener("online", retry);
    };
  }, [session]);

  const submitInvite = useCallback(
    (invite: string) => {
      if (session.phase !== "invite" || session.busy) return;
      setSession({ ...session, busy: true, error: null });
      void redeem(session.event, normalizeCode(invite));
    },
    [session, redeem],
  );

  // The server refused the token: forget it (and its unsent wishes) and show the ballot afresh.
  const rejoin = useCallback(() => {
    new Participation(code, store).forget();
    setSession({ phase: "loading" });
    setAttempt((n) => n + 1);
  }, [code]);

  return { session, code, submitInvite, rejoin };
}

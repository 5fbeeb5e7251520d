// Getting from a scanned link to a participant token in as few steps as possible: load the event,
// reuse the token this phone already holds for it, otherwise join straight away (open events or a
// ballot-card link) or ask for the ballot-card code (invite-only events).
import { useCallback, useEffect, useState } from "react";
import { EventReply, JoinReply, type Event } from "../../../../shared/schemas";
import { isEventCode, normalizeCode } from "../../../../shared/codes";
import { ApiError, request } from "../../api/http";
import { errorText } from "../../api/errors";
import { browserStore, forgetParticipant, loadToken, saveToken } from "./deviceStore";

export type Session =
  | { phase: "loading" }
  | { phase: "missing" }
  | { phase: "unreachable"; message: string }
  | { phase: "invite"; event: Event; error: string | null; busy: boolean }
  | { phase: "ready"; event: Event; token: string };

const store = browserStore();

// One join per event code at a time: React's development double-run of effects, or a double tap,
// must not create two participants (each would count in the turnout).
const joining = new Map<string, Promise<string>>();

function joinOnce(code: string, invite: string | null): Promise<string> {
  const key = `${code}\u0000${invite ?? ""}`;
  let p = joining.get(key);
  if (!p) {
    p = request("POST", `/api/events/${code}/participants`, JoinReply, { body: invite ? { invite } : {} })
      .then((r) => {
        saveToken(store, code, r.participantToken);
        return r.participantToken;
      })
      .finally(() => joining.delete(key));
    joining.set(key, p);
  }
  return p;
}

function failureText(err: unknown): string {
  if (err instanceof ApiError) return errorText(err.code, err.message);
  return errorText("INTERNAL");
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

export function useSession(rawCode: string): {
  session: Session;
  code: string;
  submitInvite: (invite: string) => void;
  rejoin: () => void;
} {
  const code = normalizeCode(rawCode);
  const [session, setSession] = useState<Session>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  const join = useCallback(
    async (event: Event, invite: string | null) => {
      try {
        const token = await joinOnce(code, invite);
        dropInviteFromUrl();
        setSession({ phase: "ready", event, token });
      } catch (err) {
        const c = err instanceof ApiError ? err.code : "";
        if (c === "INVITE_REQUIRED" || c === "INVITE_INVALID") {
          dropInviteFromUrl();
          setSession({ phase: "invite", event, error: invite ? errorText(c) : null, busy: false });
        } else if (event.access === "invite") {
          setSession({ phase: "invite", event, error: failureText(err), busy: false });
        } else {
          setSession({ phase: "unreachable", message: failureText(err) });
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
    setSession((s) => (s.phase === "ready" || s.phase === "invite" ? s : { phase: "loading" }));
    // With the phone's own token when it has one: a guessing device behind the same venue NAT can
    // exhaust the address's budget for anonymous look-ups, never a joined participant's reads.
    const held = loadToken(store, code);
    request("GET", `/api/events/${code}`, EventReply, { token: held })
      .catch((err: unknown) => {
        // A token the server no longer knows (a reset database): read anonymously, then rejoin below.
        if (held && err instanceof ApiError && err.status === 401) return request("GET", `/api/events/${code}`, EventReply);
        throw err;
      })
      .then(({ event }) => {
        if (!live) return;
        const token = loadToken(store, code);
        const invite = inviteFromUrl();
        if (token) {
          dropInviteFromUrl();
          setSession({ phase: "ready", event, token });
        } else if (invite || event.access === "open") {
          void join(event, invite);
        } else {
          setSession({ phase: "invite", event, error: null, busy: false });
        }
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 404) setSession({ phase: "missing" });
        else setSession({ phase: "unreachable", message: failureText(err) });
      });
    return () => {
      live = false;
    };
  }, [code, attempt, join]);

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
      void join(session.event, normalizeCode(invite));
    },
    [session, join],
  );

  const rejoin = useCallback(() => {
    forgetParticipant(store, code);
    setSession({ phase: "loading" });
    setAttempt((n) => n + 1);
  }, [code]);

  return { session, code, submitInvite, rejoin };
}

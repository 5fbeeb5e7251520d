// The organiser's moderation queue (issue 13): every area's pending suggestions, live — read again
// when the server pushes `suggestions` (the pending count changed) and when the event changes.
// Nothing in it says who suggested what; the server does not know how to tell.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Event, Suggestion } from "../../../../shared/schemas";
import { DraftingApi } from "../../api/drafting";
import { connectEvent } from "../../api/socket";
import { ModerationList } from "../../components/ModerationList";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import type { AdminApi } from "./api";

interface Props {
  api: AdminApi;
  event: Event;
  refresh: () => Promise<void>;
}

const ROLES = ["drafting"] as const;

export function SuggestionQueue(props: Props) {
  const { lang } = useI18n();
  return (
    <I18nProvider lang={lang} roles={ROLES} ownsDocument={false}>
      <Queue {...props} />
    </I18nProvider>
  );
}

function Queue({ api, event, refresh }: Props) {
  const t = useT("drafting");
  const { lang } = useI18n();
  const drafting = useMemo(() => new DraftingApi(api.code, api.token), [api.code, api.token]);
  drafting.language = lang;
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [message, setMessage] = useState("");
  const read = useCallback(async () => {
    try {
      setSuggestions(await drafting.suggestions());
    } catch {
      // kept as shown; the next push or event change reads again
    }
  }, [drafting]);

  useEffect(() => {
    void read();
  }, [read, event]);
  useEffect(() => {
    // Its own socket: the page's data hook belongs to the projector's code, and this needs one push.
    const socket = connectEvent(api.code, api.token);
    socket.on("suggestions", () => void read());
    socket.on("connect", () => void read());
    return () => { socket.disconnect(); };
  }, [api.code, api.token, read]);

  // The same words twice in a row (two accepts) still change the region's text, so it is said again.
  const announce = (m: string) => setMessage((cur) => (cur === m ? `${m}\u00a0` : m));
  const pending = suggestions.filter((s) => s.status === "pending").length;
  const anyOpen = event.areas.some((a) => a.suggestions === "open");
  if (!anyOpen && pending === 0) return null;
  return (
    <section id="suggestions" className="card admin-section suggestion-queue" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{pending > 0 ? t("queueHeadingCount", { n: pending }) : t("queueHeading")}</h2>
      <p className="hint">{t("queueIntro")}</p>
      <p className="queue-live" role="status" aria-live="polite">{message}</p>
      <ModerationList api={drafting} suggestions={suggestions} areas={event.areas} showArea onDone={async () => { await Promise.all([read(), refresh()]); }} announce={announce} />
    </section>
  );
}

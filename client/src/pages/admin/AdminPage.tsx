// The organiser's workspace: run the vote, edit or import the programme, ballot cards, paper
// ballots, exports, settings. The admin token comes from the URL fragment and is never stored.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { InviteStats } from "../../../../shared/schemas";
import { errorText } from "../../api/errors";
import { AdminApi } from "./api";
import { BallotCards } from "./BallotCards";
import { ContentEditor } from "./ContentEditor";
import { Exports } from "./Exports";
import { ImportPanel } from "./ImportPanel";
import { KeepLinkNotice } from "./KeepLinkNotice";
import { adminPath, parseAdminHash, screenPath } from "./links";
import { LiveControls } from "./LiveControls";
import { PaperBallots } from "./PaperBallots";
import { SettingsForm } from "./SettingsForm";
import { useAdminEvent } from "./useAdminEvent";
import { useKeyRole } from "./useKeyRole";
import "../home/organiser.css";
import "./admin.css";

const SECTIONS = [
  ["live", "Run the vote"],
  ["programme", "Programme"],
  ["import", "Import"],
  ["cards", "Ballot cards"],
  ["paper", "Paper ballots"],
  ["exports", "Results"],
  ["settings", "Settings"],
] as const;

/**
 * Section links must not touch the URL fragment, which holds the admin key; they move focus
 * instead, so keyboard and screen-reader users land where sighted users scroll to.
 */
function goTo(id: string): void {
  const section = document.getElementById(id);
  if (!section) return;
  section.tabIndex = -1;
  section.focus();
}

export default function AdminPage({ code }: { code: string }) {
  const [hash] = useState(() => parseAdminHash(window.location.hash));
  const [showKeepLink, setShowKeepLink] = useState(hash.justCreated);
  const { adminToken, screenKey } = hash;
  const data = useAdminEvent(code, adminToken);
  const api = useMemo(() => (adminToken ? new AdminApi(code, adminToken) : null), [code, adminToken]);
  const [invites, setInvites] = useState<InviteStats | null>(null);
  const role = useKeyRole(api);
  const readOnly = role === "not-admin";

  // The "new" marker is for this one view: a reload or a bookmark must not show the notice again.
  useEffect(() => {
    if (hash.justCreated && adminToken) window.history.replaceState(null, "", adminPath(code, adminToken, screenKey));
  }, [hash.justCreated, adminToken, screenKey, code]);

  const refreshInvites = useCallback(async () => {
    if (api && role === "admin") setInvites(await api.inviteStats());
  }, [api, role]);
  const participants = data.results?.participants;
  useEffect(() => {
    refreshInvites().catch(() => { /* the counts stay as they were; the next change retries */ });
  }, [refreshInvites, participants]);

  useEffect(() => {
    if (data.event) document.title = `${data.event.title} · organiser · Plenary`;
  }, [data.event]);

  if (!adminToken || !api) {
    return (
      <main className="page narrow">
        <h1>This organiser link is incomplete</h1>
        <p>The link is missing its key (the part after #key=). Open the full link you saved when you created the event.</p>
      </main>
    );
  }
  if (data.fatal) {
    return (
      <main className="page narrow">
        <h1>Cannot open event {code}</h1>
        <p role="alert">{data.fatal === "UNAUTHORIZED" || data.fatal === "FORBIDDEN" ? "This organiser link's key is not valid for this event." : errorText(data.fatal)}</p>
        <p><a href="/">Go to the start page</a></p>
      </main>
    );
  }
  const event = data.event;
  if (!event || role === "checking") return <p className="loading" role="status">Loading the event…</p>;
  // With the projector key, the key itself is what the projector view needs.
  const projectorKey = screenKey ?? (readOnly ? adminToken : null);

  return (
    <div className="admin">
      <header className="admin-header">
        <div className="admin-title">
          <p className="eyebrow">{readOnly ? "Projector key · read-only" : "Organiser"} · code {event.code}</p>
          <h1>{event.title}</h1>
        </div>
        {!readOnly && <nav aria-label="Sections" className="admin-nav">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}><a href={`#${id}`} onClick={(e) => { e.preventDefault(); goTo(id); }}>{label}</a></li>
            ))}
          </ul>
        </nav>}
      </header>
      <main className="page admin-main">
        {readOnly && (
          <section className="read-only-notice" role="status" aria-labelledby="read-only-heading">
            <h2 id="read-only-heading">This is the projector link, not the organiser link</h2>
            <p>
              Its key shows the event and the projector, but cannot open, close or reveal areas, edit the programme or enter ballots — so this page
              only shows where the vote stands. To run the vote, open the organiser link you saved when the event was created (its key is after “#key=”).
            </p>
            <p><a className="btn" href={screenPath(event.code, adminToken)}>Open the projector view</a></p>
          </section>
        )}
        {showKeepLink && !readOnly && <KeepLinkNotice code={event.code} adminToken={adminToken} screenKey={screenKey} onDone={() => setShowKeepLink(false)} />}
        <LiveControls api={api} event={event} results={data.results} publicUrl={data.publicUrl} live={data.live} screenKey={projectorKey} invites={invites} refresh={data.refresh} readOnly={readOnly} />
        {!readOnly && (
          <>
            <ContentEditor api={api} event={event} results={data.results} refresh={data.refresh} />
            <ImportPanel api={api} event={event} refresh={data.refresh} />
            <BallotCards api={api} event={event} stats={invites} refreshStats={refreshInvites} />
            <PaperBallots api={api} event={event} results={data.results} />
            <Exports api={api} event={event} />
            <SettingsForm key={event.code} api={api} event={event} refresh={data.refresh} />
          </>
        )}
      </main>
    </div>
  );
}

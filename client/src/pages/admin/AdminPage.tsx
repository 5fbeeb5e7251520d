// The organiser's workspace: run the vote, edit or import the programme, ballot cards, paper
// ballots, exports, settings. The admin token comes from the URL fragment and is never stored.
// It speaks the organiser's own language (browser first, then the event's), with a switcher in the
// header; what the room reads (report, paper ballot, cards) speaks the event's language instead.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Language } from "../../../../shared/i18n/languages";
import type { InviteStats } from "../../../../shared/schemas";
import { chooseLanguage } from "../../i18n/choose";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { Iso, rich } from "../../i18n/rich";
import { AdminApi } from "./api";
import { BallotCards } from "./BallotCards";
import { ContentEditor } from "./ContentEditor";
import { Exports } from "./Exports";
import { FeedbackEditor } from "./FeedbackEditor";
import { ImportPanel } from "./ImportPanel";
import { KeepLinkNotice } from "./KeepLinkNotice";
import { adminPath, parseAdminHash, screenPath } from "../../features/links/links";
import { LiveControls } from "./LiveControls";
import { PaperBallots } from "./PaperBallots";
import { SettingsForm } from "./SettingsForm";
import { SuggestionQueue } from "./SuggestionQueue";
import { useAdminEvent } from "./useAdminEvent";
import { useKeyRole } from "./useKeyRole";
import "../../components/organiser.css";
import "./admin.css";

const SECTIONS = [
  ["live", "adminNavLive"],
  ["programme", "adminNavProgramme"],
  ["import", "adminNavImport"],
  ["cards", "adminNavCards"],
  ["paper", "adminNavPaper"],
  ["feedback", "adminNavFeedback"],
  ["exports", "adminNavExports"],
  ["settings", "adminNavSettings"],
] as const;

const ROLES = ["common", "rules", "organiser", "cards", "home"] as const;

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
  // The event's language is known once the event is read; until then the browser's decides.
  const [eventLanguage, setEventLanguage] = useState<Language | null>(null);
  return (
    <I18nProvider lang={chooseLanguage({ eventLanguage })} roles={ROLES}>
      <Workspace code={code} onEventLanguage={setEventLanguage} />
    </I18nProvider>
  );
}

function Workspace({ code, onEventLanguage }: { code: string; onEventLanguage: (lang: Language) => void }) {
  const t = useT("organiser");
  const { lang } = useI18n();
  const [hash] = useState(() => parseAdminHash(window.location.hash));
  const [showKeepLink, setShowKeepLink] = useState(hash.justCreated);
  const { adminToken, screenKey } = hash;
  const data = useAdminEvent(code, adminToken);
  const api = useMemo(() => (adminToken ? new AdminApi(code, adminToken) : null), [code, adminToken]);
  const [invites, setInvites] = useState<InviteStats | null>(null);
  // Refusals come back in the language the organiser reads (the switcher may differ from the browser).
  if (api) api.language = lang;
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
    if (!data.event) return;
    document.title = t("adminDocTitle", { event: data.event.title });
    onEventLanguage(data.event.language);
  }, [data.event, t, onEventLanguage]);

  if (!adminToken || !api) {
    return (
      <main className="page narrow">
        <h1>{t("adminIncompleteHeading")}</h1>
        <p>{t("adminIncompleteText")}</p>
      </main>
    );
  }
  if (data.fatal) {
    return (
      <main className="page narrow">
        <h1>{rich(t, "adminCannotOpen", { code: <Iso>{code}</Iso> })}</h1>
        <p role="alert">{data.fatal === "UNAUTHORIZED" || data.fatal === "FORBIDDEN" ? t("adminKeyInvalid") : data.fatal === "NOT_FOUND" ? t("adminFatalNotFound") : t("adminFatalOther")}</p>
        <p><a href="/">{t("adminStartPage")}</a></p>
      </main>
    );
  }
  const event = data.event;
  if (!event || role === "checking") return <p className="loading" role="status">{t("adminLoading")}</p>;
  // With the projector key, the key itself is what the projector view needs.
  const projectorKey = screenKey ?? (readOnly ? adminToken : null);

  return (
    <div className="admin">
      <header className="admin-header">
        <div className="admin-title">
          <p className="eyebrow">{rich(t, readOnly ? "adminEyebrowReadOnly" : "adminEyebrow", { code: <Iso>{event.code}</Iso> })}</p>
          <h1><Iso>{event.title}</Iso></h1>
        </div>
        <LanguageSwitcher label={t("adminLanguage")} />
        {!readOnly && <nav aria-label={t("adminNavLabel")} className="admin-nav">
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}><a href={`#${id}`} onClick={(e) => { e.preventDefault(); goTo(id); }}>{t(key)}</a></li>
            ))}
          </ul>
        </nav>}
      </header>
      <main className="page admin-main">
        {readOnly && (
          <section className="read-only-notice" role="status" aria-labelledby="read-only-heading">
            <h2 id="read-only-heading">{t("adminReadOnlyHeading")}</h2>
            <p>{t("adminReadOnlyText")}</p>
            <p><a className="btn" href={screenPath(event.code, adminToken)}>{t("adminOpenProjector")}</a></p>
          </section>
        )}
        {showKeepLink && !readOnly && <KeepLinkNotice code={event.code} adminToken={adminToken} screenKey={screenKey} onDone={() => setShowKeepLink(false)} />}
        <LiveControls api={api} event={event} results={data.results} publicUrl={data.publicUrl} live={data.live} screenKey={projectorKey} invites={invites} refresh={data.refresh} readOnly={readOnly} />
        {!readOnly && (
          <>
            <SuggestionQueue api={api} event={event} refresh={data.refresh} />
            <ContentEditor api={api} event={event} results={data.results} refresh={data.refresh} />
            <ImportPanel api={api} event={event} refresh={data.refresh} />
            <BallotCards api={api} event={event} stats={invites} refreshStats={refreshInvites} />
            <PaperBallots api={api} event={event} results={data.results} />
            <FeedbackEditor api={api} event={event} />
            <Exports api={api} event={event} />
            <SettingsForm key={event.code} api={api} event={event} refresh={data.refresh} />
          </>
        )}
      </main>
    </div>
  );
}

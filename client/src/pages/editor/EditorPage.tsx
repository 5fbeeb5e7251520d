// The rapporteur's page (issue 13), /e/CODE/edit/AREAID#key=edt_…: one area's proposals, live, to
// add, edit, reorder and delete while the area is in draft and not locked, and that area's
// suggestions from the room to moderate. The editor key stays in the fragment (never sent as a URL,
// never stored); it can do nothing else, and the page offers nothing else.
import { useCallback, useEffect, useMemo, useState } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Language } from "../../../../shared/i18n/languages";
import { DraftingApi } from "../../api/drafting";
import { ApiError } from "../../api/http";
import { CountedText } from "../../components/CountedText";
import { ModerationList } from "../../components/ModerationList";
import { chooseLanguage } from "../../i18n/choose";
import { I18nProvider, useI18n, useT } from "../../i18n/I18n";
import { LanguageSwitcher } from "../../i18n/LanguageSwitcher";
import { keyFromHash } from "../../routes";
import { ProposalRow } from "./ProposalRow";
import { useEditorData } from "./useEditorData";
import "./editor.css";

const ROLES = ["drafting"] as const;

export default function EditorPage({ code, areaId }: { code: string; areaId: string }) {
  const [eventLanguage, setEventLanguage] = useState<Language | null>(null);
  return (
    <I18nProvider lang={chooseLanguage({ eventLanguage })} roles={ROLES}>
      <Editor code={code} areaId={areaId} onEventLanguage={setEventLanguage} />
    </I18nProvider>
  );
}

function Editor({ code, areaId, onEventLanguage }: { code: string; areaId: string; onEventLanguage: (l: Language) => void }) {
  const t = useT("drafting");
  const { lang } = useI18n();
  const [key] = useState(() => keyFromHash(window.location.hash));
  const api = useMemo(() => (key ? new DraftingApi(code, key) : null), [code, key]);
  if (api) api.language = lang;
  const data = useEditorData(code, api);
  const [message, setMessage] = useState("");
  const area = data.event?.areas.find((a) => a.id === areaId) ?? null;

  useEffect(() => {
    if (!data.event) return;
    onEventLanguage(data.event.language);
    document.title = t("editorDocTitle", { area: area?.title ?? data.event.title });
  }, [data.event, area, t, onEventLanguage]);

  const { refresh } = data;
  const reload = useCallback(async () => { await refresh(); }, [refresh]);

  if (!api) return <main className="page narrow"><p role="alert">{t("editorNoKey")}</p></main>;
  if (data.fatal) return <main className="page narrow"><p role="alert">{data.fatal === "NOT_FOUND" ? t("editorAreaGone") : t("editorKeyRefused")}</p></main>;
  if (!data.event) return <p className="loading" role="status">{t("editorLoading")}</p>;
  if (!area) return <main className="page narrow"><p role="alert">{t("editorAreaGone")}</p></main>;

  const readOnly = area.status !== "draft" || area.contentLocked;
  const proposals = [...area.proposals].sort((a, b) => a.position - b.position);
  // The same words twice (two moves) would change nothing in the live region, and a screen reader
  // would stay silent: the repeat differs by a trailing no-break space.
  const announce = (m: string) => setMessage((cur) => (cur === m ? `${m}\u00a0` : m));

  return (
    <div className="editor">
      <header className="ed-header">
        <div>
          <p className="eyebrow" dir="auto">{t("editorEyebrow", { event: data.event.title })}</p>
          <h1 dir="auto">{area.title}</h1>
        </div>
        <LanguageSwitcher label={t("language")} />
      </header>
      <main className="page ed-main">
        <p className="ed-live" role="status" aria-live="polite">{message}</p>
        {!data.live && <p className="ed-offline" role="status">{t("editorOffline")}</p>}
        {readOnly ? (
          <p className="ed-readonly" role="status">{area.status !== "draft" ? t("editorOpened") : t("editorLocked")}</p>
        ) : (
          <p className="ed-intro">{t("editorIntro")}</p>
        )}
        <section aria-labelledby="ed-list-heading">
          <h2 id="ed-list-heading" tabIndex={-1}>{t("editorProposalsHeading", { n: proposals.length })}</h2>
          {proposals.length === 0 ? <p>{t("editorNone")}</p> : (
            <ol className="ed-list">
              {proposals.map((p, i) => (
                <ProposalRow key={p.id} api={api} proposal={p} index={i} count={proposals.length} readOnly={readOnly} announce={announce}
                  refresh={async () => (await refresh())?.areas.find((a) => a.id === areaId)?.proposals.find((x) => x.id === p.id) ?? null} />
              ))}
            </ol>
          )}
        </section>
        {!readOnly && <AddProposal api={api} areaId={areaId} refresh={reload} announce={announce} />}
        <section aria-labelledby="ed-queue-heading" className="ed-queue">
          <h2 id="ed-queue-heading">{t("queueHeading")}</h2>
          <p className="hint">{t("queueIntro")}</p>
          <ModerationList api={api} suggestions={data.suggestions} areas={[area]} showArea={false} onDone={reload} announce={announce} />
        </section>
      </main>
    </div>
  );
}

function AddProposal({ api, areaId, refresh, announce }: { api: DraftingApi; areaId: string; refresh: () => Promise<void>; announce: (m: string) => void }) {
  const t = useT("drafting");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await api.addProposal(areaId, title.trim(), body.trim());
      setTitle("");
      setBody("");
      announce(t("editorAdded", { label: p.label }));
      await refresh();
      // Ready for the next one: the (now empty) field, not a dimmed button or the page.
      document.getElementById("ed-new-title")?.focus();
    } catch (err) {
      setError(t("editorFailed", { reason: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="ed-add-heading" className="ed-add">
      <h2 id="ed-add-heading">{t("editorAddHeading")}</h2>
      <form onSubmit={(e) => { e.preventDefault(); if (!busy && title.trim()) void add(); }}>
        <CountedText id="ed-new-title" label={t("editorTitleLabel")} value={title} max={LIMITS.proposalTitle} rows={3} onChange={setTitle} required />
        <CountedText id="ed-new-body" label={t("editorBodyLabel")} value={body} max={LIMITS.proposalBody} rows={3} onChange={setBody} />
        <button type="submit" className="btn" aria-disabled={busy || !title.trim()}>{t("editorAdd")}</button>
        {error && <p className="ed-error" role="alert">{error}</p>}
      </form>
    </section>
  );
}

// The event's rules after creation, in the same fields as the create form.
import { useState, type FormEvent } from "react";
import type { Event } from "../../../../shared/schemas";
import { EventSettingsFields, type EventSettings } from "../../components/EventSettingsFields";
import { useT } from "../../i18n/I18n";
import type { AdminApi } from "./api";
import { useAction } from "./useAction";

const pick = (e: Event): EventSettings => ({
  title: e.title,
  access: e.access,
  votesPerArea: e.votesPerArea,
  resultsVisibility: e.resultsVisibility,
  privacyThreshold: e.privacyThreshold,
  proposalOrder: e.proposalOrder,
  expectedParticipants: e.expectedParticipants,
  language: e.language,
  liveBatchSeconds: e.liveBatchSeconds,
  liveBatchBallots: e.liveBatchBallots,
});

export function SettingsForm(props: { api: AdminApi; event: Event; refresh: () => Promise<void> }) {
  const saved = pick(props.event);
  const [value, setValue] = useState<EventSettings>(saved);
  const [done, setDone] = useState(false);
  const t = useT("organiser");
  const { busy, error, run, explain } = useAction(props.refresh);
  const dirty = (Object.keys(saved) as Array<keyof EventSettings>).some((k) => saved[k] !== value[k]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { api, event } = props;
    void run(
      async () => {
        await api.patchEvent({ ...value, title: value.title.trim() });
        // Areas that used the old default follow the new one; areas given their own limit keep it.
        if (value.votesPerArea !== event.votesPerArea) {
          const follow = event.areas.filter((a) => a.maxVotes === event.votesPerArea);
          const outcomes = await Promise.allSettled(follow.map((a) => api.patchArea(a.id, { maxVotes: value.votesPerArea })));
          const refused = outcomes.find((o) => o.status === "rejected");
          if (refused) throw refused.reason;
        }
        setDone(true);
      },
      (err) => explain(err, t("lockedLowerDefault", { n: value.votesPerArea })),
    );
  };

  return (
    <section id="settings" className="card admin-section" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("adminNavSettings")}</h2>
      <form onSubmit={submit}>
        <EventSettingsFields value={value} onChange={(v) => { setValue(v); setDone(false); }} disabled={busy} />
        <p className="hint">{t("settingsHint")}</p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="actions">
          <button className="btn" type="submit" disabled={busy || !dirty || !value.title.trim()}>{t("settingsSave")}</button>
          <span role="status">{done && !dirty ? t("settingsSaved") : ""}</span>
        </div>
      </form>
    </section>
  );
}

// The rules of an event as form fields, shared by the create form (home page) and the settings
// section of the organiser page, so both explain each choice in the same words.
import { useId } from "react";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_NAMES, LANGUAGES, pickLanguage } from "../../../shared/i18n/languages";
import { DEFAULT_VOTES_PER_AREA, EVENT_DEFAULTS, LIMITS, liveBatchDefault } from "../../../shared/limits";
import type { Event } from "../../../shared/schemas";
import { useT } from "../i18n/I18n";
import "./organiser.css";

export type EventSettings = Pick<Event, "title" | "access" | "votesPerArea" | "resultsVisibility" | "privacyThreshold" | "proposalOrder" | "expectedParticipants" | "language" | "liveBatchSeconds" | "liveBatchBallots">;

export const DEFAULT_SETTINGS: EventSettings = {
  title: "",
  access: "open",
  votesPerArea: DEFAULT_VOTES_PER_AREA,
  resultsVisibility: "live",
  privacyThreshold: 0,
  proposalOrder: "random",
  expectedParticipants: 0,
  // Live bars in batches (issue 15): the server's default for a room of unknown size; the fields
  // follow liveBatchDefault as the expected number changes, until the organiser sets them.
  liveBatchSeconds: liveBatchDefault(0),
  liveBatchBallots: EVENT_DEFAULTS.liveBatchBallots,
  // A new event speaks its creator's language unless they choose another (API 1.1 Event.language).
  language: typeof navigator === "undefined" ? DEFAULT_LANGUAGE : pickLanguage(navigator.languages ?? [navigator.language]),
};

/** A choice and its words: `label` and `hint` are keys of the home catalog. */
interface Choice<V extends string> {
  value: V;
  label: string;
  hint: string;
}

const ACCESS: Choice<EventSettings["access"]>[] = [
  { value: "open", label: "settingsAccessOpen", hint: "settingsAccessOpenHint" },
  { value: "invite", label: "settingsAccessInvite", hint: "settingsAccessInviteHint" },
];
const VISIBILITY: Choice<EventSettings["resultsVisibility"]>[] = [
  { value: "live", label: "settingsVisibilityLive", hint: "settingsVisibilityLiveHint" },
  { value: "on-reveal", label: "settingsVisibilityReveal", hint: "settingsVisibilityRevealHint" },
];
const ORDER: Choice<EventSettings["proposalOrder"]>[] = [
  { value: "random", label: "settingsOrderRandom", hint: "settingsOrderRandomHint" },
  { value: "organiser", label: "settingsOrderOrganiser", hint: "settingsOrderOrganiserHint" },
];

export function EventSettingsFields(props: { value: EventSettings; onChange: (next: EventSettings) => void; disabled?: boolean }) {
  const { value, onChange, disabled } = props;
  const id = useId();
  const t = useT("home");
  const set = <K extends keyof EventSettings>(key: K, v: EventSettings[K]) => onChange({ ...value, [key]: v });
  const int = (raw: string, fallback: number) => (raw === "" || Number.isNaN(Number(raw)) ? fallback : Math.trunc(Number(raw)));

  return (
    <div className="settings-fields">
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("settingsTitle")}</label>
        <input
          id={`${id}-title`}
          type="text"
          required
          maxLength={LIMITS.eventTitle}
          value={value.title}
          disabled={disabled}
          placeholder={t("settingsTitlePlaceholder")}
          onChange={(e) => set("title", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t("settingsLanguage")}</label>
        <select
          id={`${id}-language`}
          value={value.language}
          disabled={disabled}
          aria-describedby={`${id}-language-hint`}
          onChange={(e) => isLanguage(e.target.value) && set("language", e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>{t("settingsLanguageHint")}</p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-votes`}>{t("settingsVotes")}</label>
          <input
            id={`${id}-votes`}
            type="number"
            inputMode="numeric"
            required
            min={LIMITS.votesMin}
            max={LIMITS.votesMax}
            value={value.votesPerArea}
            disabled={disabled}
            aria-describedby={`${id}-votes-hint`}
            onChange={(e) => set("votesPerArea", int(e.target.value, value.votesPerArea))}
          />
          <p className="hint" id={`${id}-votes-hint`}>{t("settingsVotesHint")}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-threshold`}>{t("settingsThreshold")}</label>
          <input
            id={`${id}-threshold`}
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.privacyThresholdMax}
            value={value.privacyThreshold}
            disabled={disabled}
            aria-describedby={`${id}-threshold-hint`}
            onChange={(e) => set("privacyThreshold", int(e.target.value, value.privacyThreshold))}
          />
          <p className="hint" id={`${id}-threshold-hint`}>{t("settingsThresholdHint")}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expected`}>{t("settingsExpected")}</label>
          <input
            id={`${id}-expected`}
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.expectedParticipantsMax}
            value={value.expectedParticipants}
            disabled={disabled}
            aria-describedby={`${id}-expected-hint`}
            onChange={(e) => {
              const expected = Math.max(0, int(e.target.value, value.expectedParticipants));
              // The batch follows the room's size while it still holds the default for the old size.
              const follows = value.liveBatchSeconds === liveBatchDefault(value.expectedParticipants);
              onChange({ ...value, expectedParticipants: expected, ...(follows ? { liveBatchSeconds: liveBatchDefault(expected) } : {}) });
            }}
          />
          <p className="hint" id={`${id}-expected-hint`}>
            {value.expectedParticipants > 0 ? t("settingsExpectedHintN", { n: value.expectedParticipants }) : t("settingsExpectedHint")}
          </p>
        </div>
      </div>
      <fieldset className="choice-group">
        <legend>{t("settingsLiveBatch")}</legend>
        <p className="hint" id={`${id}-batch-hint`}>
          {t("settingsLiveBatchHint", { seconds: EVENT_DEFAULTS.liveBatchSeconds, ballots: EVENT_DEFAULTS.liveBatchBallots, people: LIMITS.liveBatchBelowParticipants })}
        </p>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-batch-seconds`}>{t("settingsLiveBatchSeconds")}</label>
            <input
              id={`${id}-batch-seconds`}
              type="number"
              inputMode="numeric"
              min={LIMITS.liveBatchSecondsMin}
              max={LIMITS.liveBatchSecondsMax}
              value={value.liveBatchSeconds}
              disabled={disabled}
              aria-describedby={`${id}-batch-hint`}
              onChange={(e) => set("liveBatchSeconds", Math.min(LIMITS.liveBatchSecondsMax, Math.max(LIMITS.liveBatchSecondsMin, int(e.target.value, value.liveBatchSeconds))))}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-batch-ballots`}>{t("settingsLiveBatchBallots")}</label>
            <input
              id={`${id}-batch-ballots`}
              type="number"
              inputMode="numeric"
              min={LIMITS.liveBatchBallotsMin}
              max={LIMITS.liveBatchBallotsMax}
              value={value.liveBatchBallots}
              disabled={disabled || value.liveBatchSeconds === 0}
              aria-describedby={`${id}-batch-hint`}
              onChange={(e) => set("liveBatchBallots", Math.min(LIMITS.liveBatchBallotsMax, Math.max(LIMITS.liveBatchBallotsMin, int(e.target.value, value.liveBatchBallots))))}
            />
          </div>
        </div>
      </fieldset>
      <RadioGroup legend={t("settingsAccess")} name={`${id}-access`} choices={ACCESS} value={value.access} disabled={disabled} onChange={(v) => set("access", v)} />
      <RadioGroup legend={t("settingsVisibility")} name={`${id}-visibility`} choices={VISIBILITY} value={value.resultsVisibility} disabled={disabled} onChange={(v) => set("resultsVisibility", v)} />
      <RadioGroup legend={t("settingsOrder")} name={`${id}-order`} choices={ORDER} value={value.proposalOrder} disabled={disabled} onChange={(v) => set("proposalOrder", v)} />
    </div>
  );
}

function RadioGroup<V extends string>(props: { legend: string; name: string; choices: Choice<V>[]; value: V; disabled?: boolean; onChange: (v: V) => void }) {
  const t = useT("home");
  return (
    <fieldset className="choice-group">
      <legend>{props.legend}</legend>
      <div className="choices">
      {props.choices.map((c) => (
        <label key={c.value} className="choice">
          <input type="radio" name={props.name} value={c.value} checked={props.value === c.value} disabled={props.disabled} onChange={() => props.onChange(c.value)} />
          <span>
            <strong>{t(c.label)}</strong>
            <span className="hint">{t(c.hint)}</span>
          </span>
        </label>
      ))}
      </div>
    </fieldset>
  );
}

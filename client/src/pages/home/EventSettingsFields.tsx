// The rules of an event as form fields, shared by the create form (home page) and the settings
// section of the organiser page, so both explain each choice in the same words.
import { useId } from "react";
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGE_NAMES, LANGUAGES, pickLanguage } from "../../../../shared/i18n/languages";
import { DEFAULT_VOTES_PER_AREA, LIMITS } from "../../../../shared/limits";
import type { Event } from "../../../../shared/schemas";
import "./organiser.css";

export type EventSettings = Pick<Event, "title" | "access" | "votesPerArea" | "resultsVisibility" | "privacyThreshold" | "proposalOrder" | "expectedParticipants" | "language">;

export const DEFAULT_SETTINGS: EventSettings = {
  title: "",
  access: "open",
  votesPerArea: DEFAULT_VOTES_PER_AREA,
  resultsVisibility: "live",
  privacyThreshold: 0,
  proposalOrder: "random",
  expectedParticipants: 0,
  // A new event speaks its creator's language unless they choose another (API 1.1 Event.language).
  language: typeof navigator === "undefined" ? DEFAULT_LANGUAGE : pickLanguage(navigator.languages ?? [navigator.language]),
};

interface Choice<V extends string> {
  value: V;
  label: string;
  hint: string;
}

const ACCESS: Choice<EventSettings["access"]>[] = [
  { value: "open", label: "Anyone with the link or code", hint: "Fastest: people scan the QR code on the projector." },
  { value: "invite", label: "Ballot cards only", hint: "Each person needs a printed single-use card, so nobody votes twice." },
];
const VISIBILITY: Choice<EventSettings["resultsVisibility"]>[] = [
  { value: "live", label: "Live", hint: "The projector shows the bars as votes come in." },
  { value: "on-reveal", label: "On reveal", hint: "The room sees turnout only until you reveal each area." },
];
const ORDER: Choice<EventSettings["proposalOrder"]>[] = [
  { value: "random", label: "Shuffled on each phone", hint: "Nobody's favourite profits from being listed first." },
  { value: "organiser", label: "In your order", hint: "Every phone lists proposals as you arranged them." },
];

export function EventSettingsFields(props: { value: EventSettings; onChange: (next: EventSettings) => void; disabled?: boolean }) {
  const { value, onChange, disabled } = props;
  const id = useId();
  const set = <K extends keyof EventSettings>(key: K, v: EventSettings[K]) => onChange({ ...value, [key]: v });
  const int = (raw: string, fallback: number) => (raw === "" || Number.isNaN(Number(raw)) ? fallback : Math.trunc(Number(raw)));

  return (
    <div className="settings-fields">
      <div className="field">
        <label htmlFor={`${id}-title`}>Event title</label>
        <input
          id={`${id}-title`}
          type="text"
          required
          maxLength={LIMITS.eventTitle}
          value={value.title}
          disabled={disabled}
          placeholder="e.g. Spring assembly — priorities for 2026"
          onChange={(e) => set("title", e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>Language of the event</label>
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
        <p className="hint" id={`${id}-language-hint`}>The projector, the report, paper ballots and ballot cards speak it; each phone and organiser page follows its own browser’s language.</p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-votes`}>Votes per area</label>
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
          <p className="hint" id={`${id}-votes-hint`}>Each person picks up to this many proposals in every area (you can change it per area).</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-threshold`}>Privacy threshold</label>
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
          <p className="hint" id={`${id}-threshold-hint`}>Counts stay hidden until at least this many people have voted in an area (0: no threshold). In an open event anyone with the link can vote, so a few scripted votes could reach it: the threshold protects a voter for certain only with ballot cards.</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expected`}>People expected</label>
          <input
            id={`${id}-expected`}
            type="number"
            inputMode="numeric"
            min={0}
            max={LIMITS.expectedParticipantsMax}
            value={value.expectedParticipants}
            disabled={disabled}
            aria-describedby={`${id}-expected-hint`}
            onChange={(e) => set("expectedParticipants", Math.max(0, int(e.target.value, value.expectedParticipants)))}
          />
          <p className="hint" id={`${id}-expected-hint`}>
            {value.expectedParticipants > 0 ? `${value.expectedParticipants} expected: ` : ""}the room sees turnout as “voted of expected” (0: count those who voted).
          </p>
        </div>
      </div>
      <RadioGroup legend="Who can vote" name={`${id}-access`} choices={ACCESS} value={value.access} disabled={disabled} onChange={(v) => set("access", v)} />
      <RadioGroup legend="Results on the projector" name={`${id}-visibility`} choices={VISIBILITY} value={value.resultsVisibility} disabled={disabled} onChange={(v) => set("resultsVisibility", v)} />
      <RadioGroup legend="Order of proposals on phones" name={`${id}-order`} choices={ORDER} value={value.proposalOrder} disabled={disabled} onChange={(v) => set("proposalOrder", v)} />
    </div>
  );
}

function RadioGroup<V extends string>(props: { legend: string; name: string; choices: Choice<V>[]; value: V; disabled?: boolean; onChange: (v: V) => void }) {
  return (
    <fieldset className="choice-group">
      <legend>{props.legend}</legend>
      <div className="choices">
      {props.choices.map((c) => (
        <label key={c.value} className="choice">
          <input type="radio" name={props.name} value={c.value} checked={props.value === c.value} disabled={props.disabled} onChange={() => props.onChange(c.value)} />
          <span>
            <strong>{c.label}</strong>
            <span className="hint">{c.hint}</span>
          </span>
        </label>
      ))}
      </div>
    </fieldset>
  );
}

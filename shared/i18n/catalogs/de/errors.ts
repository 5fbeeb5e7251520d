// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "Die Anfrage ist ungültig.",
  UNAUTHORIZED: "Dafür ist ein gültiger Link oder Token nötig.",
  FORBIDDEN: "Mit diesem Link ist das nicht erlaubt.",
  NOT_FOUND: "Hier wurde nichts gefunden.",
  VOTING_CLOSED: "Die Abstimmung ist nicht geöffnet.",
  EVENT_LOCKED: "Es wurden bereits Stimmen abgegeben, daher lässt sich das nicht mehr ändern.",
  INVITE_REQUIRED: "Für diese Veranstaltung ist der Code einer Stimmkarte nötig.",
  INVITE_INVALID: "Dieser Stimmkarten-Code gilt nicht für diese Veranstaltung.",
  TOO_MANY_VOTES: "Zu viele Stimmen für diesen Bereich.",
  DUPLICATE_PROPOSAL: "Derselbe Vorschlag wurde zweimal gewählt.",
  UNKNOWN_PROPOSAL: "Ein gewählter Vorschlag gehört nicht zu diesem Bereich.",
  PAYLOAD_TOO_LARGE: "Die Anfrage ist zu groß.",
  RATE_LIMITED: "Zu viele Anfragen. Bitte warten Sie kurz und versuchen Sie es erneut.",
  NOT_ALLOWED: "Das ist im aktuellen Zustand nicht möglich.",
  FORM_CLOSED: "Dieses Formular ist geschlossen.",
  TOO_MANY_DOTS: "Zu viele Punkte für diesen Bereich.",
  UNAVAILABLE: "Der Server kann gerade nicht speichern. Bitte versuchen Sie es gleich noch einmal.",
  INTERNAL: "Interner Fehler.",
} satisfies TranslationOf<typeof en>;

// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "Die Abstimmung endet in {time}",
  lastMinute: "Weniger als eine Minute, um in „{area}“ abzustimmen.",
  timeUp: "Die Zeit ist um: Die Abstimmung wird geschlossen.",
  minutesLabel: "Minuten für „{area}“",
  openForButton: "{n, plural, one {# Minute} other {# Minuten}} lang öffnen",
  extendButton: "+{n} Min.",
  extendLabel: "{n, plural, one {# Minute} other {# Minuten}} zur verbleibenden Zeit in „{area}“ hinzufügen",
  closesByItself: "Schließt automatisch in {time}",
  runoffTopLabel: "Plätze in der Stichwahl zu „{area}“",
  runoffButton: "Stichwahl der ersten {n}",
  runoffCreated: "Stichwahl als Entwurf nach „{area}“ angelegt: Öffnen Sie sie, wenn der Saal bereit ist.",
} satisfies TranslationOf<typeof en>;

// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "Le vote se termine dans {time}",
  lastMinute: "Il reste moins d’une minute pour voter dans «\u00A0{area}\u00A0».",
  timeUp: "Le temps est écoulé\u00A0: le vote se termine.",
  minutesLabel: "Minutes pour «\u00A0{area}\u00A0»",
  openForButton: "Ouvrir pour {n, plural, one {# minute} other {# minutes}}",
  extendButton: "+{n}\u00A0min",
  extendLabel: "Ajouter {n, plural, one {# minute} other {# minutes}} au temps restant dans «\u00A0{area}\u00A0»",
  closesByItself: "Se ferme automatiquement dans {time}",
  runoffTopLabel: "Places retenues pour le second tour de «\u00A0{area}\u00A0»",
  runoffButton: "Second tour des {n} premiers",
  runoffCreated: "Second tour ajouté en brouillon après «\u00A0{area}\u00A0»\u00A0: ouvrez-le quand la salle est prête.",
} satisfies TranslationOf<typeof en>;

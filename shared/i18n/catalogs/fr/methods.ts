// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "Ajouter un point à {name}",
  removeDot: "Retirer un point de {name}",
  dotCount: "{n, plural, =0 {Aucun point} one {# point} other {# points}}",
  dotsAnnounce: "{name} : {n, plural, =0 {aucun point} one {# point} other {# points}}",
  noDotToRemove: "{name} n’a aucun point à retirer.",
  rankHint: "Touchez les propositions par ordre de préférence ; touchez-en une à nouveau pour la retirer.",
  yourRanking: "Votre classement",
  rankedState: "Classée {place} sur {count}",
  notRanked: "Non classée",
  rankedAnnounce: "{name} classée {place} sur {count}",
  unrankedAnnounce: "{name} retirée du classement",
  moveUp: "Monter {name}",
  moveDown: "Descendre {name}",
  firstAlready: "{name} est déjà en tête.",
  lastAlready: "{name} est déjà en dernière position.",
} satisfies TranslationOf<typeof en>;

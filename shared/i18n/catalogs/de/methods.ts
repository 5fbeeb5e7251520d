// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "Einen Punkt auf {name} setzen",
  removeDot: "Einen Punkt von {name} nehmen",
  dotCount: "{n, plural, =0 {Keine Punkte} one {# Punkt} other {# Punkte}}",
  dotsAnnounce: "{name}: {n, plural, =0 {keine Punkte} one {# Punkt} other {# Punkte}}",
  noDotToRemove: "{name} hat keinen Punkt, der sich wegnehmen ließe.",
  rankHint: "Tippen Sie die Vorschläge in der Reihenfolge Ihrer Vorliebe an; ein zweites Tippen nimmt einen wieder heraus.",
  yourRanking: "Ihre Reihenfolge",
  rankedState: "Auf dem {place} Platz von {count}",
  notRanked: "Nicht gereiht",
  rankedAnnounce: "{name} auf dem {place} Platz von {count}",
  unrankedAnnounce: "{name} aus der Reihenfolge genommen",
  moveUp: "{name} nach oben",
  moveDown: "{name} nach unten",
  firstAlready: "{name} steht schon an erster Stelle.",
  lastAlready: "{name} steht schon an letzter Stelle.",
} satisfies TranslationOf<typeof en>;

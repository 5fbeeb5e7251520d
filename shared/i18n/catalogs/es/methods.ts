// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "Añadir un punto a {name}",
  removeDot: "Quitar un punto de {name}",
  dotCount: "{n, plural, =0 {Ningún punto} one {# punto} other {# puntos}}",
  dotsAnnounce: "{name}: {n, plural, =0 {ningún punto} one {# punto} other {# puntos}}",
  noDotToRemove: "{name} no tiene ningún punto que quitar.",
  rankHint: "Toque las propuestas por orden de preferencia; tóquela otra vez para quitarla.",
  yourRanking: "Su orden",
  rankedState: "En el {place} puesto de {count}",
  notRanked: "Sin ordenar",
  rankedAnnounce: "{name} en el {place} puesto de {count}",
  unrankedAnnounce: "{name} quitada del orden",
  moveUp: "Subir {name}",
  moveDown: "Bajar {name}",
  firstAlready: "{name} ya está en primer lugar.",
  lastAlready: "{name} ya está en último lugar.",
} satisfies TranslationOf<typeof en>;

// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "Adicionar um ponto a {name}",
  removeDot: "Retirar um ponto de {name}",
  dotCount: "{n, plural, =0 {Nenhum ponto} one {# ponto} other {# pontos}}",
  dotsAnnounce: "{name}: {n, plural, =0 {nenhum ponto} one {# ponto} other {# pontos}}",
  noDotToRemove: "{name} não tem nenhum ponto para retirar.",
  rankHint: "Toque nas propostas por ordem de preferência; toque de novo numa para a retirar.",
  yourRanking: "A sua ordenação",
  rankedState: "Em {place} lugar de {count}",
  notRanked: "Não ordenada",
  rankedAnnounce: "{name} em {place} lugar de {count}",
  unrankedAnnounce: "{name} retirada da ordenação",
  moveUp: "Subir {name}",
  moveDown: "Descer {name}",
  firstAlready: "{name} já está em primeiro lugar.",
  lastAlready: "{name} já está em último lugar.",
} satisfies TranslationOf<typeof en>;

// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left, plural, one {Queda # voto} other {Quedan # votos}} de {max}",
  notOpenYet: "La votación en «{area}» aún no está abierta.",
  closed: "La votación en «{area}» está cerrada.",
  duplicate: "Se eligió dos veces la misma propuesta.",
  unknownProposal: "Una propuesta elegida no forma parte de «{area}».",
  tooMany: "«{area}» permite como máximo {max, plural, one {# voto} other {# votos}}.",
  limitReached: "{max, plural, =1 {Ya usó su voto} =2 {Ya usó sus dos votos} other {Ya usó sus # votos}} en «{area}»: quite uno para elegir otro.",
  tooManyDots: "«{area}» permite como máximo {max, plural, one {# punto} other {# puntos}} en una misma propuesta.",
  tooManyDotsInAll: "«{area}» permite {max, plural, one {# punto} other {# puntos}} en total.",
  tooManyRanked: "«{area}» ordena como máximo {max, plural, one {# propuesta} other {# propuestas}}.",
  dotsLeft: "{left, plural, one {Queda # punto} other {Quedan # puntos}} de {max}",
  placesLeft: "{left, plural, one {Queda # puesto} other {Quedan # puestos}} de {max}",
  dotsLimitReached: "Ha colocado todos sus puntos en «{area}»: quite uno para colocarlo en otra propuesta.",
  rankingFull: "Ha ordenado {max, plural, one {# propuesta} other {# propuestas}} en «{area}»: quite una para ordenar otra.",
  howApproval: "Elija hasta {max, plural, one {# propuesta} other {# propuestas}}.",
  howDots: "Coloque hasta {max, plural, one {# punto} other {# puntos}}, como máximo {per} en una misma propuesta.",
  howRanking: "Ordene hasta {max, plural, one {# propuesta} other {# propuestas}} por preferencia: la primera recibe {max, plural, one {# punto} other {# puntos}}, la siguiente uno menos.",
} satisfies TranslationOf<typeof en>;

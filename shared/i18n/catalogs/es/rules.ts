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
} satisfies TranslationOf<typeof en>;

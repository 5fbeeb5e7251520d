// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left, plural, =0 {Restam 0 votos} one {Resta # voto} other {Restam # votos}} de {max}",
  notOpenYet: "A votação em «{area}» ainda não está aberta.",
  closed: "A votação em «{area}» está encerrada.",
  duplicate: "A mesma proposta foi escolhida duas vezes.",
  unknownProposal: "Uma proposta escolhida não faz parte de «{area}».",
  tooMany: "«{area}» permite no máximo {max, plural, one {# voto} other {# votos}}.",
  limitReached: "{max, plural, =1 {Já usou o seu voto} =2 {Já usou os seus dois votos} other {Já usou os seus # votos}} em «{area}»: retire um para escolher outro.",
} satisfies TranslationOf<typeof en>;

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
  tooManyDots: "«{area}» permite no máximo {max, plural, one {# ponto} other {# pontos}} numa mesma proposta.",
  tooManyDotsInAll: "«{area}» permite {max, plural, one {# ponto} other {# pontos}} no total.",
  tooManyRanked: "«{area}» ordena no máximo {max, plural, one {# proposta} other {# propostas}}.",
  dotsLeft: "{left, plural, one {Resta # ponto} other {Restam # pontos}} de {max}",
  placesLeft: "{left, plural, one {Resta # lugar} other {Restam # lugares}} de {max}",
  dotsLimitReached: "Colocou todos os seus pontos em «{area}» — retire um para o colocar noutra proposta.",
  rankingFull: "Ordenou {max, plural, one {# proposta} other {# propostas}} em «{area}» — retire uma para ordenar outra.",
  howApproval: "Escolha até {max, plural, one {# proposta} other {# propostas}}.",
  howDots: "Coloque até {max, plural, one {# ponto} other {# pontos}}, no máximo {per} numa mesma proposta.",
  howRanking: "Ordene até {max, plural, one {# proposta} other {# propostas}} por preferência: a primeira recebe {max, plural, one {# ponto} other {# pontos}}, a seguinte um a menos.",
} satisfies TranslationOf<typeof en>;

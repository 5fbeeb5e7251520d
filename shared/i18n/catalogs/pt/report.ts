// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — resultados",
  intro: "Cada participante podia escolher até {n, plural, one {# proposta} other {# propostas}} por área. Propostas empatadas em votos partilham a mesma posição ({tie}).",
  introMixed: "Cada participante podia escolher até {n, plural, one {# proposta} other {# propostas}} por área (algumas áreas são diferentes; ver o anexo). Propostas empatadas em votos partilham a mesma posição ({tie}).",
  topHeading: "As {n} primeiras posições por área",
  withheld: "Resultados não publicados ({voters, plural, =0 {# votantes} one {# votante} other {# votantes}}, abaixo do limiar de privacidade de {threshold}).",
  noVotes: "Não houve votos.",
  votes: "{votes, plural, =0 {# votos} one {# voto} other {# votos}}",
  annexHeading: "Anexo: classificação completa",
  areaLimit: "Até {max, plural, one {# voto} other {# votos}} por participante; {voters, plural, =0 {# votantes} one {# votante} other {# votantes}}.",
  withheldShort: "Não publicados.",
  colRank: "Posição",
  colLabel: "Etiqueta",
  colProposal: "Proposta",
  colVotes: "Votos",
  colShare: "Proporção de votantes",
  turnoutHeading: "Participação",
  expected: "Participantes previstos: {n}",
  joined: "Participantes que entraram: {n}",
  cards: "Cartões de votação emitidos: {issued}; usados: {used}",
  votedAny: "Votaram em pelo menos uma área: {voters}",
  votedAnyOf: "Votaram em pelo menos uma área: {voters} de {expected} previstos",
  areaVoters: "{area}: {voters, plural, =0 {# votantes} one {# votante} other {# votantes}}",
  chatham: "Nenhum nome ou identidade foi guardado (regra de Chatham House).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — segunda volta",
  runoffOf: "Segunda volta de «{area}».",
} satisfies TranslationOf<typeof en>;

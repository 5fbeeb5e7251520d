// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — resultados",
  intro: "Cada participante podía elegir hasta {n, plural, one {# propuesta} other {# propuestas}} por área. Las propuestas empatadas en votos comparten puesto ({tie}).",
  introMixed: "Cada participante podía elegir hasta {n, plural, one {# propuesta} other {# propuestas}} por área (algunas áreas difieren; véase el anexo). Las propuestas empatadas en votos comparten puesto ({tie}).",
  topHeading: "Los {n} primeros puestos por área",
  withheld: "Resultados no publicados ({voters, plural, one {# votante} other {# votantes}}, por debajo del umbral de privacidad de {threshold}).",
  noVotes: "No se emitió ningún voto.",
  votes: "{votes, plural, one {# voto} other {# votos}}",
  annexHeading: "Anexo: clasificación completa",
  areaLimit: "Hasta {max, plural, one {# voto} other {# votos}} por participante; {voters, plural, one {# votante} other {# votantes}}.",
  withheldShort: "No publicados.",
  colRank: "Puesto",
  colLabel: "Etiqueta",
  colProposal: "Propuesta",
  colVotes: "Votos",
  colShare: "Porcentaje de votantes",
  turnoutHeading: "Participación",
  expected: "Participantes previstos: {n}",
  joined: "Participantes que se unieron: {n}",
  cards: "Tarjetas de votación emitidas: {issued}; usadas: {used}",
  votedAny: "Votaron en al menos un área: {voters}",
  votedAnyOf: "Votaron en al menos un área: {voters} de {expected} previstos",
  areaVoters: "{area}: {voters, plural, one {# votante} other {# votantes}}",
  chatham: "No se registraron nombres ni identidades (regla de Chatham House).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — segunda vuelta",
  runoffOf: "Segunda vuelta de «{area}».",
} satisfies TranslationOf<typeof en>;

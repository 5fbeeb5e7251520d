// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — résultats",
  intro: "Chaque participant pouvait choisir jusqu’à {n, plural, one {# proposition} other {# propositions}} par domaine. Les propositions à égalité de voix partagent un rang ({tie}).",
  introMixed: "Chaque participant pouvait choisir jusqu’à {n, plural, one {# proposition} other {# propositions}} par domaine (certains domaines diffèrent\u202F; voir l’annexe). Les propositions à égalité de voix partagent un rang ({tie}).",
  topHeading: "Les {n} premiers par domaine",
  withheld: "Résultats non publiés ({voters, plural, one {# votant} other {# votants}}, sous le seuil de confidentialité de {threshold}).",
  noVotes: "Aucun vote n’a été exprimé.",
  votes: "{votes} voix",
  annexHeading: "Annexe\u00A0: classement complet",
  areaLimit: "Jusqu’à {max} voix par participant\u202F; {voters, plural, one {# votant} other {# votants}}.",
  withheldShort: "Non publiés.",
  colRank: "Rang",
  colLabel: "Étiquette",
  colProposal: "Proposition",
  colVotes: "Voix",
  colShare: "Part des votants",
  turnoutHeading: "Participation",
  expected: "Participants attendus\u00A0: {n}",
  joined: "Participants ayant rejoint\u00A0: {n}",
  cards: "Cartes de vote distribuées\u00A0: {issued}, utilisées\u00A0: {used}",
  votedAny: "Ont voté dans au moins un domaine\u00A0: {voters}",
  votedAnyOf: "Ont voté dans au moins un domaine\u00A0: {voters} sur {expected} attendus",
  areaVoters: "{area}\u00A0: {voters, plural, one {# votant} other {# votants}}",
  chatham: "Ni noms ni identités n’ont été enregistrés (règle de Chatham House).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — second tour",
  runoffOf: "Second tour de «\u00A0{area}\u00A0».",
} satisfies TranslationOf<typeof en>;

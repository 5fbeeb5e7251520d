// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — Ergebnisse",
  intro: "Alle Teilnehmenden konnten pro Bereich bis zu {n, plural, one {# Vorschlag} other {# Vorschläge}} wählen. Bei Stimmengleichheit teilen sich Vorschläge einen Rang ({tie}).",
  introMixed: "Alle Teilnehmenden konnten pro Bereich bis zu {n, plural, one {# Vorschlag} other {# Vorschläge}} wählen (einige Bereiche weichen ab; siehe Anhang). Bei Stimmengleichheit teilen sich Vorschläge einen Rang ({tie}).",
  topHeading: "Die ersten {n} Plätze pro Bereich",
  withheld: "Ergebnisse zurückgehalten ({voters, plural, one {# abstimmende Person} other {# Abstimmende}}, unter der Datenschutzschwelle von {threshold}).",
  noVotes: "Es wurden keine Stimmen abgegeben.",
  votes: "{votes, plural, one {# Stimme} other {# Stimmen}}",
  annexHeading: "Anhang: vollständige Rangliste",
  areaLimit: "Bis zu {max, plural, one {# Stimme} other {# Stimmen}} pro Person; {voters, plural, one {# abstimmende Person} other {# Abstimmende}}.",
  withheldShort: "Zurückgehalten.",
  colRank: "Rang",
  colLabel: "Kennung",
  colProposal: "Vorschlag",
  colVotes: "Stimmen",
  colShare: "Anteil der Abstimmenden",
  turnoutHeading: "Beteiligung",
  expected: "Erwartete Teilnehmende: {n}",
  joined: "Beigetretene Teilnehmende: {n}",
  cards: "Stimmkarten ausgegeben: {issued}, verwendet: {used}",
  votedAny: "In mindestens einem Bereich abgestimmt: {voters}",
  votedAnyOf: "In mindestens einem Bereich abgestimmt: {voters} von {expected} erwarteten",
  areaVoters: "{area}: {voters, plural, one {# abstimmende Person} other {# Abstimmende}}",
  chatham: "Es wurden keine Namen oder Identitäten erfasst (Chatham-House-Regel).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — Stichwahl",
  runoffOf: "Stichwahl zu „{area}“.",
} satisfies TranslationOf<typeof en>;

// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { Catalog } from "../../catalog";

export default {
  title: "{event} — results",
  intro: "Each participant could choose up to {n, plural, one {# proposal} other {# proposals}} per area. Equal votes share a rank ({tie}).",
  introMixed: "Each participant could choose up to {n, plural, one {# proposal} other {# proposals}} per area (some areas differ; see the annex). Equal votes share a rank ({tie}).",
  topHeading: "Top {n} per area",
  withheld: "Results withheld ({voters, plural, one {# voter} other {# voters}}, below the privacy threshold of {threshold}).",
  noVotes: "No votes were cast.",
  votes: "{votes, plural, one {# vote} other {# votes}}",
  annexHeading: "Annex: full ranking",
  areaLimit: "Up to {max, plural, one {# vote} other {# votes}} per participant; {voters, plural, one {# voter} other {# voters}}.",
  withheldShort: "Withheld.",
  colRank: "Rank",
  colLabel: "Label",
  colProposal: "Proposal",
  colVotes: "Votes",
  colShare: "Share of voters",
  turnoutHeading: "Turnout",
  expected: "Expected participants: {n}",
  joined: "Participants joined: {n}",
  cards: "Ballot cards issued: {issued}, used: {used}",
  votedAny: "Voted in at least one area: {voters}",
  votedAnyOf: "Voted in at least one area: {voters} of {expected} expected",
  areaVoters: "{area}: {voters, plural, one {# voter} other {# voters}}",
  chatham: "No names or identities were recorded (Chatham House Rule).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — runoff",
  runoffOf: "Runoff of “{area}”.",
} satisfies Catalog;

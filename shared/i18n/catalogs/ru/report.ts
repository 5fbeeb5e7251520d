// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — итоги",
  intro: "Каждый участник мог выбрать до {n, plural, one {# предложения} few {# предложений} many {# предложений} other {# предложения}} в каждом направлении. Предложения с равным числом голосов делят место ({tie}).",
  introMixed: "Каждый участник мог выбрать до {n, plural, one {# предложения} few {# предложений} many {# предложений} other {# предложения}} в каждом направлении (в некоторых направлениях иначе; см. приложение). Предложения с равным числом голосов делят место ({tie}).",
  topHeading: "{n, plural, one {Первое # место} few {Первые # места} many {Первые # мест} other {Первые # места}} по направлениям",
  withheld: "Результаты не публикуются ({voters, plural, one {# проголосовавший} few {# проголосовавших} many {# проголосовавших} other {# проголосовавшего}}, ниже порога конфиденциальности {threshold}).",
  noVotes: "Голосов не подано.",
  votes: "{votes, plural, one {# голос} few {# голоса} many {# голосов} other {# голоса}}",
  annexHeading: "Приложение: полный рейтинг",
  areaLimit: "До {max, plural, one {# голоса} few {# голосов} many {# голосов} other {# голоса}} на участника; {voters, plural, one {# проголосовавший} few {# проголосовавших} many {# проголосовавших} other {# проголосовавшего}}.",
  withheldShort: "Не публикуются.",
  colRank: "Место",
  colLabel: "Метка",
  colProposal: "Предложение",
  colVotes: "Голоса",
  colShare: "Доля проголосовавших",
  turnoutHeading: "Явка",
  expected: "Ожидалось участников: {n}",
  joined: "Присоединилось участников: {n}",
  cards: "Выдано карточек для голосования: {issued}, использовано: {used}",
  votedAny: "Проголосовали хотя бы по одному направлению: {voters}",
  votedAnyOf: "Проголосовали хотя бы по одному направлению: {voters} из {expected} ожидавшихся",
  areaVoters: "{area}: {voters, plural, one {# проголосовавший} few {# проголосовавших} many {# проголосовавших} other {# проголосовавшего}}",
  chatham: "Имена и личные данные не записывались (правило Chatham House).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — второй тур",
  runoffOf: "Второй тур направления «{area}».",
} satisfies TranslationOf<typeof en>;

// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event} — النتائج",
  intro: "كان بإمكان كل مشارك أن يختار حتى {n, plural, zero {# مقترح} one {مقترح واحد} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} في كل مجال. تتقاسم المقترحات المتساوية في الأصوات المركز نفسه ({tie}).",
  introMixed: "كان بإمكان كل مشارك أن يختار حتى {n, plural, zero {# مقترح} one {مقترح واحد} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} في كل مجال (تختلف بعض المجالات؛ انظر الملحق). تتقاسم المقترحات المتساوية في الأصوات المركز نفسه ({tie}).",
  topHeading: "{n, plural, zero {المراكز الأولى} one {المركز الأول} two {المركزان الأولان} few {المراكز الـ# الأولى} many {المراكز الـ# الأولى} other {المراكز الـ# الأولى}} في كل مجال",
  withheld: "النتائج محجوبة ({voters, plural, zero {# مصوّت} one {مصوّت واحد} two {مصوّتان} few {# مصوّتين} many {# مصوّتًا} other {# مصوّت}}، أي أقل من عتبة الخصوصية البالغة {threshold}).",
  noVotes: "لم يُدلَ بأي صوت.",
  votes: "{votes, plural, zero {# صوت} one {صوت واحد} two {صوتان} few {# أصوات} many {# صوتًا} other {# صوت}}",
  annexHeading: "ملحق: الترتيب الكامل",
  areaLimit: "حتى {max, plural, zero {# صوت} one {صوت واحد} two {صوتين} few {# أصوات} many {# صوتًا} other {# صوت}} لكل مشارك؛ {voters, plural, zero {# مصوّت} one {مصوّت واحد} two {مصوّتان} few {# مصوّتين} many {# مصوّتًا} other {# مصوّت}}.",
  withheldShort: "محجوبة.",
  colRank: "المركز",
  colLabel: "الرمز",
  colProposal: "المقترح",
  colVotes: "الأصوات",
  colShare: "النسبة من المصوّتين",
  turnoutHeading: "المشاركة",
  expected: "عدد المشاركين المتوقع: {n}",
  joined: "عدد المشاركين المنضمين: {n}",
  cards: "بطاقات التصويت الصادرة: {issued}، المستخدمة: {used}",
  votedAny: "صوّتوا في مجال واحد على الأقل: {voters}",
  votedAnyOf: "صوّتوا في مجال واحد على الأقل: {voters} من أصل {expected} (العدد المتوقع)",
  areaVoters: "{area}: {voters, plural, zero {# مصوّت} one {مصوّت واحد} two {مصوّتان} few {# مصوّتين} many {# مصوّتًا} other {# مصوّت}}",
  chatham: "لم تُسجَّل أي أسماء أو هويات (قاعدة تشاتام هاوس).",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area} — جولة إعادة",
  runoffOf: "جولة إعادة لمجال «{area}».",
} satisfies TranslationOf<typeof en>;

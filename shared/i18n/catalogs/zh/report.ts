// The Markdown report (server/exports/markdown.ts); the organiser's report page may share it.
import type { TranslationOf } from "../../catalog";
import type en from "../en/report";

export default {
  title: "{event}——结果",
  intro: "每位参与者在每个领域最多可选择 {n} 项提案。得票相同的提案名次并列（{tie}）。",
  introMixed: "每位参与者在每个领域最多可选择 {n} 项提案（部分领域不同，见附件）。得票相同的提案名次并列（{tie}）。",
  topHeading: "各领域前 {n} 名",
  withheld: "结果不予公布（{voters} 名投票人，低于隐私阈值 {threshold}）。",
  noVotes: "无人投票。",
  votes: "{votes} 票",
  annexHeading: "附件：完整排名",
  areaLimit: "每位参与者最多 {max} 票；{voters} 名投票人。",
  withheldShort: "不予公布。",
  colRank: "名次",
  colLabel: "编号",
  colProposal: "提案",
  colVotes: "票数",
  colShare: "占投票人比例",
  turnoutHeading: "参与情况",
  expected: "预计参与者：{n}",
  joined: "已加入的参与者：{n}",
  cards: "已发放投票卡：{issued}，已使用：{used}",
  votedAny: "至少在一个领域投票的人数：{voters}",
  votedAnyOf: "至少在一个领域投票的人数：{voters}（预计 {expected} 人）",
  areaVoters: "{area}：{voters} 名投票人",
  chatham: "未记录任何姓名或身份（查塔姆宫规则）。",
  // Rounds (API 1.1): the title of a runoff area the server creates, and the report's line under it.
  runoffAreaTitle: "{area}（决选）",
  runoffOf: "“{area}”的决选轮。",
} satisfies TranslationOf<typeof en>;

// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "还剩 {left} 票（共 {max} 票）",
  notOpenYet: "“{area}”的投票尚未开始。",
  closed: "“{area}”的投票已结束。",
  duplicate: "同一提案被选择了两次。",
  unknownProposal: "所选提案不属于“{area}”。",
  tooMany: "“{area}”最多可投 {max} 票。",
  limitReached: "您在“{area}”中已用完{max, plural, =1 {您的一票} =2 {两票} other {全部 # 票}}——请先取消一项，再选择其他提案。",
  tooManyDots: "“{area}”每个提案最多 {max} 点。",
  tooManyDotsInAll: "“{area}”共可投 {max} 点。",
  tooManyRanked: "“{area}”最多排序 {max} 项提案。",
  dotsLeft: "还剩 {left} 点（共 {max} 点）",
  placesLeft: "还剩 {left} 个名次（共 {max} 个）",
  dotsLimitReached: "您在“{area}”中已投完所有点数——请先取下一点，再投给其他提案。",
  rankingFull: "您在“{area}”中已排序 {max} 项提案——请先移出一项，再排序其他提案。",
  howApproval: "最多选择 {max} 项提案。",
  howDots: "最多投 {max} 点，每个提案最多 {per} 点。",
  howRanking: "按偏好最多排序 {max} 项提案：第一名得 {max} 分，其后每名少一分。",
} satisfies TranslationOf<typeof en>;

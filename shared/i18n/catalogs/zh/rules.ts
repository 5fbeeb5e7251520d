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
} satisfies TranslationOf<typeof en>;

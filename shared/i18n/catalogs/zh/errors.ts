// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "请求无效。",
  UNAUTHORIZED: "需要有效的链接或令牌。",
  FORBIDDEN: "此链接无权执行此操作。",
  NOT_FOUND: "此处未找到任何内容。",
  VOTING_CLOSED: "投票未开放。",
  EVENT_LOCKED: "已有人投票，因此无法再更改。",
  INVITE_REQUIRED: "本活动需要投票卡上的代码。",
  INVITE_INVALID: "此投票卡代码对本活动无效。",
  TOO_MANY_VOTES: "此领域的票数过多。",
  DUPLICATE_PROPOSAL: "同一提案被选择了两次。",
  UNKNOWN_PROPOSAL: "所选提案不属于此领域。",
  PAYLOAD_TOO_LARGE: "请求过大。",
  RATE_LIMITED: "请求过多，请稍候再试。",
  NOT_ALLOWED: "当前状态下无法执行此操作。",
  FORM_CLOSED: "此表单已关闭。",
  TOO_MANY_DOTS: "此领域的圆点过多。",
  UNAVAILABLE: "服务器暂时无法保存，请稍后再试。",
  INTERNAL: "内部错误。",
} satisfies TranslationOf<typeof en>;

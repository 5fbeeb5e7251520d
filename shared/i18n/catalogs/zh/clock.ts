// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "投票将在 {time} 后截止",
  lastMinute: "“{area}”的投票剩余不到一分钟。",
  timeUp: "时间到：投票即将截止。",
  minutesLabel: "“{area}”的分钟数",
  openForButton: "开放 {n} 分钟",
  extendButton: "+{n} 分钟",
  extendLabel: "为“{area}”的剩余时间增加 {n} 分钟",
  closesByItself: "将在 {time} 后自动截止",
  runoffTopLabel: "“{area}”进入决选的名次数",
  runoffButton: "前 {n} 名决选",
  runoffCreated: "已在“{area}”之后添加决选（草稿）：会场准备好后再开放。",
} satisfies TranslationOf<typeof en>;

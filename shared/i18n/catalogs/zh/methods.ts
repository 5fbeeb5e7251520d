// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "给 {name} 加一点",
  removeDot: "从 {name} 减一点",
  dotCount: "{n, plural, =0 {0 点} other {# 点}}",
  dotsAnnounce: "{name}：{n} 点",
  noDotToRemove: "{name} 没有可减的点。",
  rankHint: "按偏好顺序点按提案；再点一次即可将其移出。",
  yourRanking: "您的排序",
  rankedState: "排{place}，共 {count} 项",
  notRanked: "未排序",
  rankedAnnounce: "{name} 排{place}，共 {count} 项",
  unrankedAnnounce: "{name} 已移出排序",
  moveUp: "将 {name} 上移",
  moveDown: "将 {name} 下移",
  firstAlready: "{name} 已排在第一。",
  lastAlready: "{name} 已排在最后。",
} satisfies TranslationOf<typeof en>;

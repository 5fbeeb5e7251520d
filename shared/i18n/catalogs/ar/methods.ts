// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "أضف نقطة إلى {name}",
  removeDot: "أزل نقطة من {name}",
  dotCount: "{n, plural, zero {لا نقاط} one {نقطة واحدة} two {نقطتان} few {# نقاط} many {# نقطة} other {# نقطة}}",
  dotsAnnounce: "{name}: {n, plural, zero {لا نقاط} one {نقطة واحدة} two {نقطتان} few {# نقاط} many {# نقطة} other {# نقطة}}",
  noDotToRemove: "لا توجد نقطة لإزالتها من {name}.",
  rankHint: "المس المقترحات بترتيب تفضيلك؛ والمس المقترح مرة أخرى لإخراجه من الترتيب.",
  yourRanking: "ترتيبك",
  rankedState: "ترتيبه {place} من {count}",
  notRanked: "غير مرتّب",
  rankedAnnounce: "ترتيب {name} الآن {place} من {count}",
  unrankedAnnounce: "أُخرج {name} من الترتيب",
  moveUp: "انقل {name} إلى الأعلى",
  moveDown: "انقل {name} إلى الأسفل",
  firstAlready: "{name} في المرتبة الأولى أصلًا.",
  lastAlready: "{name} في المرتبة الأخيرة أصلًا.",
} satisfies TranslationOf<typeof en>;

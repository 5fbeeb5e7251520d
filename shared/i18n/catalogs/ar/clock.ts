// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "يُغلق التصويت بعد {time}",
  lastMinute: "بقيت أقل من دقيقة للتصويت في مجال «{area}».",
  timeUp: "انتهى الوقت: يُغلق التصويت الآن.",
  minutesLabel: "عدد الدقائق لمجال «{area}»",
  openForButton: "فتح لمدة {n, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقةً} other {# دقيقة}}",
  extendButton: "+{n} د",
  extendLabel: "إضافة {n, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقةً} other {# دقيقة}} إلى الوقت المتبقي في مجال «{area}»",
  closesByItself: "يُغلق تلقائيًا بعد {time}",
  runoffTopLabel: "عدد المراكز المؤهلة لجولة الإعادة في مجال «{area}»",
  runoffButton: "جولة إعادة لأول {n}",
  runoffCreated: "أُضيفت جولة الإعادة كمسودة بعد مجال «{area}»: افتحها حين تكون القاعة جاهزة.",
} satisfies TranslationOf<typeof en>;

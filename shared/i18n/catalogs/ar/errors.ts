// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "الطلب غير صالح.",
  UNAUTHORIZED: "يلزم رابط أو رمز مميز صالح.",
  FORBIDDEN: "لا يسمح هذا الرابط بهذا الإجراء.",
  NOT_FOUND: "لم يُعثر على شيء هنا.",
  VOTING_CLOSED: "التصويت غير مفتوح.",
  EVENT_LOCKED: "أُدلي بأصوات بالفعل، لذا لم يعد من الممكن تغيير ذلك.",
  INVITE_REQUIRED: "تتطلب هذه الفعالية الرمز المطبوع على بطاقة التصويت.",
  INVITE_INVALID: "رمز بطاقة التصويت هذا غير صالح لهذه الفعالية.",
  TOO_MANY_VOTES: "عدد الأصوات أكثر من المسموح به في هذا المجال.",
  DUPLICATE_PROPOSAL: "اختير المقترح نفسه مرتين.",
  UNKNOWN_PROPOSAL: "أحد المقترحات المختارة ليس من هذا المجال.",
  PAYLOAD_TOO_LARGE: "الطلب كبير جدًا.",
  RATE_LIMITED: "طلبات كثيرة جدًا. انتظر لحظة ثم حاول مرة أخرى.",
  NOT_ALLOWED: "هذا غير ممكن في الحالة الراهنة.",
  FORM_CLOSED: "هذا النموذج مغلق.",
  TOO_MANY_DOTS: "عدد النقاط أكثر من المسموح به في هذا المجال.",
  UNAVAILABLE: "لا يستطيع الخادم الحفظ الآن. حاول مرة أخرى بعد قليل.",
  INTERNAL: "خطأ داخلي.",
} satisfies TranslationOf<typeof en>;

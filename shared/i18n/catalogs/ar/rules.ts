// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left, plural, zero {لم يتبقَّ أي صوت} one {تبقّى صوت واحد} two {تبقّى صوتان} few {تبقّت # أصوات} many {تبقّى # صوتًا} other {تبقّى # صوت}} من {max}",
  notOpenYet: "التصويت في «{area}» لم يُفتح بعد.",
  closed: "التصويت في «{area}» مغلق.",
  duplicate: "اختير المقترح نفسه مرتين.",
  unknownProposal: "أحد المقترحات المختارة ليس من «{area}».",
  tooMany: "الحد الأقصى في «{area}» هو {max, plural, zero {# صوت} one {صوت واحد} two {صوتان} few {# أصوات} many {# صوتًا} other {# صوت}}.",
  limitReached: "{max, plural, =1 {استخدمت صوتك} =2 {استخدمت صوتيك كليهما} other {استخدمت أصواتك الـ# كلها}} في «{area}» — أزل اختيارًا لتختار غيره.",
  tooManyDots: "يسمح «{area}» بـ{max, plural, zero {# نقطة} one {نقطة واحدة} two {نقطتين} few {# نقاط} many {# نقطة} other {# نقطة}} على الأكثر للمقترح الواحد.",
  tooManyDotsInAll: "يسمح «{area}» بـ{max, plural, zero {# نقطة} one {نقطة واحدة} two {نقطتين} few {# نقاط} many {# نقطة} other {# نقطة}} في المجموع.",
  tooManyRanked: "يُرتَّب في «{area}» {max, plural, zero {# مقترح} one {مقترح واحد} two {مقترحان} few {# مقترحات} many {# مقترحًا} other {# مقترح}} على الأكثر.",
  dotsLeft: "{left, plural, zero {لم تتبقَّ أي نقطة} one {تبقّت نقطة واحدة} two {تبقّت نقطتان} few {تبقّت # نقاط} many {تبقّت # نقطة} other {تبقّت # نقطة}} من {max}",
  placesLeft: "{left, plural, zero {لم تتبقَّ أي مرتبة} one {تبقّت مرتبة واحدة} two {تبقّت مرتبتان} few {تبقّت # مراتب} many {تبقّت # مرتبة} other {تبقّت # مرتبة}} من {max}",
  dotsLimitReached: "وضعت كل نقاطك في «{area}» — أزل نقطة لتضعها على مقترح آخر.",
  rankingFull: "رتّبت {max, plural, zero {# مقترح} one {مقترحًا واحدًا} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} في «{area}» — أخرج واحدًا لترتّب غيره.",
  howApproval: "اختر {max, plural, zero {# مقترح} one {مقترحًا واحدًا} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} على الأكثر.",
  howDots: "ضع {max, plural, zero {# نقطة} one {نقطة واحدة} two {نقطتين} few {# نقاط} many {# نقطة} other {# نقطة}} على الأكثر، و{per} على الأكثر للمقترح الواحد.",
  howRanking: "رتّب {max, plural, zero {# مقترح} one {مقترحًا واحدًا} two {مقترحين} few {# مقترحات} many {# مقترحًا} other {# مقترح}} على الأكثر حسب تفضيلك: ينال الأول {max, plural, zero {# نقطة} one {نقطة واحدة} two {نقطتين} few {# نقاط} many {# نقطة} other {# نقطة}}، والذي يليه نقطة أقل.",
} satisfies TranslationOf<typeof en>;

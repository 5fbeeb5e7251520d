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
} satisfies TranslationOf<typeof en>;

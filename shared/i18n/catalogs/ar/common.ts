// Ordinal places ("1st", "=2nd"): loaded by every page.
import type { TranslationOf } from "../../catalog";
import type en from "../en/common";

export default {
  place: "{n, selectordinal, =1 {الأول} =2 {الثاني} =3 {الثالث} =4 {الرابع} =5 {الخامس} =6 {السادس} =7 {السابع} =8 {الثامن} =9 {التاسع} =10 {العاشر} other {الـ#}}",
  placeTied: "{place} مكرر",
} satisfies TranslationOf<typeof en>;

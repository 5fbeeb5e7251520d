// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "A votação encerra dentro de {time}",
  lastMinute: "Resta menos de um minuto para votar em «{area}».",
  timeUp: "O tempo acabou: a votação vai encerrar.",
  minutesLabel: "Minutos para «{area}»",
  openForButton: "Abrir durante {n, plural, one {# minuto} other {# minutos}}",
  extendButton: "+{n} min",
  extendLabel: "Acrescentar {n, plural, one {# minuto} other {# minutos}} ao tempo restante em «{area}»",
  closesByItself: "Encerra automaticamente dentro de {time}",
  runoffTopLabel: "Lugares que passam à segunda volta de «{area}»",
  runoffButton: "Segunda volta dos {n} primeiros",
  runoffCreated: "Segunda volta acrescentada como rascunho depois de «{area}»: abra-a quando a sala estiver pronta.",
} satisfies TranslationOf<typeof en>;

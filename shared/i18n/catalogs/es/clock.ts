// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "La votación se cierra en {time}",
  lastMinute: "Queda menos de un minuto para votar en «{area}».",
  timeUp: "Se acabó el tiempo: la votación se está cerrando.",
  minutesLabel: "Minutos para «{area}»",
  openForButton: "Abrir durante {n, plural, one {# minuto} other {# minutos}}",
  extendButton: "+{n} min",
  extendLabel: "Añadir {n, plural, one {# minuto} other {# minutos}} al tiempo restante en «{area}»",
  closesByItself: "Se cierra automáticamente en {time}",
  runoffTopLabel: "Puestos que pasan a la segunda vuelta de «{area}»",
  runoffButton: "Segunda vuelta de los {n} primeros",
  runoffCreated: "Segunda vuelta añadida como borrador después de «{area}»: ábrala cuando la sala esté lista.",
} satisfies TranslationOf<typeof en>;

// The clock and the rounds: see ../en/clock.ts.
import type { TranslationOf } from "../../catalog";
import type en from "../en/clock";

export default {
  closesIn: "Голосование закончится через {time}",
  lastMinute: "До конца голосования в направлении «{area}» осталось меньше минуты.",
  timeUp: "Время вышло: голосование закрывается.",
  minutesLabel: "Минуты для направления «{area}»",
  openForButton: "Открыть на {n, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}",
  extendButton: "+{n} мин",
  extendLabel: "Добавить {n, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}} к оставшемуся времени в направлении «{area}»",
  closesByItself: "Закроется автоматически через {time}",
  runoffTopLabel: "Сколько мест проходит во второй тур направления «{area}»",
  runoffButton: "Второй тур: первые {n}",
  runoffCreated: "Второй тур добавлен как черновик после направления «{area}»: откройте его, когда зал будет готов.",
} satisfies TranslationOf<typeof en>;

// The phone's dot stepper and ranking (client/src/pages/participant/methods).
import type { TranslationOf } from "../../catalog";
import type en from "../en/methods";

export default {
  addDot: "Добавить балл предложению {name}",
  removeDot: "Убрать балл у предложения {name}",
  dotCount: "{n, plural, =0 {Нет баллов} one {# балл} few {# балла} many {# баллов} other {# балла}}",
  dotsAnnounce: "{name}: {n, plural, =0 {нет баллов} one {# балл} few {# балла} many {# баллов} other {# балла}}",
  noDotToRemove: "У предложения {name} нет баллов, которые можно убрать.",
  rankHint: "Нажимайте на предложения в порядке предпочтения; повторное нажатие убирает предложение.",
  yourRanking: "Ваш порядок",
  rankedState: "{place} место из {count}",
  notRanked: "Не в списке",
  rankedAnnounce: "{name}: {place} место из {count}",
  unrankedAnnounce: "{name} убрано из списка",
  moveUp: "Поднять {name} выше",
  moveDown: "Опустить {name} ниже",
  firstAlready: "{name} уже на первом месте.",
  lastAlready: "{name} уже на последнем месте.",
} satisfies TranslationOf<typeof en>;

// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left, plural, one {Остался # голос} few {Осталось # голоса} many {Осталось # голосов} other {Осталось # голоса}} из {max}",
  notOpenYet: "Голосование по направлению «{area}» ещё не открыто.",
  closed: "Голосование по направлению «{area}» закрыто.",
  duplicate: "Одно и то же предложение выбрано дважды.",
  unknownProposal: "Выбранное предложение не относится к направлению «{area}».",
  tooMany: "В направлении «{area}» можно отдать не больше {max, plural, one {# голоса} few {# голосов} many {# голосов} other {# голоса}}.",
  limitReached: "{max, plural, =1 {Вы уже отдали свой голос} =2 {Вы уже отдали оба голоса} one {Вы уже отдали все # голос} few {Вы уже отдали все # голоса} many {Вы уже отдали все # голосов} other {Вы уже отдали все # голоса}} в направлении «{area}» — снимите один, чтобы выбрать другой.",
  tooManyDots: "В направлении «{area}» на одно предложение можно поставить не больше {max, plural, one {# балла} few {# баллов} many {# баллов} other {# балла}}.",
  tooManyDotsInAll: "В направлении «{area}» всего {max, plural, one {# балл} few {# балла} many {# баллов} other {# балла}}.",
  tooManyRanked: "В направлении «{area}» можно упорядочить не больше {max, plural, one {# предложения} few {# предложений} many {# предложений} other {# предложения}}.",
  dotsLeft: "{left, plural, one {Остался # балл} few {Осталось # балла} many {Осталось # баллов} other {Осталось # балла}} из {max}",
  placesLeft: "{left, plural, one {Осталось # место} few {Осталось # места} many {Осталось # мест} other {Осталось # места}} из {max}",
  dotsLimitReached: "Вы распределили все баллы в направлении «{area}» — снимите один, чтобы поставить его на другое предложение.",
  rankingFull: "Вы упорядочили {max, plural, one {# предложение} few {# предложения} many {# предложений} other {# предложения}} в направлении «{area}» — уберите одно, чтобы добавить другое.",
  howApproval: "Выберите не больше {max, plural, one {# предложения} few {# предложений} many {# предложений} other {# предложения}}.",
  howDots: "Распределите до {max, plural, one {# балла} few {# баллов} many {# баллов} other {# балла}}, не больше {per} на одно предложение.",
  howRanking: "Расставьте до {max, plural, one {# предложения} few {# предложений} many {# предложений} other {# предложения}} по порядку: первое получает {max, plural, one {# балл} few {# балла} many {# баллов} other {# балла}}, следующее на один меньше.",
} satisfies TranslationOf<typeof en>;

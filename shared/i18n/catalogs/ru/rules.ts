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
} satisfies TranslationOf<typeof en>;

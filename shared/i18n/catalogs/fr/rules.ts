// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left, plural, one {# voix restante} other {# voix restantes}} sur {max}",
  notOpenYet: "Le vote n’est pas encore ouvert pour «\u00A0{area}\u00A0».",
  closed: "Le vote est clos pour «\u00A0{area}\u00A0».",
  duplicate: "La même proposition a été choisie deux fois.",
  unknownProposal: "Une proposition choisie ne fait pas partie de «\u00A0{area}\u00A0».",
  tooMany: "«\u00A0{area}\u00A0» permet au plus {max} voix.",
  limitReached: "{max, plural, =1 {Vous avez utilisé votre voix} =2 {Vous avez utilisé vos deux voix} other {Vous avez utilisé vos # voix}} dans «\u00A0{area}\u00A0» — retirez-en une pour en choisir une autre.",
  tooManyDots: "« {area} » permet au plus {max, plural, one {# point} other {# points}} sur une même proposition.",
  tooManyDotsInAll: "« {area} » permet {max, plural, one {# point} other {# points}} en tout.",
  tooManyRanked: "« {area} » classe au plus {max, plural, one {# proposition} other {# propositions}}.",
  dotsLeft: "{left, plural, one {# point restant} other {# points restants}} sur {max}",
  placesLeft: "{left, plural, one {# place restante} other {# places restantes}} sur {max}",
  dotsLimitReached: "Vous avez placé tous vos points dans « {area} » — retirez-en un pour le placer ailleurs.",
  rankingFull: "Vous avez classé {max, plural, one {# proposition} other {# propositions}} dans « {area} » — retirez-en une pour en classer une autre.",
  howApproval: "Choisissez jusqu’à {max, plural, one {# proposition} other {# propositions}}.",
  howDots: "Placez jusqu’à {max, plural, one {# point} other {# points}}, au plus {per} sur une même proposition.",
  howRanking: "Classez jusqu’à {max, plural, one {# proposition} other {# propositions}} par ordre de préférence : la première reçoit {max, plural, one {# point} other {# points}}, la suivante un de moins.",
} satisfies TranslationOf<typeof en>;

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
} satisfies TranslationOf<typeof en>;

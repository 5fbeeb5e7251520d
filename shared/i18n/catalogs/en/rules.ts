// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { Catalog } from "../../catalog";

export default {
  votesLeft: "{left} of {max, plural, one {# vote} other {# votes}} left",
  notOpenYet: "Voting in “{area}” is not open yet.",
  closed: "Voting in “{area}” is closed.",
  duplicate: "The same proposal was chosen twice.",
  unknownProposal: "A chosen proposal is not part of “{area}”.",
  tooMany: "“{area}” allows {max, plural, one {# vote} other {# votes}}.",
  limitReached: "You have used {max, plural, =1 {your vote} =2 {both votes} other {all # votes}} in {area} — remove one to choose another.",
} satisfies Catalog;

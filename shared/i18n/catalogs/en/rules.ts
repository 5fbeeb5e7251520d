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
  tooManyDots: "“{area}” allows at most {max, plural, one {# dot} other {# dots}} on one proposal.",
  tooManyDotsInAll: "“{area}” allows {max, plural, one {# dot} other {# dots}} in all.",
  tooManyRanked: "“{area}” ranks at most {max, plural, one {# proposal} other {# proposals}}.",
  dotsLeft: "{left} of {max, plural, one {# dot} other {# dots}} left",
  placesLeft: "{left} of {max, plural, one {# place} other {# places}} left",
  dotsLimitReached: "You have placed all your dots in {area} — take one off to place it elsewhere.",
  rankingFull: "You have ranked {max, plural, one {# proposal} other {# proposals}} in {area} — take one out to rank another.",
  howApproval: "Choose up to {max, plural, one {# proposal} other {# proposals}}.",
  howDots: "Place up to {max, plural, one {# dot} other {# dots}}, at most {per} on one proposal.",
  howRanking: "Rank up to {max, plural, one {# proposal} other {# proposals}} in order: your first gets {max, plural, one {# point} other {# points}}, the next one fewer.",
} satisfies Catalog;

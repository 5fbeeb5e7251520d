// The vote's rules in words (shared/rules.ts codes): the phone, the paper-ballot form and the server's refusals.
import type { TranslationOf } from "../../catalog";
import type en from "../en/rules";

export default {
  votesLeft: "{left} von {max, plural, one {# Stimme} other {# Stimmen}} übrig",
  notOpenYet: "Die Abstimmung in „{area}“ ist noch nicht geöffnet.",
  closed: "Die Abstimmung in „{area}“ ist geschlossen.",
  duplicate: "Derselbe Vorschlag wurde zweimal gewählt.",
  unknownProposal: "Ein gewählter Vorschlag gehört nicht zu „{area}“.",
  tooMany: "„{area}“ erlaubt höchstens {max, plural, one {# Stimme} other {# Stimmen}}.",
  limitReached: "{max, plural, =1 {Sie haben Ihre Stimme} =2 {Sie haben beide Stimmen} other {Sie haben alle # Stimmen}} in „{area}“ vergeben – nehmen Sie eine zurück, um eine andere zu wählen.",
  tooManyDots: "„{area}“ erlaubt höchstens {max, plural, one {# Punkt} other {# Punkte}} auf einem Vorschlag.",
  tooManyDotsInAll: "„{area}“ erlaubt {max, plural, one {# Punkt} other {# Punkte}} insgesamt.",
  tooManyRanked: "In „{area}“ werden höchstens {max, plural, one {# Vorschlag} other {# Vorschläge}} gereiht.",
  dotsLeft: "{left} von {max, plural, one {# Punkt} other {# Punkten}} übrig",
  placesLeft: "{left} von {max, plural, one {# Platz} other {# Plätzen}} übrig",
  dotsLimitReached: "Sie haben alle Punkte in „{area}“ vergeben — nehmen Sie einen weg, um ihn anders zu setzen.",
  rankingFull: "Sie haben {max, plural, one {# Vorschlag} other {# Vorschläge}} in „{area}“ gereiht — nehmen Sie einen heraus, um einen anderen zu reihen.",
  howApproval: "Wählen Sie bis zu {max, plural, one {# Vorschlag} other {# Vorschläge}}.",
  howDots: "Vergeben Sie bis zu {max, plural, one {# Punkt} other {# Punkte}}, höchstens {per} auf einen Vorschlag.",
  howRanking: "Reihen Sie bis zu {max, plural, one {# Vorschlag} other {# Vorschläge}} nach Vorliebe: der erste erhält {max, plural, one {# Punkt} other {# Punkte}}, der nächste einen weniger.",
} satisfies TranslationOf<typeof en>;

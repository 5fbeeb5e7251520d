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
} satisfies TranslationOf<typeof en>;

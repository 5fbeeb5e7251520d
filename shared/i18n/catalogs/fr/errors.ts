// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "La requête n’est pas valide.",
  UNAUTHORIZED: "Il faut un lien ou un jeton valide.",
  FORBIDDEN: "Ce lien ne permet pas cette action.",
  NOT_FOUND: "Rien n’a été trouvé ici.",
  VOTING_CLOSED: "Le vote n’est pas ouvert.",
  EVENT_LOCKED: "Des votes ont été exprimés\u00A0: cela ne peut plus être modifié.",
  INVITE_REQUIRED: "Cet événement demande le code d’une carte de vote.",
  INVITE_INVALID: "Ce code de carte de vote n’est pas valide pour cet événement.",
  TOO_MANY_VOTES: "Trop de voix pour ce domaine.",
  DUPLICATE_PROPOSAL: "La même proposition a été choisie deux fois.",
  UNKNOWN_PROPOSAL: "Une proposition choisie ne fait pas partie de ce domaine.",
  PAYLOAD_TOO_LARGE: "La requête est trop volumineuse.",
  RATE_LIMITED: "Trop de requêtes. Patientez un instant, puis réessayez.",
  NOT_ALLOWED: "Ce n’est pas possible dans l’état actuel.",
  FORM_CLOSED: "Ce formulaire est clos.",
  TOO_MANY_DOTS: "Trop de points pour ce domaine.",
  UNAVAILABLE: "Le serveur ne peut pas enregistrer pour l’instant. Réessayez dans un moment.",
  INTERNAL: "Erreur interne.",
} satisfies TranslationOf<typeof en>;

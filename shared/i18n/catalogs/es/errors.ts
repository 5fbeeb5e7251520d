// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "La solicitud no es válida.",
  UNAUTHORIZED: "Se necesita un enlace o un token válido.",
  FORBIDDEN: "Este enlace no permite hacer esto.",
  NOT_FOUND: "No se encontró nada aquí.",
  VOTING_CLOSED: "La votación no está abierta.",
  EVENT_LOCKED: "Ya se emitieron votos, así que esto ya no se puede cambiar.",
  INVITE_REQUIRED: "Este evento requiere el código de una tarjeta de votación.",
  INVITE_INVALID: "Este código de tarjeta de votación no es válido para este evento.",
  TOO_MANY_VOTES: "Demasiados votos para esta área.",
  DUPLICATE_PROPOSAL: "Se eligió dos veces la misma propuesta.",
  UNKNOWN_PROPOSAL: "Una propuesta elegida no forma parte de esta área.",
  PAYLOAD_TOO_LARGE: "La solicitud es demasiado grande.",
  RATE_LIMITED: "Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.",
  NOT_ALLOWED: "Esto no es posible en el estado actual.",
  FORM_CLOSED: "Este formulario está cerrado.",
  TOO_MANY_DOTS: "Demasiados puntos para esta área.",
  UNAVAILABLE: "El servidor no puede guardar en este momento. Vuelva a intentarlo en un momento.",
  INTERNAL: "Error interno.",
} satisfies TranslationOf<typeof en>;

// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "O pedido não é válido.",
  UNAUTHORIZED: "É necessário um link ou token válido.",
  FORBIDDEN: "Este link não permite fazer isto.",
  NOT_FOUND: "Nada foi encontrado aqui.",
  VOTING_CLOSED: "A votação não está aberta.",
  EVENT_LOCKED: "Já houve votos, por isso isto já não pode ser alterado.",
  INVITE_REQUIRED: "Este evento exige o código de um cartão de votação.",
  INVITE_INVALID: "Este código de cartão de votação não é válido para este evento.",
  TOO_MANY_VOTES: "Votos a mais para esta área.",
  DUPLICATE_PROPOSAL: "A mesma proposta foi escolhida duas vezes.",
  UNKNOWN_PROPOSAL: "Uma proposta escolhida não faz parte desta área.",
  PAYLOAD_TOO_LARGE: "O pedido é demasiado grande.",
  RATE_LIMITED: "Pedidos a mais. Aguarde um momento e tente novamente.",
  NOT_ALLOWED: "Isto não é possível no estado atual.",
  FORM_CLOSED: "Este formulário está encerrado.",
  TOO_MANY_DOTS: "Pontos a mais para esta área.",
  UNAVAILABLE: "O servidor não consegue guardar neste momento. Tente novamente daqui a pouco.",
  INTERNAL: "Erro interno.",
} satisfies TranslationOf<typeof en>;

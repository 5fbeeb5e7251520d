// The server's error messages, one per API error code (shared/errors.ts), for callers in this language.
import type { TranslationOf } from "../../catalog";
import type en from "../en/errors";

export default {
  BAD_REQUEST: "Некорректный запрос.",
  UNAUTHORIZED: "Нужна действительная ссылка или токен.",
  FORBIDDEN: "По этой ссылке это действие недоступно.",
  NOT_FOUND: "Здесь ничего не найдено.",
  VOTING_CLOSED: "Голосование не открыто.",
  EVENT_LOCKED: "Голоса уже поданы, поэтому это больше нельзя изменить.",
  INVITE_REQUIRED: "Для этого мероприятия нужен код с карточки для голосования.",
  INVITE_INVALID: "Этот код карточки для голосования недействителен для этого мероприятия.",
  TOO_MANY_VOTES: "Слишком много голосов для этого направления.",
  DUPLICATE_PROPOSAL: "Одно и то же предложение выбрано дважды.",
  UNKNOWN_PROPOSAL: "Выбранное предложение не относится к этому направлению.",
  PAYLOAD_TOO_LARGE: "Запрос слишком большой.",
  RATE_LIMITED: "Слишком много запросов. Подождите немного и попробуйте снова.",
  NOT_ALLOWED: "В текущем состоянии это невозможно.",
  FORM_CLOSED: "Эта форма закрыта.",
  TOO_MANY_DOTS: "Слишком много точек для этого направления.",
  UNAVAILABLE: "Сервер сейчас не может сохранить данные. Попробуйте чуть позже.",
  INTERNAL: "Внутренняя ошибка.",
} satisfies TranslationOf<typeof en>;

// Turns a refused edit into a sentence the organiser can act on, in the page's language. EVENT_LOCKED
// means the same thing everywhere (votes exist), but what to do about it depends on what was tried,
// so each action passes its own explanation (the organiser catalog's locked* sentences); every other
// refusal keeps the server's message, which AdminApi asks for in the page's language.
import { useCallback } from "react";
import { ApiError } from "../../api/http";
import { useT } from "../../i18n/I18n";

export type Explain = (err: unknown, whenLocked?: string) => string;

export function useExplain(): Explain {
  const t = useT("organiser");
  return useCallback(
    (err: unknown, whenLocked?: string) => {
      if (!(err instanceof ApiError)) return t("errorGeneric");
      if (err.code === "EVENT_LOCKED" && whenLocked) return whenLocked;
      // No answer at all: the client's own English sentence, so the page's words instead.
      if (err.status === 0) return t("errorNetwork");
      return err.message || t("errorGeneric");
    },
    [t],
  );
}

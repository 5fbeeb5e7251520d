// A place as the page's language writes it ("1st", "=2e", "第1"), from the common catalog every page
// loads: the client's side of shared/i18n/places.ts.
import { useCallback } from "react";
import { useT } from "./I18n";

export function usePlace(): (rank: number, tied?: boolean) => string {
  const t = useT("common");
  return useCallback(
    (rank: number, tied = false) => {
      const place = t("place", { n: rank });
      return tied ? t("placeTied", { place }) : place;
    },
    [t],
  );
}

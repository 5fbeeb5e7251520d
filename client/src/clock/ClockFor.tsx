// Where a page shows an area's countdown: one line in the page, and nothing at all (no chunk, no
// words fetched) unless the area is open with a deadline.
import { lazy, Suspense } from "react";
import type { Area } from "../../../shared/schemas";

const Countdown = lazy(() => import("./Countdown"));

export function ClockFor({ area, variant }: { area: Pick<Area, "status" | "closesAt" | "title">; variant: "screen" | "phone" }) {
  if (area.status !== "open" || !area.closesAt) return null;
  return (
    <Suspense fallback={null}>
      <Countdown closesAt={area.closesAt} areaTitle={area.title} variant={variant} />
    </Suspense>
  );
}

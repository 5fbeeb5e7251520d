// The phone's countdown for one area: nothing at all (no chunk, no words fetched) unless the area is
// open with a deadline. Kept in the phone's own chunk rather than shared with the projector's twin
// (screen/ScreenClock.tsx): a shared module becomes one more file on the phone's way to its first vote.
import { lazy, Suspense } from "react";
import type { Area } from "../../../../../shared/schemas";

const Countdown = lazy(() => import("../../../clock/Countdown"));

export function PhoneClock({ area }: { area: Area }) {
  if (area.status !== "open" || !area.closesAt) return null;
  return (
    <Suspense fallback={null}>
      <Countdown closesAt={area.closesAt} areaTitle={area.title} variant="phone" />
    </Suspense>
  );
}

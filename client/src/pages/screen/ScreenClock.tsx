// The projector's countdown for one area, loaded only for an open area with a deadline (the phone's
// twin, participant/components/PhoneClock.tsx, explains why they are two files).
import { lazy, Suspense } from "react";
import type { Area } from "../../../../shared/schemas";

const Countdown = lazy(() => import("../../clock/Countdown"));

export function ScreenClock({ area }: { area: Area }) {
  if (area.status !== "open" || !area.closesAt) return null;
  return (
    <Suspense fallback={null}>
      <Countdown closesAt={area.closesAt} areaTitle={area.title} variant="screen" />
    </Suspense>
  );
}

// Which results snapshot to keep, shared by every page that follows the live count (projector and
// organiser): kept pure so it can be tested without a browser.
import type { Results } from "../../../../shared/schemas";

/**
 * Keep the newer snapshot. Socket pushes and HTTP fetches race, so an older one can arrive last;
 * `force` lets the first snapshot after a reconnect win, because a restored server may count lower.
 */
export function newerResults(current: Results | null, incoming: Results, force = false): Results | null {
  if (force || current === null || incoming.seq >= current.seq) return incoming;
  return current;
}

// The phone's dot stepper and ranking (client/src/pages/participant/methods): loaded with those
// widgets, only on a phone with an area counted by dots or by ranking.
import type { Catalog } from "../../catalog";

export default {
  addDot: "Add a dot to {name}",
  removeDot: "Remove a dot from {name}",
  dotCount: "{n, plural, =0 {No dots} one {# dot} other {# dots}}",
  dotsAnnounce: "{name}: {n, plural, =0 {no dots} one {# dot} other {# dots}}",
  noDotToRemove: "{name} has no dot to remove.",
  rankHint: "Tap the proposals in order of preference; tap one again to take it out.",
  yourRanking: "Your ranking",
  rankedState: "Ranked {place} of {count}",
  notRanked: "Not ranked",
  rankedAnnounce: "{name} ranked {place} of {count}",
  unrankedAnnounce: "{name} taken out of the ranking",
  moveUp: "Move {name} up",
  moveDown: "Move {name} down",
  firstAlready: "{name} is already first.",
  lastAlready: "{name} is already last.",
} satisfies Catalog;

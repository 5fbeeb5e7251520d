// The clock and the rounds (issue 15): the countdown on the projector and the phones, the phones'
// minute's warning, the organiser's "open for N minutes", "+1 min" and runoff controls. Its own role,
// loaded only where an area has a deadline (or on the organiser page), so a phone without a clock
// pays nothing for it. {time} is "4:59" or "1:04:59", Western digits everywhere.
import type { Catalog } from "../../catalog";

export default {
  closesIn: "Voting closes in {time}",
  lastMinute: "Less than a minute left to vote in “{area}”.",
  timeUp: "Time is up: voting is closing.",
  minutesLabel: "Minutes for “{area}”",
  openForButton: "Open for {n, plural, one {# minute} other {# minutes}}",
  extendButton: "+{n} min",
  extendLabel: "Add {n, plural, one {# minute} other {# minutes}} to the time left in “{area}”",
  closesByItself: "Closes by itself in {time}",
  runoffTopLabel: "Places in the runoff of “{area}”",
  runoffButton: "Runoff of the top {n}",
  runoffCreated: "Runoff added as a draft after “{area}”: open it when the room is ready.",
} satisfies Catalog;

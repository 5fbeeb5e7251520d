// The projector's decisions, kept pure so they can be tested without a browser: which snapshot
// to keep, what an area may show, what the summary lists, and where a key press leads.
import type { Area, AreaResults, Event, Results, ResultRow } from "../../../../shared/schemas";
import { isTied, ordinal, topRanked } from "../../../../shared/ranking";
import { plural } from "../../../../shared/rules";

// ---- snapshots ---------------------------------------------------------------------------

/**
 * Keep the newer snapshot. Socket pushes and HTTP fetches race, so an older one can arrive last;
 * `force` lets the first snapshot after a reconnect win, because a restored server may count lower.
 */
export function newerResults(current: Results | null, incoming: Results, force = false): Results | null {
  if (force || current === null || incoming.seq >= current.seq) return incoming;
  return current;
}

// ---- what an area may show ----------------------------------------------------------------

export type AreaDisplay =
  | { mode: "shown"; rows: RankedRow[] }
  | { mode: "awaiting-reveal" }
  | { mode: "threshold"; needed: number; have: number };

export interface RankedRow {
  id: string;
  title: string;
  votes: number;
  rank: number;
}

/**
 * The screen key may read counts the room must not see yet, so the projector applies the room's
 * rules itself: under "on-reveal" an area shows counts only once the event says it is revealed,
 * and never below the privacy threshold. Anything incomplete is treated as hidden.
 */
export function areaDisplay(event: Event, area: AreaResults | undefined): AreaDisplay {
  const eventArea = area ? event.areas.find((a) => a.id === area.id) : undefined;
  if (event.resultsVisibility === "on-reveal" && !eventArea?.revealed) return { mode: "awaiting-reveal" };
  if (!area) return { mode: "awaiting-reveal" };
  if (area.voters < event.privacyThreshold) return { mode: "threshold", needed: event.privacyThreshold, have: area.voters };
  const rows = shownRows(area.results);
  if (area.withheld || rows === null) return { mode: "awaiting-reveal" };
  return { mode: "shown", rows };
}

function shownRows(results: readonly ResultRow[]): RankedRow[] | null {
  const out: RankedRow[] = [];
  for (const r of results) {
    if (r.votes === null || r.rank === null) return null;
    out.push({ id: r.proposalId, title: r.title, votes: r.votes, rank: r.rank });
  }
  return out;
}

// ---- summary --------------------------------------------------------------------------------

export interface SummaryRow {
  id: string;
  title: string;
  votes: number;
  /** "1st", "=2nd": the same words the Markdown report writes. */
  place: string;
}

/** The top three of an area as the report states them: every row ranked 3rd or better, ties marked. */
export function topThree(rows: readonly RankedRow[]): SummaryRow[] {
  return topRanked(rows, 3).map((r) => ({ id: r.id, title: r.title, votes: r.votes, place: ordinal(r.rank, isTied(rows, r.rank)) }));
}

// ---- words ----------------------------------------------------------------------------------

export function turnoutText(voters: number, participants: number): string {
  if (participants === 0) return "No one has joined yet";
  return `${voters} of ${participants} ${voters === 1 ? "has" : "have"} voted`;
}

export function votesText(votes: number): string {
  return `${votes} ${plural(votes, "vote")}`;
}

export function statusText(status: Area["status"]): string {
  switch (status) {
    case "open": return "Voting open";
    case "closed": return "Voting closed";
    default: return "Not yet open";
  }
}

export function thresholdText(needed: number, have: number): string {
  return `Results are shown once ${needed} ${needed === 1 ? "person has" : "people have"} voted in this area (${have} so far)`;
}

export const HIDDEN_TEXT = "Results hidden until the facilitator reveals them";

/** The address people type: the server's public (LAN) base plus the event path. */
export function participantUrl(publicUrl: string | null, origin: string, code: string): string {
  const base = (publicUrl ?? origin).replace(/\/+$/, "");
  return `${base}/e/${code}`;
}

// ---- views and keys -------------------------------------------------------------------------

export type View = { kind: "join" } | { kind: "area"; areaId: string } | { kind: "summary" };

/** The slides in the order ←/→ walk them: join panel, each area by position, summary. */
export function slideOrder(areas: ReadonlyArray<Pick<Area, "id" | "position">>): View[] {
  const sorted = [...areas].sort((a, b) => a.position - b.position);
  return [{ kind: "join" }, ...sorted.map((a): View => ({ kind: "area", areaId: a.id })), { kind: "summary" }];
}

export function sameView(a: View, b: View): boolean {
  return a.kind === b.kind && (a.kind !== "area" || (b.kind === "area" && a.areaId === b.areaId));
}

/** An area view whose area has gone (deleted while shown) falls back to the join panel. */
export function validView(view: View, areas: ReadonlyArray<Pick<Area, "id">>): View {
  if (view.kind === "area" && !areas.some((a) => a.id === view.areaId)) return { kind: "join" };
  return view;
}

export type KeyAction = { kind: "view"; view: View } | { kind: "fullscreen" } | null;

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Keys of a presentation clicker and keyboard: clickers send PageUp/PageDown, so those step too. */
export function keyAction(press: KeyPress, view: View, areas: ReadonlyArray<Pick<Area, "id" | "position">>): KeyAction {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const order = slideOrder(areas);
  const at = Math.max(0, order.findIndex((v) => sameView(v, validView(view, areas))));
  const to = (v: View | undefined): KeyAction => (v ? { kind: "view", view: v } : null);
  switch (press.key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      return to(order[Math.min(order.length - 1, at + 1)]);
    case "ArrowLeft":
    case "PageUp":
      return to(order[Math.max(0, at - 1)]);
    case "Home":
    case "j":
    case "J":
      return to({ kind: "join" });
    case "End":
    case "s":
    case "S":
      return to({ kind: "summary" });
    case "f":
    case "F":
      return { kind: "fullscreen" };
    default:
      if (/^[1-9]$/.test(press.key) && Number(press.key) <= areas.length) return to(order[Number(press.key)]);
      return null;
  }
}

/** The view is kept in the fragment beside the key, so a reload stays on the same slide. */
export function viewFromHash(hash: string): View | null {
  const v = new URLSearchParams(hash.replace(/^#/, "")).get("view");
  if (!v) return null;
  if (v === "join" || v === "summary") return { kind: v };
  if (v.startsWith("area-")) return { kind: "area", areaId: v.slice(5) };
  return null;
}

export function hashWithView(hash: string, view: View): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.set("view", view.kind === "area" ? `area-${view.areaId}` : view.kind);
  return `#${params.toString()}`;
}

/**
 * How many columns a chart of n bars uses, and how many of them fit: up to six rows a column
 * keeps two-line titles legible from the back row; beyond 24 bars only the leaders are shown.
 */
export const MAX_BARS = 24;
export function chartColumns(n: number): number {
  const shown = Math.min(n, MAX_BARS);
  return shown <= 6 ? 1 : shown <= 12 ? 2 : 3;
}

/**
 * The summary's grid: columns for the number of areas, and row heights weighted by the rows the
 * cards in each grid row list, so a six-way tie gets room that an area without votes does not need.
 */
export function summaryGrid(rowCounts: readonly number[]): { columns: number; rows: string } {
  const n = rowCounts.length;
  const columns = n <= 3 ? Math.max(1, n) : n === 4 ? 2 : 3;
  const weights: number[] = [];
  for (let i = 0; i < n; i += columns) {
    const most = Math.max(1, ...rowCounts.slice(i, i + columns));
    weights.push(1.5 + most * 2);
  }
  return { columns, rows: weights.map((w) => `minmax(0, ${w}fr)`).join(" ") };
}

// The projector's decisions, kept pure so they can be tested without a browser: what an area may
// show, what the summary lists, and where a key press leads. (Which snapshot to keep is shared
// with the organiser page: features/live/newerResults.ts.)
import type { Area, AreaResults, Event, ResultRow, VotingMethod } from "../../../../shared/schemas";
import { isTied, topRanked } from "../../../../shared/ranking";
import { englishPlace, englishSay, type PlaceText, type ScreenKey, type ScreenSay } from "./words";
import { participantPath } from "../../api/paths";

// ---- what an area may show ----------------------------------------------------------------

export type AreaDisplay =
  | { mode: "shown"; rows: RankedRow[]; method: VotingMethod }
  | { mode: "awaiting-reveal" }
  | { mode: "threshold"; needed: number; have: number };

export interface RankedRow {
  id: string;
  /** "PH-3": what the room says aloud. */
  label: string;
  title: string;
  votes: number;
  /** What the row is ranked by (API 1.1): the votes for approval and dots, the Borda points for ranking. */
  points: number;
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
  return { mode: "shown", rows, method: area.method ?? "approval" };
}

function shownRows(results: readonly ResultRow[]): RankedRow[] | null {
  const out: RankedRow[] = [];
  for (const r of results) {
    if (r.votes === null || r.rank === null) return null;
    // A server before API 1.1 sends no points: then the votes are what the rows are ranked by.
    out.push({ id: r.proposalId, label: r.label, title: r.title, votes: r.votes, points: r.points ?? r.votes, rank: r.rank });
  }
  return out;
}

// ---- summary --------------------------------------------------------------------------------

export interface SummaryRow {
  id: string;
  label: string;
  title: string;
  votes: number;
  points: number;
  rank: number;
  /** "1st", "=2nd" (or the page language's places): the same words the Markdown report writes. */
  place: string;
}

/** The top three of an area as the report states them: every row ranked 3rd or better, ties marked. */
export function topThree(rows: readonly RankedRow[], place: PlaceText = englishPlace): SummaryRow[] {
  return topRanked(rows, 3).map((r) => ({ id: r.id, label: r.label, title: r.title, votes: r.votes, points: r.points, rank: r.rank, place: place(r.rank, isTied(rows, r.rank)) }));
}

export type WinnersDisplay =
  | { mode: "shown"; rows: SummaryRow[]; method: VotingMethod }
  | { mode: "no-votes" }
  | { mode: "awaiting-reveal" }
  | { mode: "threshold"; needed: number; have: number };

/**
 * An area's winners slide: the top three under the same rules as its bars, so counts the room may
 * not see yet (on-reveal, below the threshold) stay off the projector even on this slide.
 */
export function areaWinners(event: Event, area: AreaResults | undefined, place: PlaceText = englishPlace): WinnersDisplay {
  const display = areaDisplay(event, area);
  if (display.mode !== "shown") return display;
  const rows = topThree(display.rows, place);
  return rows.length > 0 ? { mode: "shown", rows, method: display.method } : { mode: "no-votes" };
}

// ---- words ----------------------------------------------------------------------------------

export interface RoomTurnout {
  voters: number;
  /** Event.expectedParticipants; 0 = not set. */
  expected: number;
  /** Ballot cards issued, when the screen knows it (invite events); null = unknown. */
  cardsIssued?: number | null;
}

/**
 * The people the room counts against: expected participants when set, else ballot cards issued,
 * else none (voters alone). Never joined devices: a phone that only looks is not a person who voted.
 */
export function turnoutBase({ expected, cardsIssued }: RoomTurnout): number {
  if (expected > 0) return expected;
  if (cardsIssued != null && cardsIssued > 0) return cardsIssued;
  return 0;
}

/** "54 of 54 have voted", or "12 people have voted" when nobody said how many to expect. */
export function roomTurnoutText(t: RoomTurnout, say: ScreenSay = englishSay): string {
  const base = turnoutBase(t);
  if (base > 0) return say("turnoutOf", { voters: t.voters, base });
  if (t.voters === 0) return say("noVotesYet");
  return say("turnoutPeople", { voters: t.voters });
}

/** The turnout meter's share (0..1), or null when there is nothing to measure against. */
export function turnoutShare(t: RoomTurnout): number | null {
  const base = turnoutBase(t);
  return base > 0 ? Math.min(1, t.voters / base) : null;
}

/** Kept for the organiser page, which shows joined devices privately; the projector uses roomTurnoutText. */
export function turnoutText(voters: number, participants: number, say: ScreenSay = englishSay): string {
  if (participants === 0) return say("noOneJoined");
  return say("turnoutOf", { voters, base: participants });
}

export function votesText(votes: number, say: ScreenSay = englishSay): string {
  return say("votes", { votes });
}

/**
 * A row's score as the room reads it, named for the method: "12 votes", "8 dots", "12 points"
 * (ranking: Borda points, what the row is ranked by).
 */
export function scoreText(method: VotingMethod, row: { votes: number; points: number }, say: ScreenSay = englishSay): string {
  if (method === "ranking") return say("pointsCount", { n: row.points });
  if (method === "dots") return say("dotsCount", { n: row.points });
  return say("votes", { votes: row.votes });
}

/** What a screen reader hears after a bar's text: ": 12 points from 5 ballots", ": 8 dots", ": 30 votes". */
export function spokenScore(method: VotingMethod, row: { votes: number; points: number }, say: ScreenSay = englishSay): string {
  if (method === "ranking") return say("barSpokenPoints", { points: row.points, votes: row.votes });
  if (method === "dots") return say("barSpokenDots", { dots: row.points });
  return say("barSpoken", { votes: row.votes });
}

/** The summary's "and 4 more with 2 votes" for the tail of a long tie, named for the method. */
export function restText(method: VotingMethod, count: number, row: { votes: number; points: number }, say: ScreenSay = englishSay): string {
  if (method === "ranking") return say("summaryRestPoints", { count, points: row.points });
  if (method === "dots") return say("summaryRestDots", { count, dots: row.points });
  return say("summaryRest", { count, votes: row.votes });
}

const STATUS_KEYS: Record<Area["status"], ScreenKey> = { open: "statusOpen", closed: "statusClosed", draft: "statusDraft" };

export function statusText(status: Area["status"], say: ScreenSay = englishSay): string {
  return say(STATUS_KEYS[status] ?? "statusDraft");
}

export function thresholdText(needed: number, have: number, say: ScreenSay = englishSay): string {
  return say("threshold", { needed, have });
}

/** Why an area shows no counts: "hidden until revealed" only once it has opened (issue 10). */
export function hiddenText(say: ScreenSay = englishSay, status: Area["status"] = "open"): string {
  return say(status === "draft" ? "hiddenNotOpen" : "hidden");
}

/** The address people type: the server's public (LAN) base plus the event path. */
export function participantUrl(publicUrl: string | null, origin: string, code: string): string {
  const base = (publicUrl ?? origin).replace(/\/+$/, "");
  return `${base}${participantPath(code)}`;
}

// ---- views and keys -------------------------------------------------------------------------

/** An area shown as bars (`area`), as its top three in full (`winners`), or read out (`reading`). */
export type AreaView =
  | { kind: "area"; areaId: string }
  | { kind: "winners"; areaId: string }
  | { kind: "reading"; areaId: string; page: number };
/** `feedback`: the evaluation form's bars (API 1.1), on E; comments are never projected. */
export type View = { kind: "join" } | AreaView | { kind: "summary" } | { kind: "feedback" };
type AreaMode = AreaView["kind"];

/** What the keys need of an area: its place, and its proposals' texts for reading pages. */
export interface KeyArea {
  id: string;
  position: number;
  proposals?: ReadonlyArray<{ title: string; position?: number }>;
}

/** Reading pages of an area's proposals, taken in their organiser order (position). */
export function areaReadingPages(proposals: ReadonlyArray<{ title: string; position?: number }>): number[][] {
  return readingPages([...proposals].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((p) => p.title));
}

/** The slides in the order ←/→ walk them: join panel, each area by position, summary. */
export function slideOrder(areas: ReadonlyArray<Pick<Area, "id" | "position">>): View[] {
  const sorted = [...areas].sort((a, b) => a.position - b.position);
  return [{ kind: "join" }, ...sorted.map((a): View => ({ kind: "area", areaId: a.id })), { kind: "summary" }];
}

export function isAreaView(view: View): view is AreaView {
  return view.kind === "area" || view.kind === "winners" || view.kind === "reading";
}

export function sameView(a: View, b: View): boolean {
  if (a.kind !== b.kind) return false;
  if (!isAreaView(a) || !isAreaView(b)) return true;
  return a.areaId === b.areaId && (a.kind !== "reading" || b.kind !== "reading" || a.page === b.page);
}

/**
 * An area view whose area has gone (deleted while shown) falls back to the join panel; a reading
 * page past the area's last (a proposal deleted) falls back to its last page.
 */
export function validView(view: View, areas: readonly KeyArea[]): View {
  if (!isAreaView(view)) return view;
  const area = areas.find((a) => a.id === view.areaId);
  if (!area) return { kind: "join" };
  if (view.kind === "reading" && area.proposals) {
    const last = Math.max(0, areaReadingPages(area.proposals).length - 1);
    const page = Math.min(Math.max(0, Math.floor(view.page)), last);
    if (page !== view.page) return { ...view, page };
  }
  return view;
}

export type KeyAction = { kind: "view"; view: View } | { kind: "fullscreen" } | { kind: "help" } | null;

export interface KeyPress {
  key: string;
  /** The physical key ("KeyW"): on an Arabic or Russian layout W sends "ص" or "ц", and the shortcuts still work. */
  code?: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

function areaView(mode: AreaMode, areaId: string, page = 0): AreaView {
  return mode === "reading" ? { kind: "reading", areaId, page } : { kind: mode, areaId };
}

/**
 * Keys of a presentation clicker and keyboard. ←/→ walk join, areas and summary and keep the
 * area's mode (bars, winners, reading); clickers send PageUp/PageDown, which step like the arrows,
 * except in reading mode, where they (and ↑/↓, space) step through the proposals — on past the
 * area's last page into the next area's first, so a clicker alone can present every proposal.
 * In a right-to-left language the arrows follow the reading direction: ← goes on, → goes back.
 */
export function keyAction(press: KeyPress, view: View, areas: readonly KeyArea[], dir: "ltr" | "rtl" = "ltr", letters = true): KeyAction {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  // WCAG 2.1.4: with the single-key shortcuts turned off, only keys that type nothing still act.
  if (!letters && isCharacterKey(press)) return null;
  const sorted = [...areas].sort((a, b) => a.position - b.position);
  const current = validView(view, areas);
  const i = isAreaView(current) ? sorted.findIndex((a) => a.id === current.areaId) : -1;
  const mode: AreaMode = isAreaView(current) ? current.kind : "area";
  const to = (v: View | null): KeyAction => (v ? { kind: "view", view: v } : null);
  const inMode = (m: AreaMode, index: number, page = 0): View | null => {
    const a = sorted[index];
    return a ? areaView(m, a.id, page) : null;
  };
  const pagesOf = (index: number) => Math.max(1, areaReadingPages(sorted[index]?.proposals ?? []).length);
  const next = (): View => {
    if (current.kind === "join") return inMode("area", 0) ?? { kind: "summary" };
    if (current.kind === "summary" || current.kind === "feedback") return current;
    return inMode(mode, i + 1) ?? { kind: "summary" };
  };
  const prev = (): View => {
    if (current.kind === "join") return current;
    if (current.kind === "summary") return inMode("area", sorted.length - 1) ?? { kind: "join" };
    if (current.kind === "feedback") return { kind: "summary" };
    return inMode(mode, i - 1) ?? { kind: "join" };
  };
  const stepReading = (by: 1 | -1): View | null => {
    if (current.kind !== "reading") return null;
    const page = current.page + by;
    if (page >= 0 && page < pagesOf(i)) return { ...current, page };
    if (by > 0) return inMode("reading", i + 1) ?? current;
    return i > 0 ? inMode("reading", i - 1, pagesOf(i - 1) - 1) : current;
  };
  const toggle = (m: AreaMode): View | null => {
    if (isAreaView(current)) return areaView(current.kind === m ? "area" : m, current.areaId);
    return inMode(m, 0);
  };
  const key = keyOf(press);
  switch (key) {
    case "ArrowRight":
      return to(dir === "rtl" ? prev() : next());
    case "ArrowLeft":
      return to(dir === "rtl" ? next() : prev());
    case "PageDown":
    case " ":
      return to(stepReading(1) ?? next());
    case "PageUp":
      return to(stepReading(-1) ?? prev());
    case "ArrowDown":
      return to(stepReading(1));
    case "ArrowUp":
      return to(stepReading(-1));
    case "Home":
    case "j":
    case "J":
      return to({ kind: "join" });
    case "End":
    case "s":
    case "S":
      return to({ kind: "summary" });
    case "w":
    case "W":
      return to(toggle("winners"));
    case "r":
    case "R":
      return to(toggle("reading"));
    case "Escape":
      return to(isAreaView(current) && current.kind !== "area" ? areaView("area", current.areaId) : null);
    case "e":
    case "E":
      return to(current.kind === "feedback" ? { kind: "summary" } : { kind: "feedback" });
    case "f":
    case "F":
      return { kind: "fullscreen" };
    case "?":
      return { kind: "help" };
    default:
      if (/^[1-9]$/.test(key) && Number(key) <= sorted.length) return to(inMode(mode, Number(key) - 1));
      return null;
  }
}

/**
 * A key that types a character (letter, digit, punctuation, space): the shortcuts WCAG 2.1.4 asks
 * to be able to turn off, since a speech-input user's words or a stray key would fire them. The
 * arrows, PageUp/PageDown, Home, End and Esc type nothing and stay.
 */
export function isCharacterKey(press: KeyPress): boolean {
  return [...press.key].length === 1;
}

/**
 * Where a key press belongs to the focused control, not to the stage: any key in a field, and in a
 * button or checkbox the keys that press it (Space, Enter) and the letters (the shortcuts act only
 * when the focus is on the page itself).
 */
export function keyForControl(press: KeyPress, target: { tagName?: string; type?: string; isContentEditable?: boolean } | null): boolean {
  const tag = target?.tagName?.toUpperCase() ?? "";
  const pressable = tag === "BUTTON" || tag === "A" || tag === "SUMMARY" || (tag === "INPUT" && (target?.type === "checkbox" || target?.type === "radio"));
  if (pressable) return isCharacterKey(press) || press.key === "Enter";
  if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target?.isContentEditable) return true;
  return false;
}

/** A letter or digit key by its physical place when the layout sends another script's letter. */
function keyOf(press: KeyPress): string {
  if (/^[\x20-\x7e]$/.test(press.key) || press.key.length > 1) return press.key;
  if (press.key === "؟") return "?"; // the Arabic question mark, on the same key
  const m = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(press.code ?? "");
  return m ? (m[1]?.toLowerCase() ?? m[2] ?? press.key) : press.key;
}

/** The two arrows in the order "back, on" for the reading direction: in Arabic → goes back. */
export function areaArrows(dir: "ltr" | "rtl"): [back: string, on: string] {
  return dir === "rtl" ? ["→", "←"] : ["←", "→"];
}

/** A key cap: a symbol shown as is, or a key whose name the language writes (Esc, PageUp). */
export type KeyCap = string | { name: "keyEsc" | "keyPageUp" | "keyPageDown" };

/** The keys, as the `?` panel lists them: caps, and the catalog key of what they do. */
export function keyLegend(dir: "ltr" | "rtl"): ReadonlyArray<{ keys: KeyCap[]; what: ScreenKey }> {
  return [
    { keys: areaArrows(dir), what: "legendAreas" },
    { keys: ["1", "…", "9"], what: "legendNumber" },
    { keys: ["W"], what: "legendWinners" },
    { keys: ["R"], what: "legendReading" },
    { keys: ["↑", "↓"], what: "legendProposals" },
    { keys: ["S"], what: "legendSummary" },
    { keys: ["J"], what: "legendJoin" },
    { keys: ["E"], what: "legendFeedback" },
    { keys: ["F"], what: "legendFullScreen" },
    { keys: [{ name: "keyEsc" }], what: "legendEscape" },
    { keys: ["?"], what: "legendHelp" },
  ];
}

/** The view is kept in the fragment beside the key, so a reload stays on the same slide. */
export function viewFromHash(hash: string): View | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const v = params.get("view");
  if (!v) return null;
  if (v === "join" || v === "summary" || v === "feedback") return { kind: v };
  const m = /^(area|winners|reading)-(.+)$/.exec(v);
  if (!m || !m[2]) return null;
  const kind = m[1] as AreaMode;
  const page = Math.max(1, Math.floor(Number(params.get("page")) || 1)) - 1;
  return areaView(kind, m[2], page);
}

export function hashWithView(hash: string, view: View): string {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  params.set("view", isAreaView(view) ? `${view.kind}-${view.areaId}` : view.kind);
  if (view.kind === "reading") params.set("page", String(view.page + 1));
  else params.delete("page");
  return `#${params.toString()}`;
}

// ---- reading mode -----------------------------------------------------------------------------

/** A page of reading mode holds up to this many characters of proposal text, and this many proposals. */
export const READING_PAGE_CHARS = 460;
export const READING_PAGE_MAX = 3;

/**
 * Reading mode's pages: proposals in order, a few short ones together, a long one alone, so each
 * page can be read out at a size the back row reads. Indices into the area's proposals.
 */
export function readingPages(texts: readonly string[]): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let chars = 0;
  texts.forEach((text, i) => {
    const len = text.length;
    if (page.length > 0 && (page.length >= READING_PAGE_MAX || chars + len > READING_PAGE_CHARS)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(i);
    chars += len;
  });
  if (page.length > 0) pages.push(page);
  return pages;
}

// ---- bars layout ---------------------------------------------------------------------------------

export interface BarLayout {
  columns: number;
  perColumn: number;
  /** Lines of proposal text each bar shows (the rest is clamped, on this slide only). */
  lines: number;
  /** The type size in px. */
  font: number;
}

/** Ems a bar row spends on other things than its text: place, count, gaps, padding (across, besides the label); padding (down). */
export const BAR_ACROSS_EM = 7.6;
export const BAR_DOWN_EM = 0.75;
export const BAR_LINE = 1.2;
const BAR_CHAR_EM = 0.5; // an average character's width, for comparing layouts only
const BAR_MAX_LINES = 6;

/**
 * The text's own measure, in ems of the bars' type: its line height and an average character's
 * width. The defaults are the stage's CSS; a reader's own spacing (WCAG 1.4.12: line height 1.5,
 * letter and word spacing) changes both, and the layout must then give the text the room it takes.
 */
export interface BarText {
  lineEm: number;
  charEm: number;
}
export const BAR_TEXT: BarText = { lineEm: BAR_LINE, charEm: BAR_CHAR_EM };

/** The measure of text set with this line height and spacing (px, at `font` px), as barLayout needs it. */
export function barText(font: number, lineHeight: number, letterSpacing: number, wordSpacing: number): BarText {
  if (!(font > 0)) return BAR_TEXT;
  // About one space in six characters, in the forum's languages.
  const extra = (Math.max(0, letterSpacing || 0) + Math.max(0, wordSpacing || 0) / 6) / font;
  return { lineEm: lineHeight > 0 ? lineHeight / font : BAR_LINE, charEm: BAR_CHAR_EM + extra };
}

/**
 * Picks columns and lines so the bars show as much proposal text as fits in the box at the given
 * type size (never smaller than `minFont`, the back row's floor): text beyond a bar's lines is
 * clamped. Among equal layouts the one with fewer columns wins (longer bars compare better).
 * Text set wider or taller than the stage's own (a reader's spacing, `text`) keeps the text the
 * stage's spacing would show, at a smaller type: down to `SPACED_FLOOR` of `font`, below the back
 * row's floor if it must — the reader chose their spacing for their own screen.
 */
export function barLayout(lengths: readonly number[], box: { width: number; height: number }, font: number, minFont = font, labelEm = 3.6, text: BarText = BAR_TEXT): BarLayout {
  const n = Math.max(1, Math.min(lengths.length, MAX_BARS));
  const shown = lengths.slice(0, n);
  const bestAt = (f: number, measure: BarText): { layout: BarLayout; score: number } | null => {
    let best: { layout: BarLayout; score: number } | null = null;
    for (let columns = 1; columns <= Math.min(3, n); columns++) {
      const perColumn = Math.ceil(n / columns);
      const lines = Math.min(BAR_MAX_LINES, Math.floor((box.height / perColumn / f - BAR_DOWN_EM) / measure.lineEm));
      if (lines < 1) continue;
      const perLine = Math.max(0, (box.width / columns - (BAR_ACROSS_EM + labelEm) * f) / (measure.charEm * f));
      const score = shown.reduce((sum, len) => sum + Math.min(len, lines * perLine), 0);
      if (!best || score > best.score + 1e-6) best = { layout: { columns, perColumn, lines, font: f }, score };
    }
    return best;
  };
  const sizes = (floor: number): number[] => {
    const out: number[] = [];
    for (let f = font; f > floor; f *= 0.94) out.push(f);
    out.push(floor);
    return out;
  };
  const spaced = text.lineEm > BAR_TEXT.lineEm + 1e-6 || text.charEm > BAR_TEXT.charEm + 1e-6;
  if (spaced) {
    // What the stage's own spacing shows at the first size that lays out; then the largest size
    // at which the reader's spacing shows as much.
    const plain = sizes(minFont).map((f) => bestAt(f, BAR_TEXT)).find((b) => b !== null);
    let most: { layout: BarLayout; score: number } | null = null;
    for (const f of sizes(Math.min(minFont, font * SPACED_FLOOR))) {
      const best = bestAt(f, text);
      if (!best) continue;
      if (!plain || best.score >= plain.score - 1e-6) return best.layout;
      if (!most || best.score > most.score + 1e-6) most = best;
    }
    if (most) return most.layout;
  }
  for (const f of sizes(minFont)) {
    const best = bestAt(f, text);
    if (best) return best.layout;
  }
  const columns = Math.min(3, n);
  return { columns, perColumn: Math.ceil(n / columns), lines: 1, font: minFont };
}

/** How far a reader's own text spacing may shrink the bars' type, as a share of the starting size. */
const SPACED_FLOOR = 0.6;

/** Beyond this many bars only the leaders are shown: more rows than this are unreadable from the back. */
export const MAX_BARS = 24;

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

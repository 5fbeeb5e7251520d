// What the phone keeps between visits, per event code: the participant token (so a reload or a
// re-scan restores the ballot), the choices not yet acknowledged (so a reload while offline
// resends them), the choices refused because the area had closed meanwhile (offered again if it
// reopens), and the seed of this phone's proposal order. Storage can be missing or full (private browsing); then the page still works for
// this visit, it just cannot survive a reload.

/** The part of the Web Storage API used here, so tests can pass an in-memory one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const tokenKey = (code: string) => `plenary.token.${code}`;
const pendingKey = (code: string) => `plenary.pending.${code}`;
const heldKey = (code: string) => `plenary.held.${code}`;
const seedKey = (code: string) => `plenary.seed.${code}`;
const joinKeyKey = (code: string) => `plenary.joinkey.${code}`;
const eventKey = (code: string) => `plenary.event.${code}`;
const confirmedKey = (code: string) => `plenary.confirmed.${code}`;

export type PendingMap = Record<string, string[]>;

function safeGet(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function safeSet(store: KeyValueStore | null, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // quota or privacy mode: keep working without persistence
  }
}

export function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadToken(store: KeyValueStore | null, code: string): string | null {
  const t = safeGet(store, tokenKey(code));
  return t && t.length > 0 ? t : null;
}

export function saveToken(store: KeyValueStore | null, code: string, token: string): void {
  safeSet(store, tokenKey(code), token);
}

/**
 * This phone's join key for the event, made (128 random bits) and kept before the first join is
 * sent: a join retried after a lost answer names the same participant instead of a second one.
 */
export function joinKeyFor(store: KeyValueStore | null, code: string): string {
  const kept = safeGet(store, joinKeyKey(code));
  if (kept && /^[A-Za-z0-9_-]{22,64}$/.test(kept)) return kept;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  safeSet(store, joinKeyKey(code), key);
  return key;
}

/** Forgets the participant (token refused by the server): their unsent wishes go with them. */
export function forgetParticipant(store: KeyValueStore | null, code: string): void {
  safeSet(store, tokenKey(code), null);
  safeSet(store, pendingKey(code), null);
  safeSet(store, heldKey(code), null);
  safeSet(store, joinKeyKey(code), null);
  safeSet(store, confirmedKey(code), null);
}

// The last state this phone saw, for a reload with no network (the service worker serves the page
// shell, client/sw.js): the event as last received, and the ballot the server last confirmed. Both
// are what the server itself sent this phone; they are only shown while the server cannot be asked.

/** The event as last received (page, GET or socket), with its version; parsed again by the caller. */
export function saveLastEvent(store: KeyValueStore | null, code: string, event: unknown, version: string | null): void {
  safeSet(store, eventKey(code), JSON.stringify({ event, version }));
}

export function loadLastEvent(store: KeyValueStore | null, code: string): { event: unknown; version: string | null } | null {
  const raw = safeGet(store, eventKey(code));
  if (!raw) return null;
  try {
    const data = JSON.parse(raw) as { event?: unknown; version?: unknown };
    return { event: data.event, version: typeof data.version === "string" ? data.version : null };
  } catch {
    return null;
  }
}

/** The ballot the server last confirmed to this phone (GET, socket or a 200). */
export function saveConfirmed(store: KeyValueStore | null, code: string, ballot: Record<string, readonly string[]>): void {
  safeSet(store, confirmedKey(code), JSON.stringify(ballot));
}

export function loadConfirmed(store: KeyValueStore | null, code: string): PendingMap | null {
  return safeGet(store, confirmedKey(code)) === null ? null : loadMap(store, confirmedKey(code));
}

/**
 * The seed of this phone's proposal order (against ballot-order bias). It exists before the phone
 * joins, so the list does not reshuffle under the participant's finger at their first tap; it never
 * leaves the phone. A phone that joined under an older build keeps its order: its token was the seed.
 */
export function orderSeed(store: KeyValueStore | null, code: string, random: () => string = randomSeed): string {
  const kept = safeGet(store, seedKey(code));
  if (kept) return kept;
  const seed = loadToken(store, code) ?? random();
  safeSet(store, seedKey(code), seed);
  return seed;
}

function randomSeed(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Reads the pending wishes, ignoring anything malformed (an older build, a hand edit). */
export function loadPending(store: KeyValueStore | null, code: string): PendingMap {
  return loadMap(store, pendingKey(code));
}

/** Choices refused because their area had closed while the phone was away, per area. */
export function loadHeld(store: KeyValueStore | null, code: string): PendingMap {
  return loadMap(store, heldKey(code));
}

/** Keeps (ids) or drops (null) an area's refused choice. */
export function saveHeld(store: KeyValueStore | null, code: string, areaId: string, ids: readonly string[] | null): void {
  const all = loadHeld(store, code);
  if (ids === null) delete all[areaId];
  else all[areaId] = [...ids];
  safeSet(store, heldKey(code), Object.keys(all).length ? JSON.stringify(all) : null);
}

function loadMap(store: KeyValueStore | null, key: string): PendingMap {
  const raw = safeGet(store, key);
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const out: PendingMap = {};
  for (const [areaId, ids] of Object.entries(data)) {
    if (Array.isArray(ids) && ids.every((x): x is string => typeof x === "string")) out[areaId] = ids;
  }
  return out;
}

// Read-modify-write of one area only: another tab of the same participant may hold wishes for other
// areas in the same key, and must not lose them to this tab's copy.
export function savePending(store: KeyValueStore | null, code: string, areaId: string, ids: readonly string[]): void {
  const all = loadPending(store, code);
  all[areaId] = [...ids];
  safeSet(store, pendingKey(code), JSON.stringify(all));
}

/** Drops an area's wish once settled, but only if it is still the one that was sent. */
export function settlePending(
  store: KeyValueStore | null,
  code: string,
  areaId: string,
  sent: readonly string[],
  same: (a: readonly string[], b: readonly string[]) => boolean,
): void {
  const all = loadPending(store, code);
  const stored = all[areaId];
  if (!stored || !same(stored, sent)) return;
  delete all[areaId];
  safeSet(store, pendingKey(code), Object.keys(all).length ? JSON.stringify(all) : null);
}

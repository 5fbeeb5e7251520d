// What the phone keeps between visits, per event code: the participant token (so a reload or a
// re-scan restores the ballot) and the choices not yet acknowledged (so a reload while offline
// resends them). Storage can be missing or full (private browsing); then the page still works for
// this visit, it just cannot survive a reload.

/** The part of the Web Storage API used here, so tests can pass an in-memory one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const tokenKey = (code: string) => `plenary.token.${code}`;
const pendingKey = (code: string) => `plenary.pending.${code}`;

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

/** Forgets the participant (token refused by the server): their unsent wishes go with them. */
export function forgetParticipant(store: KeyValueStore | null, code: string): void {
  safeSet(store, tokenKey(code), null);
  safeSet(store, pendingKey(code), null);
}

/** Reads the pending wishes, ignoring anything malformed (an older build, a hand edit). */
export function loadPending(store: KeyValueStore | null, code: string): PendingMap {
  const raw = safeGet(store, pendingKey(code));
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

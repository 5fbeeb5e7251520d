// Registers the phone's service worker (client/sw.js, scope /e/), which lets the participant page
// open with no network. Registered only once the page is up and the link is quiet (never on the way
// to the first vote: on a thin link its few KB would delay the ballot), and only where browsers
// allow service workers at all: HTTPS or localhost. (A phone reaching the laptop at
// http://192.168.x.y gets none; the page then works as before, without offline reloads.)
const REGISTER_AFTER_MS = 4000;
const SW_URL = "/sw.js";
const SCOPE = "/e/";

/** Same-origin hashed files this page loaded before the worker controlled it (catalogs, lazy chunks). */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType("resource")
    .map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith("/assets/"))
    .map((u) => u.pathname);
}

async function register(): Promise<void> {
  const registration = await navigator.serviceWorker.register(SW_URL, { scope: SCOPE });
  const ready = await navigator.serviceWorker.ready;
  (ready.active ?? registration.active)?.postMessage({ type: "precache", urls: loadedAssets() });
}

/** Schedules the registration; returns a cancel function. */
export function registerOfflineShell(): () => void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator) || !window.isSecureContext) return () => {};
  let idle: number | null = null;
  const timer = setTimeout(() => {
    const run = () => void register().catch(() => {
      // No worker (storage off, private mode): the page works online as before.
    });
    if ("requestIdleCallback" in window) idle = window.requestIdleCallback(run, { timeout: 5000 });
    else run();
  }, REGISTER_AFTER_MS);
  return () => {
    clearTimeout(timer);
    if (idle !== null) window.cancelIdleCallback(idle);
  };
}

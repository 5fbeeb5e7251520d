// The phone's service worker (scope /e/): the participant page opens with no network. The build
// (client/build-wire.ts) writes dist/client/sw.js as this file after two lines naming the build and
// the app shell: `const BUILD = "…"; const SHELL = ["/participant.html", "/assets/…", …];`.
// - Pages (/e/CODE): network first, always: the server's page carries the current event and the
//   current build's asset names, so no HTML is ever stale while the server answers. Only when the
//   network fails, the cached shell (participant.html); the page then shows the event and ballot this
//   phone last saw (deviceStore.ts) and says it is offline.
// - Hashed assets (/assets/): cache first (a name never changes content), else the network, kept.
// - Everything else (the API, the live connection): untouched, never cached — a vote is "saved" only
//   on the server's answer.
// Updates: a new build's worker installs and takes over at once, but never reloads a page; pages
// opened before keep their own assets (the previous build's cache is kept until the next one).
/* global BUILD, SHELL */
const PREFIX = "plenary-";
const CURRENT = `${PREFIX}${BUILD}`;
const META = `${PREFIX}meta`;
const SHELL_URL = "/participant.html";

self.addEventListener("install", (event) => {
  // Most of these are in the browser's HTTP cache already (the page just loaded them): no download.
  event.waitUntil(
    caches
      .open(CURRENT)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Keep this build and the one active before it (a page still open may lazy-load its chunks).
      const meta = await caches.open(META);
      const previous = await meta.match("/active").then((r) => (r ? r.text() : null));
      if (previous !== CURRENT) await meta.put("/active", new Response(CURRENT));
      const keep = new Set([CURRENT, META, previous === CURRENT ? null : previous]);
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page names what it loaded before this worker controlled it (its language's catalogs, say).
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "precache" || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === "string" && u.startsWith("/assets/"));
  event.waitUntil(caches.open(CURRENT).then((cache) => Promise.all(urls.map((u) => cache.match(u, { ignoreVary: true }).then((hit) => hit || cache.add(u).catch(() => undefined))))));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && /^\/e\/[A-Za-z0-9-]{1,16}\/?$/.test(url.pathname)) {
    event.respondWith(
      fetch(request).catch(async () => {
        const shell = (await caches.match(SHELL_URL, { cacheName: CURRENT, ignoreVary: true })) || (await caches.match(SHELL_URL, { ignoreVary: true }));
        return shell || Response.error();
      }),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      // Hashed names: any cached copy is the right one, whatever headers it was fetched with.
      caches.match(request, { ignoreVary: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              event.waitUntil(caches.open(CURRENT).then((cache) => cache.put(request, copy)));
            }
            return response;
          }),
      ),
    );
  }
});

// Path-based routing without a router library: four page families, each its own lazy chunk, so a
// phone downloads only the participant page (weight budget: 100 KB gzipped).
export type Route =
  | { page: "home" }
  | { page: "participant"; code: string }
  | { page: "screen"; code: string }
  | { page: "admin"; code: string }
  | { page: "cards"; code: string }
  | { page: "report"; code: string }
  | { page: "paper-ballot"; code: string }
  | { page: "editor"; code: string; areaId: string }
  | { page: "not-found" };

export function parseRoute(pathname: string): Route {
  if (pathname === "/" || pathname === "") return { page: "home" };
  // The rapporteur's page of one area (issue 13): /e/CODE/edit/AREAID#key=edt_…
  const edit = /^\/e\/([A-Za-z0-9-]{1,16})\/edit\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (edit?.[1] && edit[2]) return { page: "editor", code: edit[1].toUpperCase().replace(/-/g, ""), areaId: edit[2] };
  const m = /^\/e\/([A-Za-z0-9-]{1,16})(?:\/(screen|admin|cards|report|paper-ballot))?\/?$/.exec(pathname);
  if (!m || !m[1]) return { page: "not-found" };
  const code = m[1].toUpperCase().replace(/-/g, "");
  switch (m[2]) {
    case "screen": return { page: "screen", code };
    case "admin": return { page: "admin", code };
    case "cards": return { page: "cards", code };
    case "report": return { page: "report", code };
    case "paper-ballot": return { page: "paper-ballot", code };
    default: return { page: "participant", code };
  }
}

/** Secrets travel in the URL fragment (#key=…), which browsers never send to the server or its logs. */
export function keyFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get("key");
}

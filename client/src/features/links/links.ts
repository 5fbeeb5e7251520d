// The organiser's links. Secrets ride in the URL fragment (never sent to the server or its logs).
// The admin link also carries the screen key: the API returns it only once, at creation, and the
// organiser needs it again every time they open the projector view — so the one link they keep
// holds both, and nothing secret is stored in the browser.
import { participantPath } from "../../api/paths";

export interface AdminHash {
  adminToken: string | null;
  screenKey: string | null;
  /** Set by the home page right after creating the event: show the "keep this link" notice once. */
  justCreated: boolean;
}

export function parseAdminHash(hash: string): AdminHash {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return { adminToken: params.get("key"), screenKey: params.get("screen"), justCreated: params.get("new") === "1" };
}

function fragment(params: Record<string, string | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  return p.toString();
}

export function adminPath(code: string, adminToken: string, screenKey: string | null, justCreated = false): string {
  return `${participantPath(code)}/admin#${fragment({ key: adminToken, screen: screenKey, new: justCreated ? "1" : null })}`;
}

/** The projector page; `mini` asks for the embeddable miniature shown on the organiser page. */
export function screenPath(code: string, key: string, mini = false): string {
  return `${participantPath(code)}/screen${mini ? "?mini=1" : ""}#${fragment({ key })}`;
}

/** The ballot-cards page; `batchId` opens one batch for printing. */
export function cardsPath(code: string, adminToken: string, batchId?: string): string {
  return `${participantPath(code)}/cards#${fragment({ key: adminToken, batch: batchId })}`;
}

export function reportPath(code: string, adminToken: string): string {
  return `${participantPath(code)}/report#${fragment({ key: adminToken })}`;
}

/** Where phones go: the server's LAN address when it knows one, else this page's own origin. */
export function participantUrl(publicUrl: string | null, code: string): string {
  const base = (publicUrl ?? window.location.origin).replace(/\/+$/, "");
  return `${base}${participantPath(code)}`;
}

/** The printable paper ballot: public data only (the programme), so its link carries no key. */
export function paperBallotPath(code: string): string {
  return `${participantPath(code)}/paper-ballot`;
}

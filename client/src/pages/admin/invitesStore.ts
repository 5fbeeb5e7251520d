// The API returns invite codes once, so the organiser page hands the latest batch to the print page
// through this tab's sessionStorage: it stays on this machine, survives the page change and a
// reload, and is gone when the tab is closed.
import * as z from "zod/mini";

const key = (code: string) => `plenary:invites:${code}`;
const Stored = z.array(z.string());

export function saveInvites(code: string, invites: readonly string[]): void {
  sessionStorage.setItem(key(code), JSON.stringify(invites));
}

export function loadInvites(code: string): string[] {
  try {
    const parsed = Stored.safeParse(JSON.parse(sessionStorage.getItem(key(code)) ?? "[]"));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

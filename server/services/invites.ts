// Ballot-card invites: generated in bulk, shown once, stored as hashes.
import { formatInvite } from "../../shared/codes";
import { hashInvite, newInviteCode } from "../crypto";
import type { EventRow } from "../repos/events";
import type { Ctx } from "./context";

export function issueInvites(ctx: Ctx, event: EventRow, count: number): string[] {
  return ctx.db.transaction(() => {
    const codes: string[] = [];
    const seen = new Set<string>();
    while (codes.length < count) {
      const code = newInviteCode();
      const hash = hashInvite(event.id, code);
      if (seen.has(code) || ctx.repos.invites.byHash(hash, event.id)) continue;
      seen.add(code);
      ctx.repos.invites.insert(event.id, hash);
      codes.push(formatInvite(code));
    }
    return codes;
  })();
}

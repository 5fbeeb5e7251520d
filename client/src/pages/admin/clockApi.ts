// The organiser's calls for the clock and the rounds (API 1.1), beside api.ts so the two can change apart.
import { request } from "../../api/http";
import { LIMITS } from "../../../../shared/limits";
import { AreaReply, EventReply } from "../../../../shared/schemas";
import type { AdminApi } from "./api";

const path = (api: AdminApi, rest: string) => `/api/events/${api.code}${rest}`;

/** Opens the area (or keeps it open) until durationSeconds from now, by the server's clock. */
export async function openFor(api: AdminApi, areaId: string, durationSeconds: number) {
  const seconds = Math.round(Math.min(LIMITS.durationMaxSeconds, Math.max(LIMITS.durationMinSeconds, durationSeconds)));
  return (await request("POST", path(api, "/voting"), EventReply, { token: api.token, body: { status: "open", areaIds: [areaId], durationSeconds: seconds } })).event;
}

export async function runoff(api: AdminApi, areaId: string, top: number) {
  return (await request("POST", path(api, `/areas/${encodeURIComponent(areaId)}/runoff`), AreaReply, { token: api.token, body: { top } })).area;
}

// Results and exports.
import { CodeParams, ExportQuery, FileBody, Results } from "../../shared/schemas";
import { RATE_LIMITS } from "../plugins/security";
import { defineRoute } from "../http/route";
import type { Services } from "../services/app-services";
import { reportData } from "../services/report";
import { exportFile } from "../exports";

export function resultRoutes(s: Services) {
  const { ctx } = s;
  return [
    defineRoute({
      method: "GET", url: "/api/events/:code/results", tag: "results", access: "anyone", status: 200,
      summary: "Ranked results. Hidden counts (on-reveal) only with the admin token or screen key; the privacy threshold withholds from everyone. With live batching (Event.liveBatchSeconds > 0) everyone but the organiser gets the room's last batch.",
      params: CodeParams, response: Results, errors: ["UNAUTHORIZED", "NOT_FOUND"],
      rateLimit: RATE_LIMITS.results,
      handler: ({ event, caller }) => s.results(event, caller.role === "admin" || caller.role === "screen" ? caller.role : "public"),
    }),
    defineRoute({
      method: "GET", url: "/api/events/:code/export", tag: "results", access: "admin", status: 200,
      summary: "Download the results as csv, json (with anonymised ballots) or md (meeting report).",
      params: CodeParams, query: ExportQuery, response: FileBody, errors: ["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
      handler: ({ event, query, reply }) => {
        const file = exportFile(reportData(ctx, event), query.format);
        void reply
          .header("content-type", file.contentType)
          .header("content-disposition", `attachment; filename="${file.filename}"`)
          .header("cache-control", "no-store");
        return file.body;
      },
    }),
  ];
}

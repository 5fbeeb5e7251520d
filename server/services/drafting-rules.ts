// What a working group's editor link may do (issue 13): its own area's proposals, while the area
// is in draft and the organiser has not locked it — nothing else. The admin is not held here.
import { AppError } from "../../shared/errors";
import type { Caller } from "../http/auth";
import type { AreaRow } from "../repos/areas";

export function holdToDraft(by: Caller | undefined, area: AreaRow): void {
  if (by?.role !== "editor") return;
  if (by.editorAreaId !== area.id) throw new AppError("FORBIDDEN", "This editor link is for another area.");
  if (area.status !== "draft") throw new AppError("EVENT_LOCKED", `“${area.title}” is no longer in draft: its proposals are fixed now.`);
  if (area.content_locked === 1) throw new AppError("NOT_ALLOWED", `The organiser has locked the proposals of “${area.title}”.`);
}

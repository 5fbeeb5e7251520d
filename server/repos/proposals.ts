// SQL of the proposals table.
import type { Db } from "../db/open";
import { keptRows } from "./kept-rows";

export interface ProposalRow {
  id: string;
  area_id: string;
  title: string;
  body: string;
  position: number;
  /** Frozen when the area first opened (migration 003); null before. */
  label: string | null;
  origin: "group" | "suggestion";
  merged: number;
  version: number;
}

export function proposalsRepo(db: Db) {
  const byEvent = db.prepare<[number], ProposalRow>(
    "SELECT p.* FROM proposals p JOIN areas a ON a.id = p.area_id WHERE a.event_id = ? ORDER BY p.position, p.rowid",
  );
  const byArea = db.prepare<[string], ProposalRow>("SELECT * FROM proposals WHERE area_id = ? ORDER BY position, rowid");
  // Ids only: checking a ballot needs no titles or bodies (up to 200 × 4,000 characters per area).
  const idsByArea = db.prepare<[string], { id: string }>("SELECT id FROM proposals WHERE area_id = ?");
  const byId = db.prepare<[string, number], ProposalRow>(
    "SELECT p.* FROM proposals p JOIN areas a ON a.id = p.area_id WHERE p.id = ? AND a.event_id = ?",
  );
  const insert = db.prepare<[string, string, string, string, number]>(
    "INSERT INTO proposals (id, area_id, title, body, position) VALUES (?, ?, ?, ?, ?)",
  );
  const setLabel = db.prepare<[string, string]>("UPDATE proposals SET label = ? WHERE id = ?");
  const nextPosition = db.prepare<[string], { n: number }>("SELECT coalesce(max(position) + 1, 0) AS n FROM proposals WHERE area_id = ?");
  // Every text edit bumps the version, so an editor working from an older one can be told (issue 13).
  const setTitle = db.prepare<[string, string]>("UPDATE proposals SET title = ?, version = version + 1 WHERE id = ?");
  const setBody = db.prepare<[string, string]>("UPDATE proposals SET body = ?, version = version + 1 WHERE id = ?");
  const setOrigin = db.prepare<[string, string]>("UPDATE proposals SET origin = ? WHERE id = ?");
  const addMerged = db.prepare<[string]>("UPDATE proposals SET merged = merged + 1 WHERE id = ?");
  const setPosition = db.prepare<[number, string]>("UPDATE proposals SET position = ? WHERE id = ?");
  const remove = db.prepare<[string]>("DELETE FROM proposals WHERE id = ?");
  const contentChars = db.prepare<[number, number], { n: number }>(
    `SELECT coalesce((SELECT sum(length(p.title) + length(p.body)) FROM proposals p JOIN areas a ON a.id = p.area_id WHERE a.event_id = ?), 0)
          + coalesce((SELECT sum(length(title)) FROM areas WHERE event_id = ?), 0) AS n`,
  );

  // Every ballot checks its choices against its area's proposal ids (~6 µs a read), and only adding
  // or removing a proposal changes them (a proposal never moves to another area): kept per area
  // (repos/kept-rows.ts), forgotten by `insert` and `remove`. An area's removal takes its proposals
  // by cascade and leaves its kept ids behind, for an area id no ballot can name again.
  const keptIds = keptRows<string, Array<{ id: string }>>(db);

  return {
    byEvent: (eventId: number) => byEvent.all(eventId),
    byArea: (areaId: string) => byArea.all(areaId),
    idsByArea: (areaId: string): readonly { id: string }[] => keptIds.read(areaId, () => idsByArea.all(areaId).map((p) => Object.freeze(p))) ?? [],
    byId: (id: string, eventId: number) => byId.get(id, eventId),
    nextPosition: (areaId: string) => nextPosition.get(areaId)?.n ?? 0,
    insert: keptIds.changing((row: Omit<ProposalRow, "label" | "origin" | "merged" | "version">) => void insert.run(row.id, row.area_id, row.title, row.body, row.position)),
    setTitle: (id: string, title: string) => void setTitle.run(title, id),
    setBody: (id: string, body: string) => void setBody.run(body, id),
    setPosition: (id: string, position: number) => void setPosition.run(position, id),
    setLabel: (id: string, label: string) => void setLabel.run(label, id),
    setOrigin: (id: string, origin: ProposalRow["origin"]) => void setOrigin.run(origin, id),
    addMerged: (id: string) => void addMerged.run(id),
    remove: keptIds.changing((id: string) => void remove.run(id)),
    /** Characters of every area title, proposal title and body of the event: its content quota. */
    contentChars: (eventId: number) => contentChars.get(eventId, eventId)?.n ?? 0,
  };
}
export type ProposalsRepo = ReturnType<typeof proposalsRepo>;

// SQL of the proposals table.
import type { Db } from "../db/open";

export interface ProposalRow {
  id: string;
  area_id: string;
  title: string;
  body: string;
  position: number;
  /** Frozen when the area first opened (migration 003); null before. */
  label: string | null;
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
  const setTitle = db.prepare<[string, string]>("UPDATE proposals SET title = ? WHERE id = ?");
  const setBody = db.prepare<[string, string]>("UPDATE proposals SET body = ? WHERE id = ?");
  const setPosition = db.prepare<[number, string]>("UPDATE proposals SET position = ? WHERE id = ?");
  const remove = db.prepare<[string]>("DELETE FROM proposals WHERE id = ?");

  return {
    byEvent: (eventId: number) => byEvent.all(eventId),
    byArea: (areaId: string) => byArea.all(areaId),
    idsByArea: (areaId: string) => idsByArea.all(areaId),
    byId: (id: string, eventId: number) => byId.get(id, eventId),
    nextPosition: (areaId: string) => nextPosition.get(areaId)?.n ?? 0,
    insert: (row: Omit<ProposalRow, "label">) => void insert.run(row.id, row.area_id, row.title, row.body, row.position),
    setTitle: (id: string, title: string) => void setTitle.run(title, id),
    setBody: (id: string, body: string) => void setBody.run(body, id),
    setPosition: (id: string, position: number) => void setPosition.run(position, id),
    setLabel: (id: string, label: string) => void setLabel.run(label, id),
    remove: (id: string) => void remove.run(id),
  };
}
export type ProposalsRepo = ReturnType<typeof proposalsRepo>;

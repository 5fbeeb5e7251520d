// SQL of the editor_keys table: one editor link per area, stored hashed.
import type { Db } from "../db/open";

export interface EditorKeyRow {
  key_hash: Buffer;
  area_id: string;
  created_at: string;
}

export function editorKeysRepo(db: Db) {
  // A new link replaces the area's old one: a link shown on the wrong screen can be withdrawn.
  const put = db.prepare<[Buffer, string, string]>(
    "INSERT INTO editor_keys (key_hash, area_id, created_at) VALUES (?, ?, ?) ON CONFLICT(area_id) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at",
  );
  const byHash = db.prepare<[Buffer], EditorKeyRow>("SELECT * FROM editor_keys WHERE key_hash = ?");
  const areasWithKey = db.prepare<[number], { area_id: string }>(
    "SELECT k.area_id FROM editor_keys k JOIN areas a ON a.id = k.area_id WHERE a.event_id = ?",
  );
  return {
    put: (hash: Buffer, areaId: string, now: string) => void put.run(hash, areaId, now),
    byHash: (hash: Buffer) => byHash.get(hash),
    /** Areas of the event that have an editor link (the organiser page says so). */
    areasWithKey: (eventId: number) => new Set(areasWithKey.all(eventId).map((r) => r.area_id)),
  };
}
export type EditorKeysRepo = ReturnType<typeof editorKeysRepo>;

// The event rows the repo keeps between writes (repos/events.ts): a ballot reads its event by id
// several times, so rows are kept — and must never differ from the database: a write is seen at
// once, a row read inside a transaction that is rolled back is never kept, and no caller can
// change a kept row for the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, startServer, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

let server: TestServer;
let id: number;
beforeAll(async () => {
  server = await startServer();
  const { event } = await createEvent(server.url, smallEvent());
  const row = server.ctx.repos.events.byCode(event.code);
  if (!row) throw new Error("no event row");
  id = row.id;
});
afterAll(() => server.close());

const stored = (column: string) => server.db.prepare(`SELECT ${column} AS v FROM events WHERE id = ?`).get(id) as { v: unknown };

describe("kept event rows", () => {
  it("follow every write of the repo at once", () => {
    const events = server.ctx.repos.events;
    const before = events.byId(id);
    expect(events.byId(id)).toBe(before); // kept: the same row, not a second read
    events.bumpSeq(id);
    expect(events.byId(id)?.seq).toBe((before?.seq ?? 0) + 1);
    events.update(id, { title: "Renamed" });
    expect(events.byId(id)?.title).toBe("Renamed");
    expect(stored("title").v).toBe("Renamed");
  });

  it("never keep what a rolled-back transaction read", () => {
    const events = server.ctx.repos.events;
    const seq = events.byId(id)?.seq ?? -1;
    expect(() =>
      server.db.transaction(() => {
        events.bumpSeq(id);
        expect(events.byId(id)?.seq).toBe(seq + 1); // the transaction sees its own write…
        throw new Error("refused");
      })(),
    ).toThrow("refused");
    // …and after the rollback nobody sees it.
    expect(stored("seq").v).toBe(seq);
    expect(events.byId(id)?.seq).toBe(seq);
  });

  it("cannot be changed by one caller for the next", () => {
    const row = server.ctx.repos.events.byId(id);
    expect(() => Object.assign(row ?? {}, { votes_per_area: 9 })).toThrow(TypeError);
    expect(server.ctx.repos.events.byId(id)?.votes_per_area).toBe(stored("votes_per_area").v);
  });
});

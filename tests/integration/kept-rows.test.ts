// The rows repos keep between writes (repos/kept-rows.ts): a ballot reads its event, its token's
// participant and its area, so those rows are kept — and must never differ from the database: a
// write is seen at once, a row read inside a transaction that is rolled back is never kept, and no
// caller can change a kept row for the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../server/crypto";
import { createEvent, startServer, type TestServer } from "../helpers/app";
import { smallEvent } from "./support";

let server: TestServer;
let id: number;
let areaId: string;
beforeAll(async () => {
  server = await startServer();
  const { event } = await createEvent(server.url, smallEvent());
  const row = server.ctx.repos.events.byCode(event.code);
  if (!row) throw new Error("no event row");
  id = row.id;
  areaId = event.areas[0]?.id ?? "";
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

  it("by code too: kept, and following every write at once", () => {
    const events = server.ctx.repos.events;
    const code = events.byId(id)?.code ?? "";
    const before = events.byCode(code);
    expect(events.byCode(code)).toBe(before); // kept
    events.bumpSeq(id);
    expect(events.byCode(code)?.seq).toBe((before?.seq ?? 0) + 1);
    events.update(id, { title: "Renamed by code" });
    expect(events.byCode(code)?.title).toBe("Renamed by code");
    expect(events.byCode(code)).toEqual(events.byId(id));
  });

  it("never keep a code that named nothing, nor one inserted by a rolled-back transaction", () => {
    const events = server.ctx.repos.events;
    const model = events.byId(id);
    if (!model) throw new Error("no event row");
    const { id: _id, seq: _seq, ...copy } = model;
    // Links of its own: the copy must not answer for the first event's admin link or projector key.
    const row = { ...copy, admin_token_hash: hashSecret("kept-rows admin"), screen_key_hash: hashSecret("kept-rows screen") };
    expect(events.byCode("KEPT00")).toBeUndefined();
    expect(() =>
      server.db.transaction(() => {
        events.insert({ ...row, code: "KEPT01" });
        expect(events.byCode("KEPT01")?.code).toBe("KEPT01");
        throw new Error("refused");
      })(),
    ).toThrow("refused");
    expect(events.byCode("KEPT01")).toBeUndefined();
    // A miss read before the code existed is not answered from memory once it does.
    const inserted = events.insert({ ...row, code: "KEPT00" });
    expect(events.byCode("KEPT00")?.id).toBe(inserted);
  });

  it("cannot be changed by one caller for the next", () => {
    const row = server.ctx.repos.events.byId(id);
    expect(() => Object.assign(row ?? {}, { votes_per_area: 9 })).toThrow(TypeError);
    expect(server.ctx.repos.events.byId(id)?.votes_per_area).toBe(stored("votes_per_area").v);
  });
});

describe("kept participants, found by token", () => {
  it("are forgotten when a participant is removed", () => {
    const participants = server.ctx.repos.participants;
    const hash = hashSecret("kept-rows-token-1");
    const pid = participants.insert(id, null, "phone");
    participants.addToken(hash, pid);
    const found = participants.byToken(hash);
    expect(found?.id).toBe(pid);
    expect(participants.byToken(hash)).toBe(found); // kept
    participants.remove(pid);
    expect(participants.byToken(hash)).toBeUndefined();
  });

  it("never keep one a rolled-back transaction created", () => {
    const participants = server.ctx.repos.participants;
    const hash = hashSecret("kept-rows-token-2");
    expect(() =>
      server.db.transaction(() => {
        participants.addToken(hash, participants.insert(id, null, "phone"));
        expect(participants.byToken(hash)).toBeDefined();
        throw new Error("refused");
      })(),
    ).toThrow("refused");
    expect(participants.byToken(hash)).toBeUndefined();
  });

  it("cannot be changed by one caller for the next", () => {
    const participants = server.ctx.repos.participants;
    const hash = hashSecret("kept-rows-token-3");
    participants.addToken(hash, participants.insert(id, null, "phone"));
    const row = participants.byToken(hash);
    expect(() => Object.assign(row ?? {}, { event_id: 999 })).toThrow(TypeError);
    expect(participants.byToken(hash)?.event_id).toBe(id);
  });
});

describe("kept areas", () => {
  const storedStatus = () => (server.db.prepare("SELECT status FROM areas WHERE id = ?").get(areaId) as { status: string }).status;

  it("follow every write of the repo at once", () => {
    const areas = server.ctx.repos.areas;
    const before = areas.byId(areaId, id);
    expect(areas.byId(areaId, id)).toBe(before); // kept
    areas.setStatus(areaId, "open", new Date().toISOString());
    expect(areas.byId(areaId, id)?.status).toBe("open");
    areas.setClosesAt(areaId, "2030-01-01T10:30:00.000Z");
    expect(areas.byId(areaId, id)?.closes_at).toBe("2030-01-01T10:30:00.000Z");
    areas.setStatus(areaId, "closed", new Date().toISOString());
    expect(areas.byId(areaId, id)?.status).toBe(storedStatus());
    expect(areas.byId(areaId, id)?.closes_at).toBeNull();
  });

  it("answer only for their own event, kept or not", () => {
    const areas = server.ctx.repos.areas;
    expect(areas.byId(areaId, id)).toBeDefined();
    expect(areas.byId(areaId, id + 1000)).toBeUndefined();
  });

  it("never keep what a rolled-back transaction wrote", () => {
    const areas = server.ctx.repos.areas;
    const status = storedStatus();
    expect(() =>
      server.db.transaction(() => {
        areas.setStatus(areaId, "draft", new Date().toISOString());
        expect(areas.byId(areaId, id)?.status).toBe("draft");
        throw new Error("refused");
      })(),
    ).toThrow("refused");
    expect(areas.byId(areaId, id)?.status).toBe(status);
  });
});

describe("rows read inside a transaction", () => {
  it("are kept when the transaction has not written their table, as a group commit's ballots read their area", () => {
    const areas = server.ctx.repos.areas;
    areas.setTitle(areaId, "Kept inside"); // forgets
    const inside = server.db.transaction(() => {
      server.ctx.repos.events.bumpSeq(id); // another table's write does not count
      return areas.byId(areaId, id);
    })();
    expect(areas.byId(areaId, id)).toBe(inside);
    expect(inside?.title).toBe("Kept inside");
  });
});

describe("kept proposal ids of an area", () => {
  it("follow a proposal added or removed, and a rolled-back addition", () => {
    const proposals = server.ctx.repos.proposals;
    const ids = () => proposals.idsByArea(areaId).map((p) => p.id).sort();
    const before = ids();
    expect(proposals.idsByArea(areaId)).toBe(proposals.idsByArea(areaId)); // kept
    proposals.insert({ id: "p_kept_1", area_id: areaId, title: "Kept", body: "", position: 99 });
    expect(ids()).toEqual([...before, "p_kept_1"].sort());
    expect(() =>
      server.db.transaction(() => {
        proposals.insert({ id: "p_kept_2", area_id: areaId, title: "Undone", body: "", position: 100 });
        expect(ids()).toContain("p_kept_2");
        throw new Error("refused");
      })(),
    ).toThrow("refused");
    expect(ids()).not.toContain("p_kept_2");
    proposals.remove("p_kept_1");
    expect(ids()).toEqual(before);
    expect(() => (proposals.idsByArea(areaId) as Array<{ id: string }>).push({ id: "x" })).toThrow(TypeError);
  });
});

describe("after a transaction that wrote a table", () => {
  it("rows read in the next transactions are kept again", async () => {
    const areas = server.ctx.repos.areas;
    server.db.transaction(() => areas.setTitle(areaId, "Written inside"))();
    await new Promise((resolve) => setImmediate(resolve));
    const inside = server.db.transaction(() => areas.byId(areaId, id))();
    expect(areas.byId(areaId, id)).toBe(inside);
    expect(inside?.title).toBe("Written inside");
  });
});

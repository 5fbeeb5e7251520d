// Leak scan: a whole meeting with known secrets (admin token, screen key, participant tokens,
// ballot-card codes), every HTTP answer, every Socket.IO packet to phones, projector, organiser and
// public views, every export and every server log line captured and searched. No secret may appear
// anywhere but in the one answer that hands it out; nothing may tie a person or device to a
// choice; withheld counts stay withheld in public views and exports.
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateEventReply, Results } from "../../shared/schemas";
import { normalizeCode } from "../../shared/codes";
import { startServer, type TestServer } from "../helpers/app";
import { record, sleep, until, type Recorder } from "./fixtures/kit";

interface Captured {
  what: string;
  text: string;
  /** Secrets this one answer hands out (the create, join and invite replies). */
  allowed: Set<string>;
}

const captured: Captured[] = [];
const logLines: string[] = [];
const secrets = new Set<string>();
let server: TestServer;

async function http(method: string, path: string, opts: { token?: string; body?: unknown; hands?: (body: unknown) => string[] } = {}): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body === undefined ? {} : { "content-type": "application/json" }) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // exports
  }
  const lines: string[] = [];
  res.headers.forEach((v, k) => void lines.push(`${k}: ${v}`));
  const headers = lines.join("\n");
  const handed = opts.hands && res.status < 300 ? opts.hands(body) : [];
  captured.push({ what: `${method} ${path} -> ${res.status}`, text: `${headers}\n\n${text}`, allowed: new Set(handed) });
  return { status: res.status, body, text };
}

/** A socket that also keeps every raw Socket.IO packet it receives (handshake answers included). */
function listen(name: string, auth: unknown): Recorder & { packets: string[]; name: string } {
  const r = record(server.url, auth);
  const packets: string[] = [];
  r.socket.io.on("packet", (p: unknown) => void packets.push(JSON.stringify(p)));
  return { ...r, packets, name };
}

/** Every form a secret could leak in: as given, normalised, and as the hashes the database holds. */
function forms(secret: string): string[] {
  const hash = createHash("sha256").update(secret, "utf8").digest();
  return [secret, normalizeCode(secret), hash.toString("hex"), hash.toString("base64"), hash.toString("base64url")].filter((s) => s.length >= 8);
}

function leaksIn(text: string, allowed: Set<string>): string[] {
  const found: string[] = [];
  for (const s of secrets) {
    if (allowed.has(s)) continue;
    for (const f of forms(s)) if (text.includes(f) || text.toUpperCase().includes(f.toUpperCase()) && f === normalizeCode(s) && /^[A-Z0-9]{8}$/.test(f)) found.push(s);
  }
  return found;
}

const RESULT_KEYS = ["areas", "code", "participants", "seq", "voters"];
const AREA_RESULT_KEYS = ["id", "maxPerProposal", "maxVotes", "method", "results", "revealed", "status", "title", "voters", "withheld"];
const ROW_KEYS = ["label", "points", "proposalId", "rank", "title", "votes"];

/** Aggregates only: any extra field in a results payload could carry something per person. */
function expectOnlyAggregates(results: Results, where: string): void {
  expect(Object.keys(results).sort(), where).toEqual(RESULT_KEYS);
  for (const a of results.areas) {
    expect(Object.keys(a).sort(), where).toEqual(AREA_RESULT_KEYS);
    for (const r of a.results) expect(Object.keys(r).sort(), where).toEqual(ROW_KEYS);
  }
}

interface Meeting {
  code: string;
  adminToken: string;
  screenKey: string;
  areas: { x: string; y: string; z: string };
  proposals: { x: string[]; y: string[]; z: string[] };
  invites: string[];
  phones: string[];
  otherCode: string;
  questions: string[];
  /** A draft area W drafted through its editor link, open for the room's suggestions. */
  draft: { area: string; editor: string };
}

/** Each phone's comment starts with this: words only the JSON export may carry, never a screen. */
const COMMENT = "Private remark zq7 from phone ";
/** Each phone's suggestion starts with this; phones 0..3 send one each. */
const SUGGESTION = "Suggestion sq9 from phone ";

let meeting: Meeting;
let sockets: Array<ReturnType<typeof listen>> = [];

beforeAll(async () => {
  server = await startServer({
    resultsIntervalMs: 20,
    publicResultsIntervalMs: 40,
    logger: { level: "trace", stream: { write: (line: string) => void logLines.push(line) } },
  });

  const created = await http("POST", "/api/events", {
    body: {
      title: "Leak forum",
      access: "invite",
      resultsVisibility: "on-reveal",
      privacyThreshold: 3,
      areas: ["X", "Y", "Z"].map((t) => ({ title: t, maxVotes: 2, proposals: [0, 1, 2].map((i) => ({ title: `${t}${i}`, body: `About ${t}${i}` })) })),
    },
    hands: (b) => [(b as CreateEventReply).adminToken, (b as CreateEventReply).screenKey],
  });
  const reply = created.body as CreateEventReply;
  secrets.add(reply.adminToken);
  secrets.add(reply.screenKey);
  const [x, y, z] = reply.event.areas;
  const other = (await http("POST", "/api/events", { body: { title: "Other", areas: [{ title: "O", proposals: [{ title: "O0" }] }] }, hands: (b) => [(b as CreateEventReply).adminToken, (b as CreateEventReply).screenKey] })).body as CreateEventReply;
  secrets.add(other.adminToken);
  secrets.add(other.screenKey);
  meeting = {
    code: reply.event.code,
    adminToken: reply.adminToken,
    screenKey: reply.screenKey,
    areas: { x: x?.id ?? "", y: y?.id ?? "", z: z?.id ?? "" },
    proposals: { x: x?.proposals.map((p) => p.id) ?? [], y: y?.proposals.map((p) => p.id) ?? [], z: z?.proposals.map((p) => p.id) ?? [] },
    invites: [],
    phones: [],
    otherCode: other.event.code,
    questions: [],
    draft: { area: "", editor: "" },
  };
  const m = meeting;
  const invites = (await http("POST", `/api/events/${m.code}/invites`, { token: m.adminToken, body: { count: 10 }, hands: (b) => (b as { invites: string[] }).invites })).body as { invites: string[]; batchId: string };
  m.invites = invites.invites;
  for (const i of m.invites) secrets.add(i);
  // The batch's codes are handed out again to the admin (any tab may print them) until it is marked printed.
  const batch = `/api/events/${m.code}/invite-batches/${invites.batchId}`;
  await http("GET", batch, { token: m.adminToken, hands: (b) => (b as { invites: string[] }).invites });
  await http("GET", `/api/events/${m.code}/invite-batches`, { token: m.adminToken });
  await http("GET", batch, { token: m.screenKey });
  await http("GET", `/api/events/${m.otherCode}/invite-batches/${invites.batchId}`, { token: other.adminToken });

  sockets = [
    listen("public", { code: m.code }),
    listen("projector", { code: m.code, token: m.screenKey }),
    listen("organiser", { code: m.code, token: m.adminToken }),
  ];
  await http("POST", `/api/events/${m.code}/voting`, { token: m.adminToken, body: { status: "open" } });

  // Six phones join with cards 0..5; card 0 again from a second phone (lower case, no dash): same participant.
  for (let i = 0; i < 6; i++) {
    const joined = await http("POST", `/api/events/${m.code}/participants`, { body: { invite: m.invites[i] }, hands: (b) => [(b as { participantToken: string }).participantToken] });
    const token = (joined.body as { participantToken: string }).participantToken;
    secrets.add(token);
    m.phones.push(token);
  }
  const again = await http("POST", `/api/events/${m.code}/participants`, { body: { invite: normalizeCode(m.invites[0] ?? "").toLowerCase() }, hands: (b) => [(b as { participantToken: string }).participantToken] });
  const secondPhone = (again.body as { participantToken: string }).participantToken;
  secrets.add(secondPhone);
  for (const [i, token] of [...m.phones, secondPhone].entries()) sockets.push(listen(`phone ${i}`, { code: m.code, token }));
  for (const s of sockets) expect(await s.outcome, s.name).toBe("connected");

  // Secrets in the wrong places: in queries, paths and bodies, with the wrong event, as garbage tokens.
  await http("GET", `/api/events/${m.code}/results?token=${m.adminToken}&invite=${m.invites[6]}&key=${m.screenKey}`);
  await http("GET", `/api/events/${m.code}/ballot/${m.phones[1]}`, { token: m.phones[1] });
  await http("PUT", `/api/events/${m.code}/ballot/${m.areas.x}`, { token: m.phones[1], body: { proposalIds: [m.proposals.x[0]], token: m.phones[2] } });
  await http("POST", `/api/events/${m.otherCode}/participants`, { body: { invite: m.invites[7] } });
  await http("POST", `/api/events/${m.code}/participants`, { body: { invite: `${m.invites[8]}X` } });
  await http("GET", `/api/events/${m.code}/ballot`, { token: `${m.phones[3]}x` });
  await http("GET", `/api/events/${m.code}/invites`, { token: m.screenKey });
  await http("PATCH", `/api/events/${m.code}`, { token: m.phones[2], body: { title: m.adminToken } });

  // Votes: X has 2 voters (under the threshold of 3), Y has 4 and is not revealed, Z has 5 and is revealed.
  const castIn = async (area: string, ids: string[], phones: string[]) => {
    for (const [i, token] of phones.entries()) await http("PUT", `/api/events/${m.code}/ballot/${area}`, { token, body: { proposalIds: [ids[i % ids.length] ?? ""] } });
  };
  await castIn(m.areas.x, m.proposals.x, m.phones.slice(0, 2));
  await castIn(m.areas.y, m.proposals.y, m.phones.slice(0, 4));
  await castIn(m.areas.z, [m.proposals.z[0] ?? "", m.proposals.z[0] ?? "", m.proposals.z[1] ?? ""], m.phones.slice(0, 5));
  await http("PUT", `/api/events/${m.code}/ballot/${m.areas.y}`, { token: secondPhone, body: { proposalIds: [m.proposals.y[2]] } });
  await http("POST", `/api/events/${m.code}/paper-ballots`, { token: m.adminToken, body: { ballot: { [m.areas.z]: [m.proposals.z[2]] } } });
  await http("PATCH", `/api/events/${m.code}/areas/${m.areas.z}`, { token: m.adminToken, body: { revealed: true } });

  // The evaluation form: every phone answers, each with a comment of its own; one phone changes its mind.
  const form = (await http("PUT", `/api/events/${m.code}/feedback`, { token: m.adminToken, body: { status: "open", questions: [{ kind: "agree5", prompt: "Ideas?" }, { kind: "yesno", prompt: "Again?" }, { kind: "text", prompt: "Comments" }] } })).body as { feedback: { questions: Array<{ id: string }> } };
  const [qAgree, qYes, qText] = form.feedback.questions.map((q) => q.id) as [string, string, string];
  m.questions = [qAgree, qYes, qText];
  for (const [i, token] of m.phones.entries()) {
    await http("PUT", `/api/events/${m.code}/feedback/answers`, { token, body: { answers: { [qAgree]: 1 + (i % 5), [qYes]: i % 2 ? "yes" : "no", [qText]: `${COMMENT}${i}` } } });
  }
  await http("PUT", `/api/events/${m.code}/feedback/answers`, { token: m.phones[0], body: { answers: { [qAgree]: 5, [qText]: `${COMMENT}0` } } });
  await http("PUT", `/api/events/${m.code}/feedback/answers`, { token: m.phones[1], body: { answers: { [qAgree]: 3 }, participantToken: m.phones[2] } });
  for (const token of [undefined, m.phones[0], m.screenKey, m.adminToken]) {
    await http("GET", `/api/events/${m.code}/feedback`, { token });
    await http("GET", `/api/events/${m.code}/feedback/results`, { token });
  }
  for (const token of m.phones) await http("GET", `/api/events/${m.code}/feedback/answers`, { token });
  await http("PUT", `/api/events/${m.code}/feedback`, { token: m.adminToken, body: { status: "closed", questions: [{ id: qAgree, kind: "agree5", prompt: "Ideas?" }, { id: qYes, kind: "yesno", prompt: "Again?" }, { id: qText, kind: "text", prompt: "Comments" }] } });
  await http("GET", `/api/events/${m.code}/feedback/results`);

  // Before a late vote (issue 13): area W drafted through its editor link, and the room's suggestions —
  // one accepted by the editor, one merged and one rejected by the organiser, one left pending.
  const w = (await http("POST", `/api/events/${m.code}/areas`, { token: m.adminToken, body: { title: "W", proposals: [{ title: "W0" }] } })).body as { area: { id: string; proposals: Array<{ id: string }> } };
  m.draft.area = w.area.id;
  const editorKey = ((await http("POST", `/api/events/${m.code}/areas/${w.area.id}/editor-key`, { token: m.adminToken, hands: (b) => [(b as { editorKey: string }).editorKey] })).body as { editorKey: string }).editorKey;
  secrets.add(editorKey);
  m.draft.editor = editorKey;
  await http("POST", `/api/events/${m.code}/areas/${w.area.id}/proposals`, { token: editorKey, body: { title: "W1 by the group" } });
  await http("PATCH", `/api/events/${m.code}/areas/${w.area.id}`, { token: m.adminToken, body: { suggestions: "open" } });
  const sent: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await http("POST", `/api/events/${m.code}/areas/${w.area.id}/suggestions`, { token: m.phones[i], body: { title: `${SUGGESTION}${i}` } });
    sent.push((r.body as { suggestion: { id: string } }).suggestion.id);
  }
  await http("POST", `/api/events/${m.code}/suggestions/${sent[0]}/accept`, { token: editorKey });
  await http("POST", `/api/events/${m.code}/suggestions/${sent[1]}/accept`, { token: m.adminToken, body: { mergeInto: w.area.proposals[0]?.id } });
  await http("POST", `/api/events/${m.code}/suggestions/${sent[2]}/reject`, { token: m.adminToken });
  for (const token of [m.adminToken, editorKey, m.screenKey, ...m.phones]) await http("GET", `/api/events/${m.code}/suggestions`, { token });
  await http("GET", `/api/events/${m.code}/suggestions`, { token: `${editorKey}x` });

  // Every view and export, as each kind of caller.
  for (const token of [undefined, m.phones[0], m.screenKey, m.adminToken]) {
    await http("GET", `/api/events/${m.code}`, { token });
    await http("GET", `/api/events/${m.code}/results`, { token });
  }
  for (const token of m.phones) await http("GET", `/api/events/${m.code}/ballot`, { token });
  await http("GET", `/api/events/${m.code}/invites`, { token: m.adminToken });
  await http("GET", batch, { token: m.phones[0] });
  await http("POST", `${batch}/void`, { token: m.phones[0] });
  // Printed: the codes are erased from the database (the file scan below proves it) and not served again.
  await http("POST", `${batch}/printed`, { token: m.adminToken });
  await http("GET", batch, { token: m.adminToken });
  await http("GET", `/api/events/${m.code}/invite-batches`, { token: m.adminToken });
  for (const format of ["csv", "json", "md", "json", "json"]) await http("GET", `/api/events/${m.code}/export?format=${format}`, { token: m.adminToken });
  await http("GET", "/openapi.json");
  await http("GET", "/api/server-info");

  // Let the coalesced snapshots reach every socket.
  const settled = (s: Recorder) => s.frames.some((f) => f.name === "results" && (f.payload as Results).areas.some((a) => a.id === m.areas.z && a.revealed));
  await until(() => sockets.every(settled), "all sockets saw the reveal");
  await sleep(150);
  for (const s of sockets) s.close();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("secrets never leave through the wrong door", () => {
  it("captured something on every channel (the scan is not vacuous)", () => {
    expect(captured.length).toBeGreaterThan(50);
    expect(sockets.every((s) => s.packets.length > 2)).toBe(true);
    expect(logLines.length).toBeGreaterThan(50);
    // two events' admin tokens and screen keys, ten cards, seven phone tokens, one editor link
    expect(secrets.size).toBe(4 + 10 + 7 + 1);
  });

  it("no HTTP answer carries a secret it did not hand out, nor a hash of one", () => {
    for (const c of captured) expect(leaksIn(c.text, c.allowed), c.what).toEqual([]);
  });

  it("no Socket.IO packet to any phone, projector, organiser or public socket carries a secret", () => {
    for (const s of sockets) for (const p of s.packets) expect(leaksIn(p, new Set()), `${s.name}: ${p.slice(0, 120)}`).toEqual([]);
  });

  it("no server log line carries a secret (trace level, every request logged)", () => {
    for (const line of logLines) expect(leaksIn(line, new Set()), line.slice(0, 200)).toEqual([]);
    expect(logLines.some((l) => l.includes("/ballot/"))).toBe(true);
  });

  it("the database file holds hashes, never a token or card code (the batch was marked printed)", () => {
    const files = [server.databaseFile, `${server.databaseFile}-wal`].filter(existsSync);
    const raw = files.map((f) => readFileSync(f).toString("latin1")).join("");
    for (const s of secrets) {
      expect(raw.includes(s), "raw secret in the database").toBe(false);
      expect(raw.includes(normalizeCode(s)), "raw card code in the database").toBe(false);
    }
  });
});

describe("nothing ties a person or device to a choice", () => {
  it("results, on every channel, are aggregates only", () => {
    for (const c of captured.filter((x) => /\/results(\?|\s)/.test(x.what) && !x.what.includes("/feedback/") && x.what.endsWith("200"))) {
      expectOnlyAggregates(JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as Results, c.what);
    }
    for (const s of sockets) for (const f of s.frames.filter((x) => x.name === "results")) expectOnlyAggregates(f.payload as Results, s.name);
  });

  it("the form's results are aggregates only, over HTTP and on the sockets", () => {
    const only = (r: Record<string, unknown>, where: string) => {
      expect(Object.keys(r).sort(), where).toEqual(["questions", "respondents", "status", "withheld"]);
      for (const q of r.questions as Array<Record<string, unknown>>) {
        expect(Object.keys(q).filter((k) => k !== "options").sort(), where).toEqual(["agreedShare", "answered", "counts", "id", "kind", "prompt"]);
      }
    };
    const http = captured.filter((x) => x.what.includes("/feedback/results") && x.what.endsWith("200"));
    expect(http.length).toBeGreaterThanOrEqual(5);
    for (const c of http) only(JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as Record<string, unknown>, c.what);
    const pushed = sockets.flatMap((s) => s.frames.filter((f) => f.name === "feedbackResults").map((f) => ({ s, f })));
    expect(pushed.length).toBeGreaterThan(0);
    for (const { s, f } of pushed) {
      expect(["projector", "organiser"], s.name).toContain(s.name);
      only(f.payload as Record<string, unknown>, s.name);
    }
  });

  it("comments reach only their author's own reply and the admin's JSON export, unsigned", () => {
    for (const c of captured) {
      if (!c.text.includes(COMMENT)) continue;
      const own = /\/feedback\/answers -> 200$/.test(c.what);
      const jsonExport = c.what.includes("/export?format=json") && c.what.endsWith("200");
      expect(own || jsonExport, c.what).toBe(true);
      if (own) expect(c.text.split(COMMENT).length - 1, c.what).toBeLessThanOrEqual(1);
      if (jsonExport) {
        const file = JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as { feedback: { comments: Array<Record<string, unknown>> } };
        expect(file.feedback.comments.map((x) => Object.keys(x).sort().join())).toEqual(meeting.phones.map(() => "questionId,text"));
        // Per comment, nothing but its question: no participant, token, card or time beside it.
        const around = JSON.stringify(file.feedback);
        for (const t of meeting.phones) expect(around.includes(t)).toBe(false);
      }
    }
    for (const s of sockets) for (const p of s.packets) expect(p.includes(COMMENT), s.name).toBe(false);
    for (const line of logLines) expect(line.includes(COMMENT), line.slice(0, 200)).toBe(false);
  });

  it("suggestions name no one: a phone sees only its own, moderators see them unsigned, sockets and exports never say whose", () => {
    const lists = captured.filter((c) => c.what === `GET /api/events/${meeting.code}/suggestions -> 200`);
    expect(lists.length).toBe(2 + meeting.phones.length);
    const marks = (text: string) => [...text.matchAll(new RegExp(`${SUGGESTION}(\\d)`, "g"))].map((x) => Number(x[1]));
    const [admin, editor, ...phones] = lists;
    // The organiser and the area's editor: every suggestion, with the contract's fields only.
    for (const c of [admin, editor]) {
      expect(marks(c?.text ?? "").sort(), c?.what).toEqual([0, 1, 2, 3]);
      const body = JSON.parse(c?.text.split("\n\n").slice(1).join("\n\n") ?? "{}") as { suggestions: Array<Record<string, unknown>> };
      for (const s of body.suggestions) expect(Object.keys(s).sort()).toEqual(["areaId", "body", "createdAt", "id", "proposalId", "status", "title"]);
    }
    // A phone: its own one (phones 0..3) or none, whatever became of it.
    for (const [i, c] of phones.entries()) expect(marks(c.text), `phone ${i}`).toEqual(i < 4 ? [i] : []);
    // The projector's key is refused; the accepted one became a proposal like any other.
    expect(captured.some((c) => c.what === `GET /api/events/${meeting.code}/suggestions -> 403`)).toBe(true);
    // Sockets carry the programme (the accepted suggestion is a proposal now) and a count, never a
    // pending or rejected suggestion nor a link to its phone.
    for (const s of sockets) {
      const text = s.packets.join("\n");
      expect(marks(text).filter((n) => n !== 0), s.name).toEqual([]);
      for (const p of s.packets.filter((x) => x.includes('["suggestions",'))) expect(p, s.name).toMatch(/^\{"type":2,"nsp":"\/","data":\["suggestions",\{"pending":\d+\}\]\}$/);
    }
    // The count reaches the organiser and the projector, and no phone.
    const counted = (name: string) => sockets.find((x) => x.name === name)?.packets.some((p) => p.includes('["suggestions",'));
    expect([counted("organiser"), counted("projector"), counted("public"), counted("phone 0")]).toEqual([true, true, false, false]);
    // Exports: the programme's proposals with their origin, no suggestion that did not become one.
    for (const c of captured.filter((x) => x.what.includes("/export?format="))) {
      expect(marks(c.text).filter((n) => n !== 0), c.what).toEqual([]);
      expect(c.text, c.what).not.toMatch(/participant_?id|suggestedBy|author/i);
    }
  });

  it("logs say which route was called, never which proposal anyone chose", () => {
    const proposalIds = [...meeting.proposals.x, ...meeting.proposals.y, ...meeting.proposals.z];
    for (const line of logLines) for (const id of proposalIds) expect(line.includes(id), line.slice(0, 200)).toBe(false);
  });

  it("a phone's socket hears only its own ballot; everyone else hears none", () => {
    for (const s of sockets) {
      const ballots = s.frames.filter((f) => f.name === "ballot");
      if (!s.name.startsWith("phone")) expect(ballots, s.name).toEqual([]);
    }
    // Phone 1 voted X0, Y1 and Z0; phone 2 voted only in Y and Z: it never hears X0 as a ballot.
    const phone2 = sockets.find((s) => s.name === "phone 2");
    for (const f of phone2?.frames.filter((x) => x.name === "ballot") ?? []) {
      expect(((f.payload as { ballot: Record<string, string[]> }).ballot[meeting.areas.x] ?? []).length, "phone 2 never voted in X").toBe(0);
    }
  });

  it("the JSON export lists ballots with no participant, card or token, in shuffled order", async () => {
    const exports = captured.filter((c) => c.what.includes("format=json"));
    expect(exports.length).toBe(3);
    const orders = exports.map((c) => {
      const data = JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as { ballots: Array<Record<string, unknown>> };
      for (const b of data.ballots) expect(Object.keys(b).sort()).toEqual(["areaId", "proposalIds"]);
      return data.ballots.map((b) => JSON.stringify(b));
    });
    // Y (4 phones + the second phone's card, i.e. still 4 people) and Z (5 phones + 1 paper): X is withheld.
    expect(orders[0]?.length).toBe(4 + 6);
    expect(new Set(orders.map((o) => JSON.stringify([...o].sort()))).size).toBe(1);
    // Not the order people voted in (three shuffles of ten entries agreeing by chance: about 1 in 10^13).
    expect(new Set(orders.map((o) => JSON.stringify(o))).size).toBeGreaterThan(1);
  });
});

describe("withheld counts stay withheld", () => {
  const area = (r: Results, id: string) => r.areas.find((a) => a.id === id);

  function expectWithheld(r: Results, id: string, where: string, organiserOrder: string[]): void {
    const a = area(r, id);
    expect(a?.withheld, where).toBe(true);
    expect(a?.results.map((x) => [x.votes, x.rank]), where).toEqual(organiserOrder.map(() => [null, null]));
    // Not even the order of the rows gives the ranking away.
    expect(a?.results.map((x) => x.proposalId), where).toEqual(organiserOrder);
  }

  it("public views: under the threshold (X) and not yet revealed (Y) are withheld; revealed Z is shown", () => {
    const publicViews: Array<[string, Results]> = [];
    const anon = captured.filter((c) => c.what.startsWith(`GET /api/events/${meeting.code}/results -> 200`));
    expect(anon.length).toBe(4);
    // The first two are anonymous and a phone's (see beforeAll's order); the last two are privileged.
    for (const c of anon.slice(0, 2)) publicViews.push([c.what, JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as Results]);
    for (const s of sockets.filter((x) => x.name === "public" || x.name.startsWith("phone"))) {
      const last = s.frames.filter((f) => f.name === "results").at(-1);
      publicViews.push([s.name, last?.payload as Results]);
    }
    for (const [where, r] of publicViews) {
      expectWithheld(r, meeting.areas.x, where, meeting.proposals.x);
      expectWithheld(r, meeting.areas.y, where, meeting.proposals.y);
      // Z0 was chosen by phones 0, 1, 3 and 4.
      expect(area(r, meeting.areas.z)?.results.find((x) => x.proposalId === meeting.proposals.z[0])?.votes, where).toBe(4);
    }
    // Every results frame a public or phone socket ever got kept X and Y withheld, not just the last.
    for (const s of sockets.filter((x) => x.name === "public" || x.name.startsWith("phone"))) {
      for (const f of s.frames.filter((x) => x.name === "results")) {
        expectWithheld(f.payload as Results, meeting.areas.x, s.name, meeting.proposals.x);
        expectWithheld(f.payload as Results, meeting.areas.y, s.name, meeting.proposals.y);
      }
    }
  });

  it("projector and organiser: the threshold still withholds X; Y's counts are theirs to see", () => {
    const privileged = captured.filter((c) => c.what.startsWith(`GET /api/events/${meeting.code}/results -> 200`)).slice(2).map((c) => JSON.parse(c.text.split("\n\n").slice(1).join("\n\n")) as Results);
    for (const s of sockets.filter((x) => x.name === "projector" || x.name === "organiser")) privileged.push(s.frames.filter((f) => f.name === "results").at(-1)?.payload as Results);
    for (const r of privileged) {
      expectWithheld(r, meeting.areas.x, "privileged", meeting.proposals.x);
      expect(area(r, meeting.areas.y)?.withheld).toBe(false);
      // Four people voted once each in Y (card 0's second phone changed card 0's vote, it added none).
      expect(area(r, meeting.areas.y)?.results.reduce((n, x) => n + (x.votes ?? 0), 0)).toBe(4);
    }
  });

  it("exports: X is withheld in CSV, JSON (results and ballots) and Markdown", () => {
    const body = (what: string) => {
      const c = captured.find((x) => x.what.includes(`format=${what}`));
      return c?.text.split("\n\n").slice(1).join("\n\n") ?? "";
    };
    const csvX = body("csv").split("\r\n").filter((line) => line.startsWith("X,"));
    expect(csvX.length).toBe(3);
    // rank, votes, share and points empty; label, the full text (API 1.1) and the method are no counts.
    for (const line of csvX) expect(line).toMatch(/^X,,X\d,,,X-\d,"X\d\n\nAbout X\d",approval,$/);
    const json = JSON.parse(body("json")) as { results: Results; ballots: Array<{ areaId: string }> };
    expectWithheld(json.results, meeting.areas.x, "json export", meeting.proposals.x);
    expect(json.ballots.some((b) => b.areaId === meeting.areas.x)).toBe(false);
    const md = body("md");
    const xSection = md.split("### X")[1]?.split("###")[0] ?? "";
    expect(xSection).toMatch(/withheld/i);
    expect(xSection).not.toMatch(/\bvotes?\b.*\d|\| \d/);
  });
});

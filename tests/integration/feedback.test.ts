// The evaluation form (API 1.1): the forum's template on the demo event, the organiser's form,
// answers replaced until the form closes (FORM_CLOSED after), bad answers refused with nothing
// stored, the share that agreed for every kind against a recount of random answers, the privacy
// threshold, the exports, and the pushes to phones and the projector.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlenaryApp } from "../../server/app";
import { createDemoEvent } from "../../server/demo";
import type { Event, Feedback, FeedbackResults } from "../../shared/schemas";
import { startServer, type TestServer } from "../helpers/app";
import { call, expectStatus, joinEvent, memoryApp, record, seedEvent, smallProgramme, until, type Seeded } from "./fixtures/kit";
import { dumpDb } from "./support";

let plenary: PlenaryApp;
beforeAll(async () => {
  plenary = await memoryApp();
});
afterAll(async () => {
  await plenary.app.close();
});

const FORM = [
  { kind: "agree5", prompt: "I gained new ideas." },
  { kind: "useful4", prompt: "How useful was it?" },
  { kind: "yesno", prompt: "Would you come again?" },
  { kind: "choice", prompt: "Best session?", options: ["Morning", "Afternoon", "Evening"] },
  { kind: "text", prompt: "Anything else?" },
] as const;

async function withForm(status: "draft" | "open" | "closed" = "open", over: Partial<Parameters<typeof smallProgramme>[0]> = {}): Promise<Seeded & { form: Feedback; q: string[] }> {
  const s = await seedEvent(plenary.app, smallProgramme(over));
  const res = await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status, questions: FORM } }), 200, "put form");
  const form = (res.body as { feedback: Feedback }).feedback;
  return { ...s, form, q: form.questions.map((q) => q.id) };
}

const answer = (code: string, token: string, answers: Record<string, unknown>) => call(plenary.app, "PUT", `/api/events/${code}/feedback/answers`, { token, body: { answers } });
const resultsOf = async (code: string, token?: string) =>
  (await expectStatus(call(plenary.app, "GET", `/api/events/${code}/feedback/results`, token ? { token } : {}), 200)).body as FeedbackResults;

describe("the form", () => {
  it("the demo event offers the forum's template: its three statements and a comment, as a draft", async () => {
    const created = createDemoEvent(plenary.ctx);
    const res = await expectStatus(call(plenary.app, "GET", `/api/events/${created.event.code}/feedback`), 200);
    const { feedback } = res.body as { feedback: Feedback };
    expect(feedback.status).toBe("draft");
    expect(feedback.questions.map((q) => q.kind)).toEqual(["agree5", "useful4", "agree5", "text"]);
    expect(feedback.questions[0]?.prompt).toMatch(/new ideas about drug policy/);
    expect(feedback.questions[2]?.prompt).toMatch(/put ideas from the event to use/);
    const event = (await call(plenary.app, "GET", `/api/events/${created.event.code}`)).body as { event: Event };
    expect(event.event.feedbackStatus).toBe("draft");
  });

  it("assigns ids, keeps them on edit, and tells everyone its status", async () => {
    const s = await withForm("draft");
    expect(s.q).toHaveLength(5);
    expect(new Set(s.q).size).toBe(5);
    expect(s.form.questions[3]?.options).toEqual(["Morning", "Afternoon", "Evening"]);
    expect(s.form.questions[0]).not.toHaveProperty("options");
    const edited = FORM.map((q, i) => ({ ...q, id: s.q[i], prompt: `${q.prompt} (v2)` })).reverse();
    const res = await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "open", questions: edited } }), 200);
    const after = (res.body as { feedback: Feedback }).feedback;
    expect(after.questions.map((q) => q.id)).toEqual([...s.q].reverse());
    expect(after.questions.every((q) => q.prompt.endsWith("(v2)"))).toBe(true);
    expect(((await call(plenary.app, "GET", `/api/events/${s.code}`)).body as { event: Event }).event.feedbackStatus).toBe("open");
    // Anyone reads the form, never its answers.
    const publicView = (await call(plenary.app, "GET", `/api/events/${s.code}/feedback`)).text;
    expect(publicView).not.toMatch(/answer|count/i);
  });

  it("refuses bad forms with the API's codes and changes nothing", async () => {
    const s = await withForm("open");
    const p = await joinEvent(plenary.app, s.code);
    await expectStatus(answer(s.code, p, { [s.q[0] ?? ""]: 4 }), 200);
    const before = dumpDb(plenary.db);
    const bad: Array<[unknown, number, string]> = [
      [{ status: "open", questions: [{ kind: "choice", prompt: "One", options: ["only"] }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: [{ kind: "agree5", prompt: "X", options: ["a", "b"] }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: [{ id: "fq_unknown", kind: "agree5", prompt: "X" }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: [{ kind: "stars", prompt: "X" }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: [{ kind: "agree5", prompt: "   " }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: [{ kind: "agree5", prompt: "x".repeat(501) }] }, 400, "BAD_REQUEST"],
      [{ status: "open", questions: Array.from({ length: 21 }, () => ({ kind: "yesno", prompt: "Y" })) }, 400, "BAD_REQUEST"],
      [{ status: "paused", questions: [] }, 400, "BAD_REQUEST"],
      // The answered question may not go, nor change its kind.
      [{ status: "open", questions: [] }, 409, "NOT_ALLOWED"],
      [{ status: "open", questions: FORM.map((q, i) => (i === 0 ? { id: s.q[0], kind: "yesno", prompt: q.prompt } : { ...q, id: s.q[i] })) }, 409, "NOT_ALLOWED"],
    ];
    for (const [body, status, code] of bad) {
      const res = await call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body });
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(status);
      expect((res.body as { error: { code: string } }).error.code).toBe(code);
    }
    expect(dumpDb(plenary.db)).toEqual(before);
    // Its prompt may still be corrected.
    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "open", questions: FORM.map((q, i) => ({ ...q, id: s.q[i], prompt: i === 0 ? "I gained new ideas (typo fixed)." : q.prompt })) } }), 200);
  });
});

describe("answers", () => {
  it("are replaced whole while the form is open, read back by their author only, and refused once it closes", async () => {
    const s = await withForm("draft");
    const [agree, useful, yesno, choice, text] = s.q as [string, string, string, string, string];
    const p = await joinEvent(plenary.app, s.code);
    const draft = await answer(s.code, p, { [agree]: 5 });
    expect(draft.status).toBe(409);
    expect((draft.body as { error: { code: string } }).error.code).toBe("FORM_CLOSED");
    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "open", questions: FORM.map((q, i) => ({ ...q, id: s.q[i] })) } }), 200);

    const first = await expectStatus(answer(s.code, p, { [agree]: 5, [useful]: 1, [yesno]: "no", [choice]: 2, [text]: "  Thanks!  " }), 200);
    expect((first.body as { answers: unknown }).answers).toEqual({ [agree]: 5, [useful]: 1, [yesno]: "no", [choice]: 2, [text]: "Thanks!" });
    // Replacement: the left-out questions become unanswered.
    await expectStatus(answer(s.code, p, { [agree]: 2, [yesno]: "yes" }), 200);
    const own = await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}/feedback/answers`, { token: p }), 200);
    expect((own.body as { answers: unknown }).answers).toEqual({ [agree]: 2, [yesno]: "yes" });
    const other = await joinEvent(plenary.app, s.code);
    expect(((await call(plenary.app, "GET", `/api/events/${s.code}/feedback/answers`, { token: other })).body as { answers: unknown }).answers).toEqual({});

    const r = await resultsOf(s.code, s.adminToken);
    expect(r.respondents).toBe(1);
    expect(r.questions.map((q) => q.counts)).toEqual([[0, 1, 0, 0, 0], [0, 0, 0, 0], [0, 1], [0, 0, 0], [0]]);

    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "closed", questions: FORM.map((q, i) => ({ ...q, id: s.q[i] })) } }), 200);
    const before = dumpDb(plenary.db);
    for (const token of [p, other]) {
      const closed = await answer(s.code, token, { [agree]: 4 });
      expect(closed.status).toBe(409);
      expect((closed.body as { error: { code: string } }).error.code).toBe("FORM_CLOSED");
    }
    expect(dumpDb(plenary.db)).toEqual(before);
  });

  it("refuses an unknown question, a value out of its scale or a text over its limit, and stores nothing", async () => {
    const s = await withForm("open");
    const [agree, useful, yesno, choice, text] = s.q as [string, string, string, string, string];
    const other = await withForm("open");
    const p = await joinEvent(plenary.app, s.code);
    await expectStatus(answer(s.code, p, { [agree]: 3, [text]: "kept" }), 200);
    const before = dumpDb(plenary.db);
    const bad: Array<Record<string, unknown>> = [
      { fq_nothere: 3 },
      { [other.q[0] ?? ""]: 3 },
      { [s.areaIds[0] ?? ""]: 3 },
      { [agree]: 0 }, { [agree]: 6 }, { [agree]: 2.5 }, { [agree]: "4" },
      { [useful]: 5 }, { [useful]: 0 },
      { [yesno]: "maybe" }, { [yesno]: 1 }, { [yesno]: "YES" },
      { [choice]: 3 }, { [choice]: -1 }, { [choice]: "Morning" },
      { [text]: "x".repeat(1001) }, { [text]: "" }, { [text]: "   " }, { [text]: 5 }, { [text]: "bell\u0007" },
      // One bad answer among good ones: the whole request is refused.
      { [agree]: 5, [useful]: 4, [choice]: 9 },
    ];
    for (const answers of bad) {
      const res = await answer(s.code, p, answers);
      expect(res.status, JSON.stringify(answers).slice(0, 80)).toBe(400);
      expect((res.body as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
    const raw = await call(plenary.app, "PUT", `/api/events/${s.code}/feedback/answers`, { token: p, body: { answers: { [agree]: 3 }, participantId: 1 } });
    expect(raw.status).toBe(400);
    expect(dumpDb(plenary.db)).toEqual(before);
    // The limit itself is accepted.
    await expectStatus(answer(s.code, p, { [text]: "é".repeat(1000) }), 200);
  });

  it("the share that agreed, for every kind, matches a recount of random answers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record(
            { agree5: fc.integer({ min: 1, max: 5 }), useful4: fc.integer({ min: 1, max: 4 }), yesno: fc.constantFrom("yes", "no"), choice: fc.integer({ min: 0, max: 2 }), text: fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim().length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(t)) },
            { requiredKeys: [] },
          ),
          { minLength: 0, maxLength: 14 },
        ),
        async (people) => {
          const s = await withForm("open");
          const ids = Object.fromEntries(FORM.map((q, i) => [q.kind, s.q[i] ?? ""]));
          for (const person of people) {
            const token = await joinEvent(plenary.app, s.code);
            const answers: Record<string, unknown> = Object.fromEntries(Object.entries(person).map(([kind, v]) => [ids[kind], v as unknown]));
            await expectStatus(answer(s.code, token, answers), 200);
          }
          const r = await resultsOf(s.code, s.adminToken);
          expect(r.respondents).toBe(people.filter((p) => Object.keys(p).length > 0).length);
          const byKind = new Map(r.questions.map((q) => [q.kind, q]));
          const recount = (kind: keyof (typeof people)[number], agreeing: (v: unknown) => boolean) => {
            const given = people.map((p) => p[kind]).filter((v) => v !== undefined);
            return { answered: given.length, share: given.length === 0 ? null : given.filter(agreeing).length / given.length };
          };
          const expected = {
            agree5: recount("agree5", (v) => (v as number) >= 4),
            useful4: recount("useful4", (v) => (v as number) >= 3),
            yesno: recount("yesno", (v) => v === "yes"),
          };
          for (const [kind, e] of Object.entries(expected)) {
            const q = byKind.get(kind as "agree5");
            expect(q?.answered, kind).toBe(e.answered);
            if (e.share === null) expect(q?.agreedShare, kind).toBeNull();
            else expect(q?.agreedShare, kind).toBeCloseTo(e.share, 12);
          }
          // Counts per slot, for every kind, against the recount.
          const slots = (kind: "agree5" | "useful4" | "choice", n: number, offset: number) =>
            Array.from({ length: n }, (_, i) => people.filter((p) => p[kind] === i + offset).length);
          expect(byKind.get("agree5")?.counts).toEqual(slots("agree5", 5, 1));
          expect(byKind.get("useful4")?.counts).toEqual(slots("useful4", 4, 1));
          expect(byKind.get("choice")?.counts).toEqual(slots("choice", 3, 0));
          expect(byKind.get("yesno")?.counts).toEqual([people.filter((p) => p.yesno === "no").length, people.filter((p) => p.yesno === "yes").length]);
          expect(byKind.get("text")?.counts).toEqual([people.filter((p) => p.text !== undefined).length]);
          expect(byKind.get("choice")?.agreedShare).toBeNull();
          expect(byKind.get("text")?.agreedShare).toBeNull();
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("results", () => {
  it("withhold counts under the event's privacy threshold from everyone, and from the room until the form closes", async () => {
    const s = await withForm("open", { privacyThreshold: 3 });
    const [agree] = s.q as [string];
    const phones = [await joinEvent(plenary.app, s.code), await joinEvent(plenary.app, s.code), await joinEvent(plenary.app, s.code)];
    for (const token of phones.slice(0, 2)) await expectStatus(answer(s.code, token, { [agree]: 5 }), 200);
    for (const token of [s.adminToken, s.screenKey, undefined, phones[0]]) {
      const r = await resultsOf(s.code, token);
      expect(r.withheld).toBe(true);
      expect(r.questions.every((q) => q.counts === null && q.agreedShare === null && q.answered === null)).toBe(true);
    }
    await expectStatus(answer(s.code, phones[2] ?? "", { [agree]: 4 }), 200);
    for (const token of [s.adminToken, s.screenKey]) {
      const r = await resultsOf(s.code, token);
      expect(r.withheld).toBe(false);
      expect(r.questions[0]?.counts).toEqual([0, 0, 0, 1, 2]);
      expect(r.questions[0]?.agreedShare).toBe(1);
    }
    // The room (and the phones) see them only once the form is closed.
    for (const token of [undefined, phones[0]]) expect((await resultsOf(s.code, token)).withheld).toBe(true);
    await expectStatus(call(plenary.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status: "closed", questions: FORM.map((q, i) => ({ ...q, id: s.q[i] })) } }), 200);
    for (const token of [undefined, phones[0]]) expect((await resultsOf(s.code, token)).questions[0]?.counts).toEqual([0, 0, 0, 1, 2]);
    // Another event's screen key is no key here.
    const other = await withForm("open");
    expect((await call(plenary.app, "GET", `/api/events/${s.code}/feedback/results`, { token: other.screenKey })).status).toBe(401);
  });
});

describe("exports", () => {
  it("the report ends with the evaluation in its own words, the CSV has its rows, comments only in the JSON, shuffled", async () => {
    const s = await withForm("open");
    const [agree, useful, yesno, choice, text] = s.q as [string, string, string, string, string];
    // 10 respondents: 9 agree, 9 find it useful, all would come again; 3 leave a comment.
    for (let i = 0; i < 10; i++) {
      const token = await joinEvent(plenary.app, s.code);
      const answers: Record<string, unknown> = { [agree]: i === 0 ? 2 : 4 + (i % 2), [useful]: i === 0 ? 2 : 3 + (i % 2), [yesno]: "yes", [choice]: i % 3 };
      if (i < 3) answers[text] = `Comment number ${i} =cmd`;
      await expectStatus(answer(s.code, token, answers), 200);
    }
    const file = async (format: string) => (await expectStatus(call(plenary.app, "GET", `/api/events/${s.code}/export?format=${format}`, { token: s.adminToken }), 200)).text;
    const md = await file("md");
    const evaluation = md.slice(md.indexOf("## Evaluation by the participants"));
    expect(md.indexOf("## Evaluation by the participants")).toBeGreaterThan(md.indexOf("## Turnout"));
    expect(evaluation).toContain("10 participants answered the evaluation form.");
    expect(evaluation).toContain("- 90% of respondents agreed: I gained new ideas.");
    expect(evaluation).toContain("- 90% of respondents rated it extremely or quite useful: How useful was it?");
    expect(evaluation).toContain("- All respondents answered yes: Would you come again?");
    expect(evaluation).toContain("Best session? — Morning: 4; Afternoon: 3; Evening: 3");
    expect(evaluation).toContain("comments received: 3");
    const csv = await file("csv");
    const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n").filter((l) => l.startsWith("feedback,"));
    expect(rows).toContain("feedback,4,I gained new ideas.,4,0.4,agree5:4,Agree,,");
    expect(rows).toContain("feedback,,I gained new ideas.,9,0.9,agree5:agreed,,,");
    expect(rows).toContain("feedback,2,Would you come again?,10,1,yesno:yes,Yes,,");
    expect(rows).toContain("feedback,1,Best session?,4,0.4,choice:0,Morning,,");
    expect(rows).toContain("feedback,,Anything else?,3,,text:comments,,,");
    for (const other of [md, csv]) expect(other).not.toContain("Comment number");
    // Comments: only in the JSON, and not in the order they were written (every order across runs).
    const orders = new Set<string>();
    for (let run = 0; run < 30; run++) {
      const json = JSON.parse(await file("json")) as { feedback: { comments: Array<Record<string, unknown>>; results: FeedbackResults } };
      expect(json.feedback.comments).toHaveLength(3);
      for (const c of json.feedback.comments) expect(Object.keys(c).sort()).toEqual(["questionId", "text"]);
      orders.add(json.feedback.comments.map((c) => String(c.text).slice(15, 16)).join(""));
      expect(json.feedback.results.questions[0]?.agreedShare).toBeCloseTo(0.9, 12);
    }
    expect(orders.size).toBeGreaterThan(1);
    // Never on a screen: the results carry counts, never words.
    for (const token of [s.adminToken, s.screenKey]) expect(JSON.stringify(await resultsOf(s.code, token))).not.toContain("Comment number");
  });

  it("withheld under the threshold, the report says so and the exports carry no counts nor comments", async () => {
    const s = await withForm("open", { privacyThreshold: 5 });
    const token = await joinEvent(plenary.app, s.code);
    await expectStatus(answer(s.code, token, { [s.q[0] ?? ""]: 5, [s.q[4] ?? ""]: "a lonely comment" }), 200);
    const md = (await call(plenary.app, "GET", `/api/events/${s.code}/export?format=md`, { token: s.adminToken })).text;
    expect(md).toContain("The evaluation is withheld: fewer than 5 participants answered");
    expect(md).not.toMatch(/respondents agreed/);
    const csv = (await call(plenary.app, "GET", `/api/events/${s.code}/export?format=csv`, { token: s.adminToken })).text;
    expect(csv).not.toContain("feedback,");
    const json = (await call(plenary.app, "GET", `/api/events/${s.code}/export?format=json`, { token: s.adminToken })).text;
    expect(json).not.toContain("lonely");
  });
});

describe("realtime", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ resultsIntervalMs: 20, publicResultsIntervalMs: 40 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("phones hear the form open and close through the event; the organiser and projector get its counts, the room never", async () => {
    const s = await seedEvent(server.app, smallProgramme());
    const token = await joinEvent(server.app, s.code);
    const phone = record(server.url, { code: s.code, token, results: false });
    const projector = record(server.url, { code: s.code, token: s.screenKey });
    const room = record(server.url, { code: s.code });
    for (const r of [phone, projector, room]) expect(await r.outcome).toBe("connected");
    const put = (status: string, questions: unknown[]) => expectStatus(call(server.app, "PUT", `/api/events/${s.code}/feedback`, { token: s.adminToken, body: { status, questions } }), 200);
    const form = ((await put("open", [{ kind: "agree5", prompt: "Ideas?" }])).body as { feedback: Feedback }).feedback;
    const statusOf = (frames: typeof phone.frames) => frames.filter((f) => f.name === "event").map((f) => (f.payload as { event: Event }).event.feedbackStatus).at(-1);
    await until(() => statusOf(phone.frames) === "open" && statusOf(room.frames) === "open", "phones hear the form open");
    await expectStatus(call(server.app, "PUT", `/api/events/${s.code}/feedback/answers`, { token, body: { answers: { [form.questions[0]?.id ?? ""]: 5 } } }), 200);
    const counted = () => projector.frames.some((f) => f.name === "feedbackResults" && (f.payload as FeedbackResults).questions[0]?.counts?.[4] === 1);
    await until(counted, "the projector hears the answer counted");
    await put("closed", [{ id: form.questions[0]?.id, kind: "agree5", prompt: "Ideas?" }]);
    await until(() => statusOf(phone.frames) === "closed", "phones hear the form close");
    for (const r of [phone, room]) expect(r.frames.some((f) => f.name === "feedbackResults")).toBe(false);
    for (const r of [phone, projector, room]) r.close();
  });
});

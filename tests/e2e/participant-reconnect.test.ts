// A phone whose live connection drops (the venue's access point restarts, the server ends it) comes
// back the cheap way: a WebSocket at once, since one worked on this page (one upgrade request, not a
// polling handshake, its polls and then the upgrade), and no HTTP request for its ballot, which the
// server's welcome carries. Checked with what the phone could only have learnt from the welcome:
// its ballot changed on another device, and an area closed, both while the pushes could not reach it.
import { describe, expect, it } from "vitest";
import { createDemoEvent, vote } from "./harness";
import { area, participantSockets, phoneSuite, proposal, setVoting, waitSaved } from "./participant-helpers";

const suite = phoneSuite();

describe("a phone whose live connection dropped", () => {
  it("reconnects with a WebSocket at once, and the welcome alone brings what changed meanwhile", async () => {
    const server = suite.server();
    const demo = await createDemoEvent(server.url);
    await setVoting(server.url, demo.code, demo.adminToken, "open");
    const [culture, health] = [demo.event.areas[0]!, demo.event.areas[1]!];
    const [first, second] = [health.proposals[0]!, health.proposals[1]!];
    const { page } = await suite.phone(`${server.url}/e/${demo.code}`);
    await proposal(page, health.title, first.title).check();
    await waitSaved(page, health.title);
    const token = await page.evaluate((c) => localStorage.getItem(`plenary.token.${c}`), demo.code);
    if (!token) throw new Error("the phone holds no token after its first vote");

    // The phone's socket, once it has upgraded to a WebSocket (polling first, as on a first visit).
    const sockets = () => participantSockets(server, demo.code);
    for (let i = 0; !sockets().some((s) => s.conn.transport.name === "websocket"); i++) {
      if (i > 100) throw new Error("the phone's socket never upgraded to a WebSocket");
      await page.waitForTimeout(100);
    }
    const before = sockets().map((s) => s.id);

    // While the pushes cannot reach it: its ballot changes on another device and an area closes.
    for (const s of sockets()) for (const room of [...s.rooms]) if (room !== s.id) await s.leave(room);
    expect((await vote(server.url, demo.code, token, health.id, [second.id])).status).toBe(200);
    await setVoting(server.url, demo.code, demo.adminToken, "closed", [culture.id]);

    const requests: string[] = [];
    page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search}`));
    for (const s of sockets()) s.conn.close();

    await expect.poll(() => proposal(page, health.title, second.title).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await proposal(page, health.title, first.title).isChecked()).toBe(false);
    await area(page, culture.title).getByText("Voting closed", { exact: true }).first().waitFor({ timeout: 5000 });

    const back = sockets().filter((s) => !before.includes(s.id));
    expect(back).toHaveLength(1);
    expect(back[0]!.conn.transport.name).toBe("websocket");
    expect(requests.filter((r) => r.includes("transport=polling"))).toEqual([]);
    expect(requests.filter((r) => r.includes("/ballot"))).toEqual([]);
  });
});

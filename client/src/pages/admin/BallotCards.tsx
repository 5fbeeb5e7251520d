// Single-use ballot cards: generate a batch of invite codes, then print it on the cards page. The
// server keeps an unprinted batch's codes, so printing can wait, move to another tab or machine, or
// be repeated, until the batch is marked printed there.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Event, InviteStats } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { batchState, useInviteBatches } from "./invitesStore";
import { cardsPath } from "./links";
import { useAction } from "./useAction";
import { counted } from "./words";

interface Props {
  api: AdminApi;
  event: Event;
  stats: InviteStats | null;
  refreshStats: () => Promise<void>;
}

export function BallotCards({ api, event, stats, refreshStats }: Props) {
  const [count, setCount] = useState("60");
  const [created, setCreated] = useState<{ batchId: string; count: number } | null>(null);
  const { batches, refresh } = useInviteBatches(api);
  const { busy, error, run } = useAction(async () => {
    await Promise.all([refreshStats(), refresh()]);
  });
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= LIMITS.invitesPerRequest;
  const unprinted = (batches ?? []).filter((b) => batchState(b) === "unprinted");

  const generate = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const reply = await api.createInvites(n);
      setCreated({ batchId: reply.batchId, count: reply.invites.length });
    });
  };

  return (
    <section id="cards" className="card admin-section" aria-labelledby="cards-heading">
      <h2 id="cards-heading">Ballot cards</h2>
      <p className="hint">
        {event.access === "invite"
          ? "Only people with a card can vote. Each card works once; rejoining with the same card keeps that person's ballot."
          : "This event is open to anyone with the link. Switch “Who can vote” to ballot cards in the settings if each person should need a card."}
      </p>
      <p className="invite-stats" role="status">
        Cards issued: <strong>{stats ? stats.issued : "–"}</strong> · used: <strong>{stats ? stats.used : "–"}</strong>
      </p>
      <form className="add-form" onSubmit={generate}>
        <div className="field count-field">
          <label htmlFor="invite-count">Number of cards</label>
          <input id="invite-count" type="number" inputMode="numeric" min={1} max={LIMITS.invitesPerRequest} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        <button className="btn" type="submit" disabled={busy || !valid}>Generate cards</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {created && (
        <p className="form-ok">
          {counted(created.count, "new card")} ready.{" "}
          <a className="btn" href={cardsPath(event.code, api.token, created.batchId)}>Print {counted(created.count, "card")}</a>
        </p>
      )}
      <p className="hint">
        {unprinted.length > 0
          ? `${unprinted.length} ${unprinted.length === 1 ? "batch is" : "batches are"} not yet marked as printed: they can be printed again, or voided, on the cards page.`
          : "Batches can be printed again until they are marked as printed, and voided if they were never handed out."}{" "}
        <a href={cardsPath(event.code, api.token)}>Open the ballot-cards page</a>
      </p>
    </section>
  );
}

// Single-use ballot cards: generate a batch of invite codes, then print them on the cards page.
import { useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Event, InviteStats } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { loadInvites, saveInvites } from "./invitesStore";
import { cardsPath } from "./links";
import { useAction } from "./useAction";

interface Props {
  api: AdminApi;
  event: Event;
  stats: InviteStats | null;
  refreshStats: () => Promise<void>;
}

export function BallotCards({ api, event, stats, refreshStats }: Props) {
  const [count, setCount] = useState("60");
  const [batch, setBatch] = useState(() => loadInvites(event.code).length);
  const { busy, error, run } = useAction(refreshStats);
  const n = Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= LIMITS.invitesPerRequest;

  const generate = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const invites = await api.createInvites(n);
      saveInvites(event.code, invites);
      setBatch(invites.length);
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
      {batch > 0 && (
        <p className="form-ok">
          {batch} new {batch === 1 ? "card is" : "cards are"} ready. The codes are shown only in this browser tab, so print them now:{" "}
          <a className="btn" href={cardsPath(event.code, api.token)}>Print {batch} cards</a>
        </p>
      )}
    </section>
  );
}

// Single-use ballot cards: generate a batch of invite codes, then print it on the cards page. The
// server keeps an unprinted batch's codes, so printing can wait, move to another tab or machine, or
// be repeated, until the batch is marked printed there.
import { useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { LIMITS } from "../../../../shared/limits";
import type { Event, InviteStats } from "../../../../shared/schemas";
import type { AdminApi } from "./api";
import { batchState, useInviteBatches } from "./invitesStore";
import { cardsPath } from "../../features/links/links";
import { useT } from "../../i18n/I18n";
import { rich } from "../../i18n/rich";
import { useAction } from "./useAction";

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
  const t = useT("cards");

  // After generating, the focus goes to the batch's print link, the next step (and the button is
  // never `disabled` under the focus while the request runs: that would drop it to the page).
  const printLink = useRef<HTMLAnchorElement>(null);
  const focusPrint = useRef(false);
  useLayoutEffect(() => {
    if (!created || !focusPrint.current) return;
    focusPrint.current = false;
    printLink.current?.focus();
  }, [created]);
  const generate = (e: FormEvent) => {
    e.preventDefault();
    if (busy || !valid) return;
    void run(async () => {
      const reply = await api.createInvites(n);
      focusPrint.current = true;
      setCreated({ batchId: reply.batchId, count: reply.invites.length });
    });
  };

  return (
    <section id="cards" className="card admin-section" aria-labelledby="cards-heading">
      <h2 id="cards-heading">{t("cardsHeading")}</h2>
      <p className="hint">{event.access === "invite" ? t("cardsHintInvite") : t("cardsHintOpen")}</p>
      <p className="invite-stats" role="status">
        {rich(t, "cardsStats", { issued: <strong>{stats ? stats.issued : "–"}</strong>, used: <strong>{stats ? stats.used : "–"}</strong> })}
      </p>
      <form className="add-form" onSubmit={generate}>
        <div className="field count-field">
          <label htmlFor="invite-count">{t("cardsCount")}</label>
          <input id="invite-count" type="number" inputMode="numeric" min={1} max={LIMITS.invitesPerRequest} value={count} onChange={(e) => setCount(e.target.value)} />
        </div>
        <button className="btn" type="submit" aria-disabled={busy || !valid}>{t("cardsGenerate")}</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {created && (
        <p className="form-ok">
          {t("cardsReady", { n: created.count })}{" "}
          <a className="btn" ref={printLink} href={cardsPath(event.code, api.token, created.batchId)}>{t("cardsPrintNew", { n: created.count })}</a>
        </p>
      )}
      <p className="hint">
        {unprinted.length > 0 ? t("cardsUnprinted", { n: unprinted.length }) : t("cardsBatchesHint")}{" "}
        <a href={cardsPath(event.code, api.token)}>{t("cardsOpenPage")}</a>
      </p>
    </section>
  );
}

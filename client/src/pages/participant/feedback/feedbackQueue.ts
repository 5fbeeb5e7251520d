// The phone's answers to the evaluation form, saved like its votes: every change is sent at once,
// kept on the device until the server answers 200 ("saved" only then), retried with backoff on
// network trouble and on `online`, resent after a reload. A phone that has not joined joins first
// (any participant may answer, voter or not). The whole form is one PUT, so the last change wins.
import { AnswersReply, type FeedbackAnswers } from "../../../../../shared/schemas";
import { ApiError, request } from "../../../api/http";
import { retryDelay } from "../sync";
import type { KeyValueStore } from "../deviceStore";
import type { Participation } from "../participation";

export type FeedbackSave =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "queued" }
  | { kind: "refused"; code: string };

export interface FeedbackSnapshot {
  /** What the phone shows: the pending answers if any, else what the server holds. */
  answers: FeedbackAnswers;
  save: FeedbackSave;
}

const REQUEST_TIMEOUT_MS = 10_000;
const pendingKey = (code: string) => `plenary.feedback.${code}`;

export class FeedbackQueue {
  private confirmed: FeedbackAnswers = {};
  private want: FeedbackAnswers | null = null;
  private inFlight = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private snap: FeedbackSnapshot = { answers: {}, save: { kind: "idle" } };
  private listeners = new Set<() => void>();
  private disposed = false;
  private readonly onOnline = () => this.retryNow();

  constructor(
    private readonly code: string,
    private readonly participation: Participation,
    private readonly store: KeyValueStore | null,
  ) {
    try {
      const raw = store?.getItem(pendingKey(code));
      if (raw) this.want = JSON.parse(raw) as FeedbackAnswers;
    } catch {
      this.want = null;
    }
    if (typeof window !== "undefined") window.addEventListener("online", this.onOnline);
    this.publish(this.want ? { kind: "queued" } : { kind: "idle" });
    if (this.want) this.flush();
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): FeedbackSnapshot => this.snap;

  /** The server's copy (GET of the phone's own answers); a pending change stays on top of it. */
  setConfirmed(answers: FeedbackAnswers): void {
    this.confirmed = answers;
    this.publish(this.snap.save);
  }

  /** One question answered (or cleared with null): the whole form is queued and sent. */
  answer(questionId: string, value: number | string | null): void {
    const next: FeedbackAnswers = { ...(this.want ?? this.confirmed) };
    if (value === null) delete next[questionId];
    else next[questionId] = value;
    this.want = next;
    this.persist();
    this.attempt = 0;
    this.publish({ kind: this.inFlight ? "saving" : "queued" });
    this.flush();
  }

  retryNow(): void {
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flush();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== "undefined") window.removeEventListener("online", this.onOnline);
    this.listeners.clear();
  }

  private flush(): void {
    if (this.disposed || this.inFlight || this.want === null || this.timer) return;
    void this.send(this.want);
  }

  private async send(sent: FeedbackAnswers): Promise<void> {
    this.inFlight = true;
    this.publish({ kind: "saving" });
    try {
      const token = await this.participation.ensure();
      const reply = await request("PUT", `/api/events/${this.code}/feedback/answers`, AnswersReply, {
        token,
        body: { answers: sent },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (this.disposed) return;
      this.inFlight = false;
      this.confirmed = reply.answers;
      // A change made while this one was on its way is still to send.
      if (this.want === sent) {
        this.want = null;
        this.persist();
        this.publish({ kind: "saved" });
      } else this.flush();
    } catch (err) {
      if (this.disposed) return;
      this.inFlight = false;
      const retryable = !(err instanceof ApiError) || err.retryable;
      if (!retryable) {
        // Refused (the form closed, a question was removed): nothing to resend; show the server's copy.
        if (this.want === sent) {
          this.want = null;
          this.persist();
        }
        this.publish({ kind: "refused", code: err instanceof ApiError ? err.code : "NETWORK" });
        return;
      }
      this.attempt += 1;
      this.publish({ kind: "queued" });
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, retryDelay(this.attempt, Math.random()));
    }
  }

  private persist(): void {
    try {
      if (this.want === null) this.store?.removeItem(pendingKey(this.code));
      else this.store?.setItem(pendingKey(this.code), JSON.stringify(this.want));
    } catch {
      // quota or privacy mode: the answers still go out during this visit
    }
  }

  private publish(save: FeedbackSave): void {
    this.snap = { answers: this.want ?? this.confirmed, save };
    for (const fn of this.listeners) fn();
  }
}

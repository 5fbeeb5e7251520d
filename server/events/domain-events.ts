// What the write path tells the rest of the server, after its transaction has committed. Services
// emit; anything that reacts (realtime today, see processors/) subscribes once, so a new write
// route cannot forget a broadcast and no route handler ever calls one.

/** Every domain event and its payload. Payloads name rows, never a person's choice. */
export interface DomainEventMap {
  /** A new event exists (nobody listens yet: no socket can have joined it). */
  eventCreated: { eventId: number };
  /**
   * The event's own settings (title, access, visibility, thresholds…); `resultsAffected` when one
   * of them changes what the results show or when they move (visibility, threshold, votes per
   * area, the live batch): those apply at once, the others keep the room's held-back batch.
   */
  settingsChanged: { eventId: number; resultsAffected: boolean };
  /** Areas or proposals added, edited, reordered or deleted, or the whole programme replaced. */
  contentChanged: { eventId: number };
  /**
   * Voting opened or closed (draft/open/closed) in these areas; an area patch that changes the
   * status reports it here even when it changed other fields of the area too.
   */
  areaStatusChanged: { eventId: number; areaIds: string[] };
  /** Someone joined (a phone or a ballot card): turnout may have changed. */
  participantJoined: { eventId: number };
  /** A participant's ballot in one area changed (a repeated, identical ballot emits nothing). */
  ballotCast: { eventId: number; participantId: number; areaId: string };
  paperBallotEntered: { eventId: number };
  paperBallotDeleted: { eventId: number };
  /** Ballot cards issued, marked printed or voided. */
  invitesChanged: { eventId: number };
  /** The evaluation form's questions or status changed (phones learn from the event push that it opened). */
  feedbackChanged: { eventId: number };
  /** A participant's answers to the form changed (never which participant: nobody downstream needs it). */
  feedbackAnswered: { eventId: number };
  /**
   * A suggestion sent, accepted, merged or rejected (issue 13): the moderation queue changed, and
   * with `contentChanged` the programme too (a proposal added or merged into).
   */
  suggestionsChanged: { eventId: number; contentChanged: boolean };
  /** An area's editor link was made or replaced (no socket shows it). */
  editorLinkCreated: { eventId: number; areaId: string };
}

export type DomainEventName = keyof DomainEventMap;

/** One emitted event: its name and payload, as the catch-all listener sees it. */
export type DomainEvent = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

type Listener<K extends DomainEventName> = (payload: DomainEventMap[K]) => void;

export interface DomainEvents {
  emit<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void;
  /** Returns the unsubscribe function. */
  on<K extends DomainEventName>(name: K, listener: Listener<K>): () => void;
  /** Every event, in order (tests, logs). */
  onAny(listener: (event: DomainEvent) => void): () => void;
}

/**
 * A tiny synchronous emitter. A listener that throws is reported and skipped: the write it
 * follows has committed, so its caller must still get its answer.
 */
export function createDomainEvents(onListenerError: (err: unknown, name: DomainEventName) => void = () => {}): DomainEvents {
  const listeners = new Map<DomainEventName, Set<(payload: never) => void>>();
  const any = new Set<(event: DomainEvent) => void>();
  const safely = (name: DomainEventName, run: () => void) => {
    try {
      run();
    } catch (err) {
      onListenerError(err, name);
    }
  };
  return {
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) safely(name, () => (listener as Listener<typeof name>)(payload));
      const event = { name, payload } as DomainEvent;
      for (const listener of any) safely(name, () => listener(event));
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    onAny(listener) {
      any.add(listener);
      return () => void any.delete(listener);
    },
  };
}

// Writing an event into the outbox, in the transaction of the change that causes it (issue 18). The
// job queue fans it out to notifications later (./fan-out.ts), so the request that caused it never
// waits for its followers, however many.
import type { DbOrTx } from "~/db/connect";
import { notificationEvents } from "~/db/schema";
import { clock } from "../clock";
import { eventCategory, type EventKind } from "../schemas/notification-vocabulary";

export interface ForumEvent {
  kind: EventKind;
  /** Follow targets whose followers hear of it (followTarget()). */
  targets?: string[];
  /** People told directly, whatever they follow. */
  recipientIds?: (string | null | undefined)[];
  /** Who caused it: never notified of their own act. */
  actorId?: string | null;
  /** The exact place it opens: a path with its anchor. */
  link: string;
  details: Record<string, string | number | null>;
  /** For scheduled events: the same key is written once, however many ticks see it due. */
  dedupeKey?: string;
}

// On globalThis: the queue is started from instrumentation.ts, which Next.js bundles apart from the
// route handlers that write events, so a module-level set would be two different sets.
const listenersKey = Symbol.for("norms-forum.event-listeners");
const listeners: Set<() => void> = ((globalThis as { [listenersKey]?: Set<() => void> })[listenersKey] ??= new Set());
/** Called after an event is written (the queue wakes its fan-out; see ./queue.ts). */
export function onEventWritten(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Writes events into the outbox; returns how many were new (a repeated dedupeKey is not). */
export async function emitEvents(tx: DbOrTx, events: ForumEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const now = clock.now();
  const rows = await tx
    .insert(notificationEvents)
    .values(
      events.map((e) => ({
        kind: e.kind,
        category: eventCategory[e.kind],
        targets: [...new Set(e.targets ?? [])],
        recipientIds: [...new Set((e.recipientIds ?? []).filter((id): id is string => Boolean(id)))],
        actorId: e.actorId ?? null,
        link: e.link,
        details: e.details,
        dedupeKey: e.dedupeKey ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notificationEvents.id });
  if (rows.length > 0) wakeFanOut();
  return rows.length;
}

/** Tells the queue that events were written (for writers that insert them with their own SQL). */
export function wakeFanOut() {
  for (const listener of listeners) listener();
}

export const emitEvent = (tx: DbOrTx, event: ForumEvent) => emitEvents(tx, [event]);

// Closing timed stages on their date. A stage is closed from its closing instant on, whatever has
// run (writes compare the date with clock.now() under the norm's lock); this records the close on
// the norm's timeline and marks it done (norms.stage_closed_at), for the secretariat's desk.
import { and, asc, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db, Tx } from "~/db/connect";
import { normEvents, norms } from "~/db/schema";
import type { NormStatus } from "../schemas/vocabulary";
import { revealSealedPositions } from "./sealed";
import { isTimedStage } from "./stage-clock";

type ClockedNorm = { id: string; status: NormStatus; currentVersion: number; stageClosesAt: Date | null; stageClosedAt: Date | null; stageSealed?: boolean };

/**
 * Records the close of the norm's stage if its date has passed and it is not recorded yet. The
 * norm's row must be locked by the caller (FOR NO KEY UPDATE or stronger) and read under that lock.
 * Answers whether it recorded one.
 */
export async function recordCloseIfDue(tx: Tx, norm: ClockedNorm, now: Date): Promise<boolean> {
  if (!isTimedStage(norm.status) || !norm.stageClosesAt || norm.stageClosedAt || norm.stageClosesAt > now) return false;
  await tx.update(norms).set({ stageClosedAt: norm.stageClosesAt }).where(eq(norms.id, norm.id));
  // A sealed endorsement stage reveals its positions at its close, in this transaction (sealed.ts).
  const reveals = norm.status === "endorsement" && norm.stageSealed === true;
  if (reveals) await revealSealedPositions(tx, norm.id, now);
  // Dated when the stage closed, not when this ran: the timeline reads in the order things happened.
  await tx.insert(normEvents).values({
    normId: norm.id,
    type: "stageClosed",
    fromStatus: norm.status,
    toStatus: norm.status,
    version: norm.currentVersion,
    actorId: null,
    closesAt: norm.stageClosesAt,
    sealed: reveals,
    createdAt: norm.stageClosesAt,
  });
  return true;
}

const BATCH = 100;

/**
 * Closes every stage whose date has passed by `now`, oldest first: each in its own transaction that
 * takes the norm's lock, as every write the clock governs does, so none lands after the close. Safe
 * to run on several instances at once (a close already recorded is skipped under the lock).
 */
export async function closeDueStages(db: Db, now: Date): Promise<string[]> {
  const closed: string[] = [];
  for (;;) {
    const due = await db
      .select({ id: norms.id })
      .from(norms)
      .where(and(isNotNull(norms.stageClosesAt), lte(norms.stageClosesAt, now), isNull(norms.stageClosedAt)))
      .orderBy(asc(norms.stageClosesAt), asc(norms.id))
      .limit(BATCH);
    let recorded = 0;
    for (const { id } of due) {
      const done = await db.transaction(async (tx) => {
        const [norm] = await tx
          .select({ id: norms.id, status: norms.status, currentVersion: norms.currentVersion, stageClosesAt: norms.stageClosesAt, stageClosedAt: norms.stageClosedAt, stageSealed: norms.stageSealed })
          .from(norms)
          .where(eq(norms.id, id))
          .for("no key update");
        return norm ? recordCloseIfDue(tx, norm, now) : false;
      });
      if (done) {
        closed.push(id);
        recorded++;
      }
    }
    // Fewer than a batch, or another instance took these meanwhile: nothing more is due.
    if (due.length < BATCH || recorded === 0) return closed;
  }
}

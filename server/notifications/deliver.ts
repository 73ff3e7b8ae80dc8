// Delivery without the queue, in this process: fan out every waiting event and send every mail not
// yet sent. What the queue's workers do, in one call; for tests and for the testing tick when no
// queue runs in the process.
import { and, asc, isNull, or, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { outboundMail } from "~/db/schema";
import type { Mailer } from "../mail";
import { fanOutAll } from "./fan-out";
import { sendOutboundMail } from "./send";

export async function deliverNow(db: Db, mailer: Mailer) {
  const fanned = await fanOutAll(db);
  const unsent = await db
    .select({ id: outboundMail.id })
    .from(outboundMail)
    .where(and(isNull(outboundMail.sentAt), isNull(outboundMail.skippedAt), or(isNull(outboundMail.claimedUntil), lt(outboundMail.claimedUntil, sql`now()`))))
    .orderBy(asc(outboundMail.createdAt));
  const outcomes = { sent: 0, skipped: 0, failed: 0 };
  for (const { id } of unsent) {
    try {
      const outcome = await sendOutboundMail(db, mailer, id);
      if (outcome === "sent") outcomes.sent++;
      else if (outcome === "skipped") outcomes.skipped++;
    } catch {
      outcomes.failed++;
    }
  }
  return { ...fanned, ...outcomes };
}

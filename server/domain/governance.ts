// /about/governance: who runs the secretariat, how staff are appointed, funding and partners, and
// the rules of neutrality. An administrator publishes each change as a new numbered revision; every
// revision stays public (the table is append-only), so anyone can see what the page said when.
import { asc, desc, eq, inArray, isNull, and, max } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { governanceRevisions, users } from "~/db/schema";
import { conflict, invalidState, notFound, pgConstraint } from "../errors";
import type { Actor } from "../policy";
import type { publishGovernanceInput } from "../schemas/governance";
import { recordAudit } from "./audit";
import { personName } from "./person-name";
import { clock } from "../clock";

const revisionColumns = {
  number: governanceRevisions.number,
  secretariat: governanceRevisions.secretariat,
  appointments: governanceRevisions.appointments,
  funding: governanceRevisions.funding,
  summary: governanceRevisions.summary,
  createdAt: governanceRevisions.createdAt,
  editedBy: personName(),
};

/** The page: the current revision (null until an administrator first publishes one) and the staff. */
export async function governancePage(db: Db) {
  const [[current], staff, history] = await Promise.all([
    db
      .select(revisionColumns)
      .from(governanceRevisions)
      .innerJoin(users, eq(users.id, governanceRevisions.editedById))
      .orderBy(desc(governanceRevisions.number))
      .limit(1),
    // Who works for the secretariat now: every account with a staff role, by name.
    db
      .select({ displayName: users.displayName, role: users.role })
      .from(users)
      .where(and(inArray(users.role, ["secretariat", "admin"]), isNull(users.deletedAt)))
      .orderBy(asc(users.displayName), asc(users.id)),
    governanceHistory(db),
  ]);
  return { current: current ?? null, staff, history };
}

/** Every revision, newest first, with who published it and what changed. */
export function governanceHistory(db: Db) {
  return db
    .select({ number: governanceRevisions.number, summary: governanceRevisions.summary, createdAt: governanceRevisions.createdAt, editedBy: personName() })
    .from(governanceRevisions)
    .innerJoin(users, eq(users.id, governanceRevisions.editedById))
    .orderBy(desc(governanceRevisions.number));
}

/** One revision as it was published, with the number of the latest for comparison. */
export async function governanceRevision(db: Db, number: number) {
  const [[revision], [latest]] = await Promise.all([
    db.select(revisionColumns).from(governanceRevisions).innerJoin(users, eq(users.id, governanceRevisions.editedById)).where(eq(governanceRevisions.number, number)),
    db.select({ number: max(governanceRevisions.number) }).from(governanceRevisions),
  ]);
  if (!revision) throw notFound("That revision of the governance page");
  return { ...revision, latest: latest?.number ?? number };
}

/** Publishes a new revision; refused when it says exactly what the current one says. */
export async function publishGovernance(db: Db, actor: Actor, input: z.output<typeof publishGovernanceInput>) {
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select({ number: governanceRevisions.number, secretariat: governanceRevisions.secretariat, appointments: governanceRevisions.appointments, funding: governanceRevisions.funding })
        .from(governanceRevisions)
        .orderBy(desc(governanceRevisions.number))
        .limit(1);
      if (current && current.secretariat === input.secretariat && current.appointments === input.appointments && current.funding === input.funding) {
        throw invalidState("Nothing has changed since the current revision: change a section before publishing.");
      }
      const number = (current?.number ?? 0) + 1;
      await tx.insert(governanceRevisions).values({ number, ...input, editedById: actor.id, createdAt: clock.now() });
      await recordAudit(tx, { actorId: actor.id, action: "governance.published", targetType: "governance", targetId: String(number), details: { summary: input.summary } });
      return { number };
    });
  } catch (error) {
    // Two administrators publishing at once: the second is told, rather than overwriting silently.
    if (pgConstraint(error) === "governance_revisions_number_key") {
      throw conflict("Another administrator published a revision just now. Reload the page to see it, then make your change again.");
    }
    throw error;
  }
}

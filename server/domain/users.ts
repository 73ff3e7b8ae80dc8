import { aliasedTable, and, asc, count, desc, eq, gt, ilike, isNull, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "~/db/connect";
import { auditLog, organizationMembers, organizations, suspensionAppeals, suspensions, users } from "~/db/schema";
import { activeSuspension } from "../actor";
import { badInput, conflict, forbidden, invalidState, notFound } from "../errors";
import type { Actor } from "../policy";
import type { UserRole } from "../schemas/vocabulary";
import type { decideAppealInput, listAuditInput, listUsersInput, setRoleInput, suspendInput } from "../schemas/users";
import { recordAudit } from "./audit";
import { personName } from "./person-name";
import { clock } from "../clock";

const escapeLike = (q: string) => q.replace(/[%_\\]/g, (c) => `\\${c}`);

export async function listUsers(db: Db, actor: Actor, input: z.output<typeof listUsersInput>) {
  // Deleted accounts are anonymised rows kept for the records that refer to them, not people to manage.
  const where = and(
    isNull(users.deletedAt),
    input.q ? or(ilike(users.email, `%${escapeLike(input.q)}%`), ilike(users.displayName, `%${escapeLike(input.q)}%`)) : undefined,
  );
  const offset = input.cursor ?? 0;
  const now = clock.now();
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        emailVerifiedAt: users.emailVerifiedAt,
        createdAt: users.createdAt,
        suspensionId: suspensions.id,
        suspensionReason: suspensions.reason,
        suspensionEndsAt: suspensions.endsAt,
        suspensionImposedByRole: suspensions.imposedByRole,
      })
      .from(users)
      // At most one active suspension per person (suspendUser refuses a second).
      .leftJoin(
        suspensions,
        and(eq(suspensions.userId, users.id), isNull(suspensions.liftedAt), or(isNull(suspensions.endsAt), gt(suspensions.endsAt, now))),
      )
      .where(where)
      .orderBy(asc(users.displayName), asc(users.id))
      .limit(input.limit + 1)
      .offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    items: rows.slice(0, input.limit).map(({ suspensionId, suspensionReason, suspensionEndsAt, suspensionImposedByRole, ...u }) => ({
      ...u,
      suspension: suspensionId
        ? {
            id: suspensionId,
            reason: suspensionReason!,
            endsAt: suspensionEndsAt,
            imposedByRole: suspensionImposedByRole!,
            // Whether this reader may lift it, and why not: the page offers only what the server allows.
            liftBlock: suspensionBlock(actor, u, suspensionImposedByRole!),
          }
        : null,
    })),
    total: total?.n ?? 0,
    nextCursor: rows.length > input.limit ? offset + input.limit : null,
  };
}

export async function setRole(db: Db, actor: Actor, input: z.output<typeof setRoleInput>) {
  if (input.userId === actor.id) throw invalidState("You cannot change your own role. Ask another administrator.");
  return db.transaction(async (tx) => {
    // Locked, so a membership added meanwhile waits for the role (the database checks it too).
    const [target] = await tx.select({ role: users.role, displayName: users.displayName }).from(users).where(eq(users.id, input.userId)).for("no key update");
    if (!target) throw notFound("That person");
    if (target.role === input.role) throw invalidState(`This person already has the role ${input.role}.`);
    if (input.role !== "member") {
      // The secretariat is neutral: staff belong to no organisation, so the person leaves theirs first.
      const memberOf = await tx
        .select({ name: organizations.name })
        .from(organizationMembers)
        .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
        .where(eq(organizationMembers.userId, input.userId))
        .orderBy(asc(organizations.name));
      if (memberOf.length > 0) {
        throw invalidState(
          // Whole sentences for one and for several, so that each language can say them (serverText).
          memberOf.length === 1
            ? `${target.displayName} belongs to ${memberOf[0]!.name}. Staff accounts belong to no organisation: they leave it before taking the ${input.role} role.`
            : `${target.displayName} belongs to ${memberOf.map((o) => o.name).join(", ")}. Staff accounts belong to no organisation: they leave them before taking the ${input.role} role.`,
        );
      }
    }
    await tx.update(users).set({ role: input.role, updatedAt: clock.now() }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      targetType: "user",
      targetId: input.userId,
      details: { from: target.role, to: input.role },
    });
    return { role: input.role };
  });
}

export async function suspendUser(db: Db, actor: Actor, input: z.output<typeof suspendInput>, now = clock.now()) {
  return db.transaction((tx) => suspendInTransaction(tx, actor, input, now));
}

/** Suspends a person inside the caller's transaction (moderation suspends and logs in one). */
export async function suspendInTransaction(tx: Tx, actor: Actor, input: z.output<typeof suspendInput>, now = clock.now()) {
  if (input.userId === actor.id) throw invalidState("You cannot suspend yourself.");
  const endsAt = input.endsAt ?? null;
  if (endsAt && endsAt <= now) throw badInput("The end date must be in the future.", { endsAt: "The end date must be in the future." });
  const target = await tx.query.users.findFirst({ columns: { role: true }, where: eq(users.id, input.userId) });
  if (!target) throw notFound("That person");
  if (target.role !== "member" && actor.role !== "admin") throw forbidden("Only an administrator can suspend secretariat staff or administrators.");
  // Serialise suspensions of one person so two at once cannot both pass the check below.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).for("no key update");
  if (await activeSuspension(tx, input.userId, now)) throw conflict("This person is already suspended. Lift that suspension first to change it.");
  const [row] = await tx
    .insert(suspensions)
    .values({ userId: input.userId, reason: input.reason, endsAt, createdById: actor.id, imposedByRole: actor.role })
    .returning({ id: suspensions.id });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.suspended",
    targetType: "user",
    targetId: input.userId,
    details: { reason: input.reason, endsAt: endsAt?.toISOString() ?? null },
  });
  return { id: row!.id };
}

/** Why this person may not lift a suspension or decide its appeal, or null when they may. */
export type SuspensionBlock = "own" | "imposedByAdmin" | "rank";

/**
 * Nobody acts on their own suspension; only an admin acts on what an admin imposed, or on the
 * suspension of a secretariat member or an admin (a colleague of equal or higher rank).
 */
export function suspensionBlock(
  actor: Pick<Actor, "id" | "role">,
  target: { id: string; role: UserRole },
  imposedByRole: UserRole,
): SuspensionBlock | null {
  if (target.id === actor.id) return "own";
  if (actor.role === "admin") return null;
  if (imposedByRole === "admin") return "imposedByAdmin";
  if (target.role !== "member") return "rank";
  return null;
}

function suspensionRefusal(block: SuspensionBlock, what: "lift" | "appeal") {
  switch (block) {
    case "own":
      return what === "lift" ? "You cannot lift your own suspension. Another administrator can." : "You cannot decide your own appeal. Another administrator can.";
    case "imposedByAdmin":
      return `An administrator imposed this suspension, so only an administrator can ${what === "lift" ? "lift it" : "decide the appeal"}.`;
    case "rank":
      return `This person is a colleague in the secretariat or an administrator, so only an administrator can ${what === "lift" ? "lift their suspension" : "decide their appeal"}.`;
  }
}

/** Locks the suspension and checks that this person may act on it. */
async function lockSuspension(tx: Tx, actor: Actor, suspensionId: string, what: "lift" | "appeal") {
  const [row] = await tx
    .select({ id: suspensions.id, userId: suspensions.userId, imposedByRole: suspensions.imposedByRole, liftedAt: suspensions.liftedAt, targetRole: users.role })
    .from(suspensions)
    .innerJoin(users, eq(users.id, suspensions.userId))
    .where(eq(suspensions.id, suspensionId))
    .for("update", { of: suspensions });
  if (!row) throw notFound("That suspension");
  const block = suspensionBlock(actor, { id: row.userId, role: row.targetRole }, row.imposedByRole);
  if (block) throw forbidden(suspensionRefusal(block, what));
  return row;
}

async function lift(tx: Tx, actor: Actor, suspensionId: string, reason: string) {
  const [row] = await tx
    .update(suspensions)
    .set({ liftedAt: clock.now(), liftedById: actor.id, liftReason: reason || null })
    .where(and(eq(suspensions.id, suspensionId), isNull(suspensions.liftedAt)))
    .returning({ userId: suspensions.userId });
  if (!row) throw invalidState("This suspension has already been lifted.");
  await recordAudit(tx, {
    actorId: actor.id,
    action: "user.suspension_lifted",
    targetType: "user",
    targetId: row.userId,
    details: { suspensionId, ...(reason ? { reason } : {}) },
  });
}

export async function liftSuspension(db: Db, actor: Actor, input: { suspensionId: string; reason: string }) {
  await db.transaction(async (tx) => {
    await lockSuspension(tx, actor, input.suspensionId, "lift");
    await lift(tx, actor, input.suspensionId, input.reason);
  });
  return { lifted: true };
}

/** Pending appeals, oldest first, each saying whether this person may decide it (and why not). */
export async function listAppeals(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: suspensionAppeals.id,
      text: suspensionAppeals.text,
      status: suspensionAppeals.status,
      createdAt: suspensionAppeals.createdAt,
      suspensionId: suspensions.id,
      suspensionReason: suspensions.reason,
      suspensionEndsAt: suspensions.endsAt,
      imposedByRole: suspensions.imposedByRole,
      userId: users.id,
      displayName: personName(),
      email: sql<string | null>`case when ${users.deletedAt} is null then ${users.email} end`,
      role: users.role,
    })
    .from(suspensionAppeals)
    .innerJoin(suspensions, eq(suspensions.id, suspensionAppeals.suspensionId))
    .innerJoin(users, eq(users.id, suspensionAppeals.userId))
    .where(eq(suspensionAppeals.status, "pending"))
    .orderBy(asc(suspensionAppeals.createdAt));
  return rows.map((r) => ({ ...r, decideBlock: suspensionBlock(actor, { id: r.userId, role: r.role }, r.imposedByRole) }));
}

export async function decideAppeal(db: Db, actor: Actor, input: z.output<typeof decideAppealInput>) {
  return db.transaction(async (tx) => {
    const pending = await tx.query.suspensionAppeals.findFirst({ columns: { suspensionId: true }, where: eq(suspensionAppeals.id, input.appealId) });
    if (!pending) throw notFound("That appeal");
    await lockSuspension(tx, actor, pending.suspensionId, "appeal");
    const [appeal] = await tx
      .update(suspensionAppeals)
      .set({ status: input.decision === "lift" ? "lifted" : "upheld", decidedById: actor.id, decidedAt: clock.now(), decisionNote: input.note })
      .where(and(eq(suspensionAppeals.id, input.appealId), eq(suspensionAppeals.status, "pending")))
      .returning({ suspensionId: suspensionAppeals.suspensionId, userId: suspensionAppeals.userId });
    if (!appeal) throw invalidState("This appeal has already been decided.");
    if (input.decision === "lift") await lift(tx, actor, appeal.suspensionId, input.note);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.appeal_decided",
      targetType: "user",
      targetId: appeal.userId,
      details: { appealId: input.appealId, decision: input.decision, note: input.note },
    });
    return { decision: input.decision };
  });
}

const actorUsers = aliasedTable(users, "actor_users");

export async function listAudit(db: Db, input: z.output<typeof listAuditInput>) {
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: personName(actorUsers),
      // A deleted account's placeholder address means nothing to a reader.
      actorEmail: sql<string | null>`case when ${actorUsers.deletedAt} is null then ${actorUsers.email} end`,
      targetUserName: personName(users),
    })
    .from(auditLog)
    .leftJoin(actorUsers, eq(actorUsers.id, auditLog.actorId))
    .leftJoin(users, and(eq(auditLog.targetType, "user"), eq(sql`${users.id}::text`, auditLog.targetId)))
    .where(input.cursor ? lt(auditLog.id, input.cursor) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  return {
    items: rows.slice(0, input.limit),
    nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null,
  };
}

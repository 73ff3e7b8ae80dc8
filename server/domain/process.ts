// The published rules of the consultation clock (/about/process): how long each timed stage runs
// by default and at least. An admin changes them, with a reason; every change is kept and shown.
import { asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import { processSettingChanges, processSettings, users } from "~/db/schema";
import { clock } from "../clock";
import { invalidState } from "../errors";
import type { Actor } from "../policy";
import type { changeProcessSettingInput } from "../schemas/process";
import type { TimedStage } from "../schemas/vocabulary";
import { publishedCriteria } from "./criteria";
import { personName } from "./person-name";

export interface StageRule {
  stage: TimedStage;
  defaultDays: number;
  minimumDays: number;
  updatedAt: Date;
}

/** Each timed stage's rule, consultation first. */
export async function stageRules(db: DbOrTx): Promise<Record<TimedStage, StageRule>> {
  const rows = await db.select().from(processSettings).orderBy(asc(processSettings.stage));
  const rules = Object.fromEntries(rows.map((r) => [r.stage, r])) as Partial<Record<TimedStage, StageRule>>;
  if (!rules.consultation || !rules.endorsement) throw new Error("process_settings is missing a stage (migration 0021 inserts both)");
  return rules as Record<TimedStage, StageRule>;
}

/** One stage's rule, read inside the transaction that applies it. */
export async function stageRule(db: DbOrTx, stage: TimedStage): Promise<StageRule> {
  const [row] = await db.select().from(processSettings).where(eq(processSettings.stage, stage));
  if (!row) throw new Error(`process_settings has no row for ${stage} (migration 0021 inserts it)`);
  return row;
}

/** The rules, the published criteria of the secretariat's moves, and the rules' history, newest change first: the public page. */
export async function processRules(db: Db) {
  const [rules, criteria, changes] = await Promise.all([
    stageRules(db),
    publishedCriteria(db),
    db
      .select({
        id: processSettingChanges.id,
        stage: processSettingChanges.stage,
        defaultDaysFrom: processSettingChanges.defaultDaysFrom,
        defaultDaysTo: processSettingChanges.defaultDaysTo,
        minimumDaysFrom: processSettingChanges.minimumDaysFrom,
        minimumDaysTo: processSettingChanges.minimumDaysTo,
        reason: processSettingChanges.reason,
        changedAt: processSettingChanges.changedAt,
        changedBy: personName(),
      })
      .from(processSettingChanges)
      .innerJoin(users, eq(users.id, processSettingChanges.changedById))
      .orderBy(desc(processSettingChanges.changedAt), desc(processSettingChanges.id))
      .limit(200),
  ]);
  return { rules: [rules.consultation, rules.endorsement], criteria, changes };
}

/**
 * Changes a stage's default and minimum length. Applies to stages started from now on; a running
 * stage keeps the date it was given (an extension moves that).
 */
export async function changeStageRule(db: Db, actor: Actor, input: z.output<typeof changeProcessSettingInput>) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(processSettings).where(eq(processSettings.stage, input.stage)).for("update");
    if (!current) throw new Error(`process_settings has no row for ${input.stage}`);
    if (current.defaultDays === input.defaultDays && current.minimumDays === input.minimumDays) {
      throw invalidState(`The ${input.stage} stage already runs ${current.defaultDays} days by default and at least ${current.minimumDays}; nothing changed.`);
    }
    const now = clock.now();
    await tx
      .update(processSettings)
      .set({ defaultDays: input.defaultDays, minimumDays: input.minimumDays, updatedAt: now })
      .where(eq(processSettings.stage, input.stage));
    await tx.insert(processSettingChanges).values({
      stage: input.stage,
      defaultDaysFrom: current.defaultDays,
      defaultDaysTo: input.defaultDays,
      minimumDaysFrom: current.minimumDays,
      minimumDaysTo: input.minimumDays,
      reason: input.reason,
      changedById: actor.id,
      changedAt: now,
    });
    return { stage: input.stage, defaultDays: input.defaultDays, minimumDays: input.minimumDays };
  });
}

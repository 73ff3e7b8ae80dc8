// The events of a norm's own life, written in the transaction of the change (server/domain/norms.ts):
// submission, a new version (with "reaffirm needed" to each organisation whose position is on an
// older version), a stage change with its outcome statement.
import { sql } from "drizzle-orm";
import type { Tx } from "~/db/connect";
import { eventCategory } from "../schemas/notification-vocabulary";
import type { NormStatus } from "../schemas/vocabulary";
import { followTarget } from "../domain/notifications";
import { clock } from "../clock";
import { emitEvent, wakeFanOut } from "./events";
import { representativesSql } from "./people";

interface NormRef {
  id: string;
  slug: string;
  title: string;
}

export async function normSubmitted(tx: Tx, norm: NormRef, actorId: string) {
  await emitEvent(tx, { kind: "norm.submitted", targets: [followTarget("forum"), followTarget("norm", norm.id)], actorId, link: `/norms/${norm.slug}`, details: { norm: norm.title, slug: norm.slug } });
}

export async function normStageChanged(tx: Tx, norm: NormRef, actorId: string, stage: NormStatus, outcome: string | null) {
  await emitEvent(tx, {
    kind: "norm.stage",
    targets: [followTarget("norm", norm.id)],
    actorId,
    link: `/norms/${norm.slug}#timeline-heading`,
    details: { norm: norm.title, slug: norm.slug, stage, outcome },
  });
}

/**
 * A new version of a public norm: its followers hear of it, and the representatives of each
 * organisation whose current position is on an older version are asked to reaffirm or change it
 * (one event per organisation, one statement for all of them).
 */
export async function normRevised(tx: Tx, norm: NormRef, actorId: string, version: number) {
  await emitEvent(tx, {
    kind: "norm.version",
    targets: [followTarget("norm", norm.id)],
    actorId,
    link: `/norms/${norm.slug}/redline?from=${version - 1}&to=${version}`,
    details: { norm: norm.title, slug: norm.slug, version },
  });
  await reaffirmNeeded(tx, norm, actorId, version);
}

/**
 * The text is now `version`: the representatives of each organisation whose current position is on
 * an older version are asked to reaffirm or change it (one event per organisation, one statement for
 * all). After a revision, and after an accepted amendment.
 */
export async function reaffirmNeeded(tx: Tx, norm: NormRef, actorId: string, version: number) {
  const now = clock.now();
  await tx.execute(sql`
    insert into notification_events (kind, category, recipient_ids, actor_id, link, details, created_at)
    select 'position.reaffirm', ${eventCategory["position.reaffirm"]},
      array(${representativesSql(sql`p.organization_id`, now)}),
      ${actorId}::uuid, ${`/norms/${norm.slug}#record-position-heading`},
      jsonb_build_object('norm', ${norm.title}::text, 'slug', ${norm.slug}::text, 'organization', o.name, 'positionVersion', p.version, 'version', ${version}::int),
      ${now.toISOString()}::timestamptz
    from norm_positions p join organizations o on o.id = p.organization_id
    where p.norm_id = ${norm.id} and p.version < ${version}`);
  wakeFanOut();
}

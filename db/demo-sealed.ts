// Sealed endorsement in the demo (server/domain/sealed.ts): the humanitarian data norm's
// endorsement stage was opened sealed. Before the stage, Japan's ministry endorsed it and the Digital
// Rights Collective endorsed it with reservations, in public; during it, Kenya's ministry (rep@)
// objected and Germany's foreign office endorsed, sealed: each organisation's representatives see
// their own entry, everyone else the positions as they stood, until the stage closes on its date.
import { and, eq } from "drizzle-orm";
import type { Tx } from "./connect";
import { normEvents, normPositionHistory, normPositions, norms, organizations, sealedPositions } from "./schema";
import { clock } from "~/server/clock";
import type { Stance } from "~/server/schemas/vocabulary";

export const SEALED_DEMO_NORM = "Protecting the data of humanitarian organisations";

const DAY = 24 * 60 * 60 * 1000;

interface DemoEntry {
  organization: string;
  stance: Stance;
  statement?: string;
  clauses?: number[];
  daysAgo: number;
}

/** Recorded in public during consultation, before the stage opened. */
const before: DemoEntry[] = [
  { organization: "ministry-of-foreign-affairs-of-japan", stance: "endorse", daysAgo: 19 },
  {
    organization: "digital-rights-collective",
    stance: "endorse_with_reservations",
    statement: "Clause 3 should name the recognised standards it relies on, or say who maintains the list.",
    clauses: [3],
    daysAgo: 18,
  },
];

/** Recorded sealed, during the stage. */
const sealed: DemoEntry[] = [
  {
    organization: "ministry-of-foreign-affairs-of-kenya",
    stance: "object",
    statement: "Clause 2 asks states to act on any notification, without a threshold; we cannot commit to that as drafted.",
    clauses: [2],
    daysAgo: 6,
  },
  { organization: "federal-foreign-office-of-germany", stance: "endorse", daysAgo: 3 },
];

/**
 * Seeds the sealed norm's positions: the public ones while the norm is not yet marked sealed (the
 * database refuses public positions on a sealed stage, migration 0034), then marks the stage and
 * its opening sealed and stores the sealed entries apart. The measures are computed with the rest.
 */
export async function seedDemoSealed(tx: Tx) {
  const [norm] = await tx.select({ id: norms.id, currentVersion: norms.currentVersion }).from(norms).where(eq(norms.title, SEALED_DEMO_NORM));
  if (!norm) throw new Error(`The sealed demo norm is missing: ${SEALED_DEMO_NORM}`);
  const orgRows = await tx.select({ id: organizations.id, slug: organizations.slug, createdById: organizations.createdById }).from(organizations);
  const org = (slug: string) => orgRows.find((o) => o.slug === slug) ?? missing(slug);
  const now = clock.nowMs();
  const row = (e: DemoEntry) => ({
    normId: norm.id,
    organizationId: org(e.organization).id,
    stance: e.stance,
    statement: e.statement ?? "",
    version: norm.currentVersion,
    clauses: e.clauses ?? [],
    recordedById: org(e.organization).createdById,
    recordedAt: new Date(now - e.daysAgo * DAY),
  });
  for (const e of before) {
    await tx.insert(normPositionHistory).values({ ...row(e), sequence: 1, kind: "recorded" });
    await tx.insert(normPositions).values({ ...row(e), sequence: 1 });
  }
  await tx.update(norms).set({ stageSealed: true }).where(eq(norms.id, norm.id));
  await tx.update(normEvents).set({ sealed: true }).where(and(eq(normEvents.normId, norm.id), eq(normEvents.type, "openEndorsement")));
  await tx.insert(sealedPositions).values(sealed.map(row));
}

function missing(slug: string): never {
  throw new Error(`Demo sealed position for an unknown organisation: ${slug}`);
}

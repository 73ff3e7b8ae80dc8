// Demo adherence after conclusion (docs/adherence.md): every concluded demo norm gets its frozen
// figures, as concluding one does, and one of them, the points of contact, is taken up after its
// conclusion by four more organisations (one that abstained during endorsement) while one that
// endorsed withdraws. Dated between the conclusion and now by fixed shares of that span, so the
// demo is the same at any date the seed runs.
import { and, asc, desc, eq } from "drizzle-orm";
import type { Tx } from "./connect";
import { normEvents, normPositionHistory, normPositions, norms, organizations } from "./schema";
import { freezeFigures } from "~/server/domain/adherence";
import { refreshMeasures } from "~/server/domain/positions";
import { clock } from "~/server/clock";
import type { Stance } from "~/server/schemas/vocabulary";

export const ADHERENCE_NORM = "National points of contact and cooperation on incident response";

interface AdherenceStep {
  organization: string; // the organisation's slug
  /** How far between the conclusion (0) and now (1) the entry is dated. */
  at: number;
  /** The stance adhered with, or null for a withdrawal of the organisation's adherence. */
  stance: Stance | null;
  statement?: string;
}

export const demoAdherence: AdherenceStep[] = [
  { organization: "open-networks-ltd", at: 0.15, stance: "endorse" },
  { organization: "african-network-operators-group", at: 0.3, stance: "endorse" },
  {
    organization: "digital-rights-collective",
    at: 0.45,
    stance: "endorse_with_reservations",
    statement: "We abstained while the text was under discussion; we now adhere, and ask that contact points publish how civil society can reach them.",
  },
  { organization: "institute-for-cyber-policy-studies", at: 0.6, stance: "endorse" },
  {
    organization: "regional-cyber-cooperation-organisation",
    at: 0.8,
    stance: null,
    statement: "Our member states now designate their own points of contact, so the organisation no longer adheres on their behalf.",
  },
];

/** Call after the demo positions and measures: freezes the concluded norms' figures, then adds the later adherence. */
export async function seedDemoAdherence(tx: Tx) {
  const concluded = await tx
    .select({ id: norms.id, title: norms.title, currentVersion: norms.currentVersion, concludedAt: normEvents.createdAt })
    .from(norms)
    .innerJoin(normEvents, and(eq(normEvents.normId, norms.id), eq(normEvents.type, "conclude")))
    .where(eq(norms.status, "concluded"))
    .orderBy(asc(norms.title));
  for (const n of concluded) await freezeFigures(tx, { id: n.id, stageClosesAt: null }, n.concludedAt);

  const norm = concluded.find((n) => n.title === ADHERENCE_NORM);
  if (!norm) throw new Error(`The demo adherence norm is missing: ${ADHERENCE_NORM}`);
  const from = norm.concludedAt.getTime();
  const span = clock.nowMs() - from;
  for (const step of demoAdherence) {
    const [organization] = await tx.select({ id: organizations.id, createdById: organizations.createdById }).from(organizations).where(eq(organizations.slug, step.organization));
    if (!organization) throw new Error(`Demo adherence refers to an unknown organisation: ${step.organization}`);
    const where = and(eq(normPositionHistory.normId, norm.id), eq(normPositionHistory.organizationId, organization.id));
    const [last] = await tx.select().from(normPositionHistory).where(where).orderBy(desc(normPositionHistory.sequence)).limit(1);
    const entry = {
      normId: norm.id,
      organizationId: organization.id,
      sequence: (last?.sequence ?? 0) + 1,
      stance: step.stance ?? last!.stance,
      statement: step.statement ?? "",
      version: norm.currentVersion,
      recordedById: organization.createdById,
      recordedAt: new Date(from + Math.round(step.at * span)),
    };
    await tx.insert(normPositionHistory).values({ ...entry, kind: step.stance ? "recorded" : "withdrawn" });
    const current = and(eq(normPositions.normId, norm.id), eq(normPositions.organizationId, organization.id));
    await tx.delete(normPositions).where(current);
    if (step.stance) await tx.insert(normPositions).values(entry);
  }
  await refreshMeasures(tx, norm.id);
}

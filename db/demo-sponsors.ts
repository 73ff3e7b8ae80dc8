// Demo co-sponsors (server/domain/sponsors.ts): the public core norm, proposed for Kenya's ministry,
// is co-sponsored by a company, a state and a research institute, and Japan's ministry has asked;
// the emergency response teams norm, proposed for Open Networks, is co-sponsored by Kenya's ministry
// and a technical body, and the Digital Rights Collective joined and later withdrew (both on the
// timeline); and the supply chains norm has the Collective's request waiting for its proposer
// (rep2@ decides it; rep@ sees it as the Collective's representative). Each request is made by the
// organisation's own representative (never a staff account, which represents no organisation) and
// accepted by the norm's proposer, at fixed shares of the time since the norm was submitted, so the
// demo reads the same whenever the seed runs.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "./connect";
import { normEvents, norms, normSponsors, organizationMembers, organizations, users } from "./schema";
import { clock } from "~/server/clock";

interface DemoSponsor {
  /** The organisation's slug. */
  organization: string;
  /** "accepted", "requested", or "withdrawn" after having been accepted. */
  state: "accepted" | "requested" | "withdrawn";
  message?: string;
  /** When it was asked, accepted and withdrawn, as shares of the time from the norm's submission to now. */
  at: [asked: number, accepted?: number, withdrawn?: number];
}

const demoSponsors: Record<string, DemoSponsor[]> = {
  "protecting-the-public-core-of-the-internet": [
    { organization: "open-networks-ltd", state: "accepted", at: [0.2, 0.25], message: "Our networks carry public core traffic; we want to help the norm's implementation guidance." },
    { organization: "federal-foreign-office-of-germany", state: "accepted", at: [0.3, 0.4] },
    { organization: "institute-for-cyber-policy-studies", state: "accepted", at: [0.5, 0.55] },
    { organization: "ministry-of-foreign-affairs-of-japan", state: "requested", at: [0.9], message: "Japan supports the norm and would like to co-sponsor it at the next stage." },
  ],
  "protecting-the-work-of-emergency-response-teams": [
    { organization: "ministry-of-foreign-affairs-of-kenya", state: "accepted", at: [0.15, 0.2] },
    { organization: "african-network-operators-group", state: "accepted", at: [0.3, 0.35] },
    { organization: "digital-rights-collective", state: "withdrawn", at: [0.25, 0.3, 0.7] },
  ],
  "integrity-of-ict-supply-chains-and-software-updates": [
    { organization: "digital-rights-collective", state: "requested", at: [0.8], message: "Update integrity protects the users we work with; we would like to co-sponsor this norm." },
  ],
};

export async function seedDemoSponsors(tx: Tx) {
  const now = clock.nowMs();
  for (const [slug, sponsors] of Object.entries(demoSponsors)) {
    const [norm] = await tx.select({ id: norms.id, proposerId: norms.proposerId, submittedAt: norms.submittedAt, currentVersion: norms.currentVersion }).from(norms).where(eq(norms.slug, slug));
    if (!norm?.submittedAt) throw new Error(`The demo norm ${slug} is missing or was never submitted.`);
    const start = norm.submittedAt.getTime();
    const at = (share: number) => new Date(start + share * (now - start));
    for (const s of sponsors) {
      // The organisation's first representative who is not a staff account.
      const [speaker] = await tx
        .select({ organizationId: organizations.id, userId: users.id })
        .from(organizations)
        .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.role, "representative")))
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(and(eq(organizations.slug, s.organization), eq(organizations.verificationStatus, "verified"), inArray(users.role, ["member"])))
        .orderBy(asc(users.createdAt))
        .limit(1);
      // An organisation with no such representative is left out, never spoken for by someone else.
      if (!speaker) continue;
      const [asked, accepted, withdrawn] = s.at;
      const [row] = await tx
        .insert(normSponsors)
        .values({
          normId: norm.id,
          organizationId: speaker.organizationId,
          state: s.state,
          requestedById: speaker.userId,
          message: s.message ?? "",
          requestedAt: at(asked),
          ...(accepted !== undefined ? { decidedById: norm.proposerId, decidedAt: at(accepted) } : {}),
          ...(withdrawn !== undefined ? { withdrawnById: speaker.userId, withdrawnAt: at(withdrawn) } : {}),
        })
        .returning({ id: normSponsors.id });
      if (accepted !== undefined) {
        await tx.insert(normEvents).values({ normId: norm.id, type: "sponsorAccepted", version: norm.currentVersion, actorId: norm.proposerId, sponsorId: row!.id, createdAt: at(accepted) });
      }
      if (withdrawn !== undefined) {
        await tx.insert(normEvents).values({ normId: norm.id, type: "sponsorWithdrawn", version: norm.currentVersion, actorId: speaker.userId, sponsorId: row!.id, createdAt: at(withdrawn) });
      }
    }
  }
}

// Demo observations coded to the codebook (issue 19), in this year's open cycle: one accepted by
// two reviewers that names a forum state (Kenya's ministry) and a state outside the forum by ISO
// code, with the ministry's reply; one awaiting review with one review so far; and, on last
// year's published report, a correction request the secretariat answered.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "./connect";
import {
  observationActors,
  observationAssessments,
  observationCorrections,
  observationOrganizations,
  observationReplies,
  observationReviews,
  observations,
  organizations,
  stocktakeItems,
  stocktakes,
} from "./schema";
import { clock } from "~/server/clock";
import { CURRENT_CODEBOOK } from "~/server/codebook";

const DAY = 24 * 60 * 60 * 1000;
const KENYA = "ministry-of-foreign-affairs-of-kenya";

export async function seedDemoCodedObservations(
  tx: Tx,
  people: { member: string; representative: string },
  staff: { secretariat: string; admin: string },
) {
  const now = clock.nowMs();
  const thisYear = new Date(now).getUTCFullYear();
  const [current] = await tx.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.year, thisYear));
  const [previous] = await tx.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.year, thisYear - 1));
  const [kenya] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, KENYA));
  if (!current || !previous || !kenya) throw new Error("Demo data refers to something that does not exist: this year's stock-take or Kenya's ministry");
  const items = await tx.select({ id: stocktakeItems.id }).from(stocktakeItems).where(eq(stocktakeItems.stocktakeId, current.id)).orderBy(asc(stocktakeItems.position)).limit(2);
  const [first, second] = items;
  if (!first || !second) throw new Error("Demo data refers to something that does not exist: this year's covered norms");
  const day = (offset: number) => new Date(now + offset * DAY);
  const iso = (offset: number) => day(offset).toISOString().slice(0, 10);

  // Accepted by two reviewers after the ministry replied.
  const [joint] = await tx
    .insert(observations)
    .values({
      stocktakeId: current.id,
      reporterId: people.member,
      title: "Joint response to an attack on a regional payment network",
      description:
        "The national response teams of Kenya and Tanzania shared indicators and coordinated the restoration of a regional payment network over three days, according to a joint statement and a technical report by one of the teams.",
      occurredOn: iso(-40),
      occurredUntil: iso(-38),
      sources: [
        { url: "https://example.org/demo/joint-statement", archiveUrl: "https://web.archive.org/web/2026/https://example.org/demo/joint-statement" },
        { url: "https://example.org/demo/technical-report" },
      ],
      codebookVersion: CURRENT_CODEBOOK,
      attributionStatus: "acknowledged",
      attributedBy: "Both governments",
      attributionSource: "https://example.org/demo/joint-statement",
      confidence: "high",
      evidenceType: "government-statement",
      replyUntil: day(-16),
      status: "accepted",
      reviewedById: staff.admin,
      reviewedAt: day(-12),
      createdAt: day(-30),
    })
    .returning({ id: observations.id });
  await tx.insert(observationActors).values([
    { observationId: joint!.id, position: 0, kind: "organization" as const, organizationId: kenya.id },
    { observationId: joint!.id, position: 1, kind: "state" as const, country: "TZ" },
  ]);
  await tx.insert(observationOrganizations).values({ observationId: joint!.id, organizationId: kenya.id });
  await tx.insert(observationAssessments).values({ observationId: joint!.id, itemId: first.id, assessment: "consistent" });
  await tx.insert(observationReplies).values({
    observationId: joint!.id,
    organizationId: kenya.id,
    authorId: people.representative,
    text: "The ministry confirms the account. Our response team acted under the bilateral arrangement on incident cooperation, and the restored network was back in service on the third day.",
    createdAt: day(-25),
    updatedAt: day(-25),
  });
  await tx.insert(observationReviews).values([
    { observationId: joint!.id, reviewerId: staff.secretariat, decision: "accept" as const, createdAt: day(-14) },
    { observationId: joint!.id, reviewerId: staff.admin, decision: "accept" as const, createdAt: day(-12) },
  ]);

  // Awaiting review: one reviewer has accepted it, a second is needed.
  const [pending] = await tx
    .insert(observations)
    .values({
      stocktakeId: current.id,
      reporterId: people.member,
      title: "Intrusion into a water utility's control systems",
      description:
        "Researchers reported an intrusion into the control systems of a municipal water utility; the operators say no settings were changed. The researchers ascribe it to a criminal group; no government has commented.",
      occurredOn: iso(-20),
      sources: [{ url: "https://example.org/demo/water-utility-report" }],
      codebookVersion: CURRENT_CODEBOOK,
      attributionStatus: "researchers",
      attributedBy: "An independent research group",
      attributionSource: "https://example.org/demo/water-utility-report",
      confidence: "medium",
      evidenceType: "technical-report",
      status: "pending",
      createdAt: day(-9),
    })
    .returning({ id: observations.id });
  await tx.insert(observationActors).values({ observationId: pending!.id, position: 0, kind: "unattributed" as const, label: "a criminal group" });
  await tx.insert(observationAssessments).values([
    { observationId: pending!.id, itemId: first.id, assessment: "unclear" as const },
    { observationId: pending!.id, itemId: second.id, assessment: "inconsistent" as const },
  ]);
  await tx.insert(observationReviews).values({ observationId: pending!.id, reviewerId: staff.admin, decision: "accept" as const, createdAt: day(-2) });

  // Last year's report: a correction request, answered.
  const [published] = await tx
    .select({ id: observations.id })
    .from(observations)
    .where(and(eq(observations.stocktakeId, previous.id), eq(observations.status, "accepted")))
    .orderBy(asc(observations.occurredOn))
    .limit(1);
  if (published) {
    await tx.insert(observationCorrections).values({
      observationId: published.id,
      requesterId: people.member,
      text: "The first source now redirects to a different page; the account should cite an archived copy.",
      status: "answered",
      answer: "The archived copy matches the account. The report stands; the archived address will be cited if the report is revised.",
      answeredById: staff.secretariat,
      answeredAt: day(-5),
      createdAt: day(-8),
    });
  }
}

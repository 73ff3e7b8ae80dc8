// Observations for tests that need one but are about something else: the codebook's coded fields
// filled with neutral values, and acceptance written directly (two-person review and the reply
// window are tested in tests/observation-review.test.ts).
import { eq } from "drizzle-orm";
import type { Db } from "~/db/connect";
import { observations } from "~/db/schema";

/** The codebook v1 fields an observation must carry besides what it says and names. */
export const coded = { attributionStatus: "none", confidence: "medium", evidenceType: "media-report" } as const;

/** Actors for an input: forum organisations by id, then unattributed actors by description. */
export const actorsFor = (organizationIds: string[], unattributed: string[] = []) => [
  ...organizationIds.map((organizationId) => ({ kind: "organization" as const, organizationId })),
  ...unattributed.map((label) => ({ kind: "unattributed" as const, label })),
];

export const sourcesFor = (...urls: string[]) => urls.map((url) => ({ url }));

/** Marks an observation accepted, as two reviewers would after the reply window. */
export async function acceptDirectly(db: Db, observationId: string) {
  await db.update(observations).set({ status: "accepted", reviewedAt: new Date() }).where(eq(observations.id, observationId));
}

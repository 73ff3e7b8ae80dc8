// The one rule for who may see a norm. A norm is public from its first submission to consultation,
// and stays public whatever happens next (withdrawn, merged, concluded: on record). Before that (a
// draft, or a draft withdrawn without ever being submitted) only its authors see it: the proposer
// and co-authors who accepted. Every page, list, search, export and API reads it through these.
import { isNotNull } from "drizzle-orm";
import { norms } from "~/db/schema";

/** Whether everyone may see this norm. */
export const isPublicNorm = (norm: { submittedAt: Date | null }) => norm.submittedAt !== null;

/** The same rule as a WHERE condition on `norms`. */
export const publicNorm = () => isNotNull(norms.submittedAt);

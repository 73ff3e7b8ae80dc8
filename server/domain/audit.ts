import type { DbOrTx } from "~/db/connect";
import { auditLog } from "~/db/schema";

export type AuditAction =
  | "user.role_changed"
  | "user.suspended"
  | "user.suspension_lifted"
  | "user.appeal_decided"
  | "user.account_deleted"
  | "organization.verified"
  | "organization.rejected"
  | "organization.verification_revoked"
  | "organization.returned_to_review"
  | "organization.domains_confirmed"
  | "organization.representation_exception"
  | "reference.corrected"
  // The growing library and the uptake of norms (issue 19).
  | "library.document_added"
  | "library.norm_added"
  | "library.forum_added"
  | "uptake.recorded"
  | "uptake.updated"
  | "uptake.deleted"
  // Behaviour observations (issue 19): each review, and each answer to a correction request.
  | "observation.reviewed"
  | "observation.correction_answered"
  // A translation of a norm's version added or replaced by the secretariat rather than its authors (issue 20).
  | "norm.translation_saved"
  // Written only by migration 0029 (the secretariat's neutrality rule), with no actor.
  | "organization.staff_membership_removed"
  | "organization.participation_approved"
  | "organization.participation_declined"
  | "governance.published"
  | "organization.nomination_approved"
  | "organization.nomination_declined"
  // Written by the daily sweep (server/domain/nominations.ts), with no actor.
  | "organization.representation_lapsed";

/** Appends to the audit log; call inside the transaction of the action it records. */
export async function recordAudit(
  db: DbOrTx,
  entry: { actorId: string | null; action: AuditAction; targetType: "user" | "organization" | "reference_norm" | "governance" | "reference_document" | "forum" | "norm_uptake" | "observation" | "norm_translation"; targetId: string; details?: Record<string, unknown> },
) {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

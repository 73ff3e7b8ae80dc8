import { z } from "zod";
import { idCursor, offsetCursor, pageLimit } from "./numbers";
import { userRoles } from "./vocabulary";

export const listUsersInput = z.strictObject({
  q: z.string().trim().max(100).optional(),
  cursor: offsetCursor.optional(),
  limit: pageLimit(100).default(50),
});

export const setRoleInput = z.strictObject({
  userId: z.uuid(),
  role: z.enum(userRoles, { error: "Choose a role: member, secretariat or admin." }),
});

export const suspendInput = z.strictObject({
  userId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(10, "Give a reason of at least 10 characters; the person will see it.")
    .max(2000, "Reason must be 2,000 characters or fewer."),
  // Null or absent: indefinite.
  endsAt: z.coerce.date({ error: "Enter a valid date." }).nullable().optional(),
});

export const liftSuspensionInput = z.strictObject({
  suspensionId: z.uuid(),
  reason: z.string().trim().max(2000, "Note must be 2,000 characters or fewer.").default(""),
});

export const decideAppealInput = z.strictObject({
  appealId: z.uuid(),
  decision: z.enum(["uphold", "lift"]),
  note: z
    .string()
    .trim()
    .min(10, "Explain the decision in at least 10 characters; the person will see it.")
    .max(2000, "Note must be 2,000 characters or fewer."),
});

export const listAuditInput = z.strictObject({
  cursor: idCursor.optional(),
  limit: pageLimit(200).default(50),
});

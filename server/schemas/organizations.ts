import { z } from "zod";
import { offsetCursor, pageLimit } from "./numbers";
import { isCountryCode } from "./countries";
import { domainListField, exceptionReasonField } from "./representation";
import { memberRoles, participations, regions, stakeholderTypes } from "./vocabulary";

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const organizationFields = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, "Enter the organisation's name.")
    .max(160, "Name must be 160 characters or fewer."),
  stakeholderType: z.enum(stakeholderTypes, { error: "Choose a stakeholder type from the list." }),
  region: z.enum(regions, { error: "Choose a UN regional group, or global." }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isCountryCode(v), "Choose a country from the list (an ISO 3166-1 code, like KE).")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  website: optionalText(300, "Website must be 300 characters or fewer.").refine(
    (v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v),
    "Enter a website address starting with http:// or https://.",
  ),
  description: z.string().trim().max(2000, "Description must be 2,000 characters or fewer.").default(""),
});

// A state speaks through its foreign ministry or mission, which always has a country.
const stateNeedsCountry = (value: { stakeholderType: string; country: string | null }, ctx: z.RefinementCtx) => {
  if (value.stakeholderType === "state" && !value.country) {
    ctx.addIssue({ code: "custom", path: ["country"], message: "A state organisation must name its country." });
  }
};
// The registration also names the organisation's official email domains (issue 17), confirmed by
// the secretariat when it verifies the organisation.
export const createOrganizationInput = organizationFields
  .extend({
    domains: domainListField,
    // How it takes part (issue 17): an observer follows, comments and files statements, but takes no positions.
    participation: z.enum(participations, { error: "Choose whether the organisation takes part fully or as an observer." }).default("participant"),
  })
  .superRefine(stateNeedsCountry);
export const updateOrganizationInput = organizationFields
  .extend({ organizationId: z.uuid() })
  .superRefine(stateNeedsCountry);

export const organizationIdInput = z.strictObject({ organizationId: z.uuid() });
export const slugInput = z.strictObject({ slug: z.string().min(1).max(80) });

export const listOrganizationsInput = z.strictObject({
  stakeholderType: z.enum(stakeholderTypes).optional(),
  participation: z.enum(participations).optional(),
  region: z.enum(regions).optional(),
  q: z.string().trim().max(100).optional(),
  verifiedOnly: z.boolean().optional(),
  cursor: offsetCursor.optional(),
  limit: pageLimit(100).default(50),
});

export const requestJoinInput = z.strictObject({
  organizationId: z.uuid(),
  message: z.string().trim().max(1000, "Message must be 1,000 characters or fewer.").default(""),
});
export const joinRequestIdInput = z.strictObject({ requestId: z.uuid() });
export const decideJoinRequestInput = z.strictObject({
  organizationId: z.uuid(),
  requestId: z.uuid(),
  decision: z.enum(["approve", "decline"]),
});
export const memberInput = z.strictObject({ organizationId: z.uuid(), userId: z.uuid() });
export const setMemberRoleInput = memberInput.extend({ role: z.enum(memberRoles) });
export const setListedInput = z.strictObject({ organizationId: z.uuid(), listed: z.boolean() });

export const reasonField = z
  .string()
  .trim()
  .min(10, "Give a reason of at least 10 characters; the organisation will see it.")
  .max(2000, "Reason must be 2,000 characters or fewer.");
// Verifying counts an organisation in every figure, so it takes an explicit confirmation: the
// name as the verifier saw it, and each likely duplicate they checked.
export const verifyInput = z.strictObject({
  organizationId: z.uuid(),
  confirmName: z
    .string({ error: "Confirm which organisation you are verifying: give its name as shown." })
    .trim()
    .min(1, "Confirm which organisation you are verifying: give its name as shown.")
    .max(200, "Name must be 200 characters or fewer."),
  acknowledgedDuplicateIds: z.array(z.uuid()).max(50, "Acknowledge at most 50 organisations.").default([]),
  // The registered domains the secretariat confirms with this decision, and an exception with its
  // reason for each provisional representative without a confirmed address at a confirmed domain.
  confirmDomainIds: z.array(z.uuid()).max(50, "Confirm at most 50 domains.").default([]),
  exceptions: z.array(z.strictObject({ userId: z.uuid(), reason: exceptionReasonField })).max(20).default([]),
});
export const rejectInput = z.strictObject({ organizationId: z.uuid(), reason: reasonField });

/** The secretariat's answer to an observer asking to take part fully; a reason when it declines. */
export const decideParticipationInput = z
  .strictObject({
    organizationId: z.uuid(),
    decision: z.enum(["approve", "decline"], { error: "Choose approve or decline." }),
    reason: z.string().trim().max(2000, "Reason must be 2,000 characters or fewer.").default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length >= 10, { path: ["reason"], message: "Say why the request is declined (at least 10 characters)." });

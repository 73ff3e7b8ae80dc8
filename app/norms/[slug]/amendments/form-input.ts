// The amendment forms' fields as the procedures' inputs. The procedures' schemas do the checking
// (server/schemas/amendments.ts); a number that is not one goes as missing, so its message asks for it.
import type { z } from "zod";
import type { acceptAmendmentInput, declineAmendmentInput, proposeAmendmentInput, supportAmendmentInput } from "~/server/schemas/amendments";

export const proposeFields = ["clause", "kind", "text", "rationale", "organizationId"] as const;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const whole = (value: string) => (/^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : undefined);

export function proposeFormInput(formData: FormData): z.input<typeof proposeAmendmentInput> {
  return {
    normId: text(formData, "normId"),
    baseVersion: whole(text(formData, "baseVersion")) as number,
    clause: whole(text(formData, "clause")) as number,
    kind: text(formData, "kind") as z.input<typeof proposeAmendmentInput>["kind"],
    text: text(formData, "text"),
    rationale: text(formData, "rationale"),
    organizationId: text(formData, "organizationId") || null,
  };
}

export function supportFormInput(formData: FormData): z.input<typeof supportAmendmentInput> {
  return { amendmentId: text(formData, "amendmentId"), organizationId: text(formData, "organizationId") || null, support: text(formData, "support") !== "false" };
}

export function acceptFormInput(formData: FormData): z.input<typeof acceptAmendmentInput> {
  return { amendmentId: text(formData, "amendmentId"), note: text(formData, "note") };
}

export function declineFormInput(formData: FormData): z.input<typeof declineAmendmentInput> {
  return { amendmentId: text(formData, "amendmentId"), reason: text(formData, "reason") };
}

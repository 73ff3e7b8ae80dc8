// The governance form's fields as governance.publish's input; the procedure's schema does the checking.
import type { z } from "zod";
import type { publishGovernanceInput } from "~/server/schemas/governance";

export const governanceFields = ["secretariat", "appointments", "funding", "summary"] as const;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export function governanceFormInput(formData: FormData): z.input<typeof publishGovernanceInput> {
  return {
    secretariat: text(formData, "secretariat"),
    appointments: text(formData, "appointments"),
    funding: text(formData, "funding"),
    summary: text(formData, "summary"),
  };
}

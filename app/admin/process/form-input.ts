// The stage-length form's fields as process.changeRule's input. The procedure's schema does the
// checking (server/schemas/process.ts); an empty or unreadable number goes as missing, so its
// message asks for a number of days rather than saying 0 is too short.
import type { z } from "zod";
import type { changeProcessSettingInput } from "~/server/schemas/process";

export const processRuleFields = ["stage", "defaultDays", "minimumDays", "reason"] as const;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const days = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** As sent: the procedure's schema refuses a stage or a number that is not one, with its message. */
export function processRuleFormInput(formData: FormData): z.input<typeof changeProcessSettingInput> {
  return {
    stage: text(formData, "stage") as z.input<typeof changeProcessSettingInput>["stage"],
    defaultDays: days(text(formData, "defaultDays")),
    minimumDays: days(text(formData, "minimumDays")),
    reason: text(formData, "reason"),
  };
}

// The admin's stage-length form (app/admin/process): what its posted fields become as
// process.changeRule's input, and what the procedure's answer shows on the form, called as the
// server action calls it. The rules themselves are tested in tests/stage-clock.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { initialState } from "~/app/_components/action-state";
import { refusal } from "~/app/_components/action-state.server";
import { processRuleFormInput } from "~/app/admin/process/form-input";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const reason = "Endorsement needs less time than consultation once the text is frozen.";

/** What the form shows after posting these fields, as `who`. */
async function post(who: Awaited<ReturnType<typeof callerAs>>, fields: Record<string, string>) {
  try {
    return { done: await who.process.changeRule(processRuleFormInput(form(fields))) };
  } catch (error) {
    return { refused: refusal(initialState(), error, {}, "en") };
  }
}

describe("the stage-length form", () => {
  it("reads the fields as the procedure's input, an empty number as missing", () => {
    expect(processRuleFormInput(form({ stage: "endorsement", defaultDays: " 40 ", minimumDays: "", reason }))).toEqual({
      stage: "endorsement",
      defaultDays: "40",
      minimumDays: undefined,
      reason,
    });
  });

  it("puts each problem next to its field: a missing number, a default below the minimum, a short reason", async () => {
    const admin = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
    const missing = await post(admin, { stage: "endorsement", defaultDays: "", minimumDays: "twenty", reason: "short" });
    expect(missing.refused).toMatchObject({
      code: "BAD_REQUEST",
      message: null,
      fieldErrors: {
        defaultDays: "Enter the default length as a number of days.",
        minimumDays: "Enter the minimum length as a number of days.",
        reason: "Say in a sentence why the rule changes (at least 10 characters).",
      },
    });
    const inverted = await post(admin, { stage: "endorsement", defaultDays: "20", minimumDays: "30", reason });
    expect(inverted.refused?.fieldErrors).toEqual({ defaultDays: "The default length cannot be shorter than the minimum." });
    const fraction = await post(admin, { stage: "consultation", defaultDays: "45.5", minimumDays: "30", reason });
    expect(fraction.refused?.fieldErrors).toEqual({ defaultDays: "Enter the default length as a whole number of days." });
  });

  it("changes the rule for an admin, shows it with the reason in the public history, and says when nothing would change", async () => {
    const admin = await callerAs(database.db, await createUser(database.db, { role: "admin", displayName: "Ada Admin" }));
    const saved = await post(admin, { stage: "endorsement", defaultDays: "40", minimumDays: "21", reason });
    expect(saved.done).toEqual({ stage: "endorsement", defaultDays: 40, minimumDays: 21 });
    const visitor = await callerAs(database.db, null);
    const { rules, changes } = await visitor.process.rules();
    expect(rules.find((r) => r.stage === "endorsement")).toMatchObject({ defaultDays: 40, minimumDays: 21 });
    expect(changes[0]).toMatchObject({ stage: "endorsement", defaultDaysFrom: 45, defaultDaysTo: 40, minimumDaysFrom: 21, minimumDaysTo: 21, reason, changedBy: "Ada Admin" });

    const again = await post(admin, { stage: "endorsement", defaultDays: "40", minimumDays: "21", reason });
    expect(again.refused).toMatchObject({ fieldErrors: {}, message: expect.stringContaining("nothing changed") });
  });

  it("is refused to the secretariat and to visitors, as one message and no change", async () => {
    const secretariat = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    const refused = await post(secretariat, { stage: "consultation", defaultDays: "90", minimumDays: "30", reason });
    expect(refused.refused).toMatchObject({ code: "FORBIDDEN", fieldErrors: {} });
    const visitor = await post(await callerAs(database.db, null), { stage: "consultation", defaultDays: "90", minimumDays: "30", reason });
    expect(visitor.refused?.code).toBe("UNAUTHORIZED");
    const { rules } = await (await callerAs(database.db, null)).process.rules();
    expect(rules.find((r) => r.stage === "consultation")).toMatchObject({ defaultDays: 60, minimumDays: 30 });
  });
});

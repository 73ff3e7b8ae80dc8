// The forms that post to server actions (docs/performance.md, "Page budgets"): what a refused call
// through the server-side caller becomes on the form (field errors next to their fields, or one
// message), and how the stock-take forms' posted fields become the procedures' input.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { initialState } from "~/app/_components/action-state";
import { refusal as formRefusal } from "~/app/_components/action-state.server";
import { ASSESSMENT } from "~/app/stocktakes/_components/form-names";
import { parseObservationForm, parseStatementForm } from "~/app/stocktakes/_components/form-input";
import { badInput } from "~/server/errors";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { type MailSink, startMailSink } from "./support/mail-sink";

let database: Database;
let mail: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  mail = await startMailSink();
});
afterAll(async () => {
  await mail.close();
  await database.close();
});

/** What the procedure's refusal shows on the form, called as the actions call it. */
async function refusal(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    return formRefusal(initialState(), error, { email: "kept" }, "en");
  }
  throw new Error("the call was not refused");
}

describe("a refused call on a form", () => {
  it("puts the input schema's messages next to their fields, with no message besides", async () => {
    const visitor = await callerAs(database.db, null, mail.mailer);
    const state = await refusal(() => visitor.account.signUp({ displayName: "", email: "not an address", password: "short" }));
    expect(state).toMatchObject({
      n: 1,
      code: "BAD_REQUEST",
      message: null,
      values: { email: "kept" },
      fieldErrors: {
        displayName: "Enter your name as others will see it.",
        email: "Enter an email address in the correct format, like name@example.org.",
        password: "Password must be at least 12 characters.",
      },
    });
  });

  it("gives a refusal about no field as one message, with its code", async () => {
    const visitor = await callerAs(database.db, null, mail.mailer);
    const state = await refusal(() => visitor.account.resetPassword({ token: "x".repeat(40), password: "a long enough password" }));
    expect(state.fieldErrors).toEqual({});
    expect(state.code).toBe("BAD_REQUEST");
    expect(state.message).toMatch(/link/i);
  });

  it("keeps the domain's field messages on their fields", () => {
    const error = new TRPCError({ code: "BAD_REQUEST", message: "Not saved.", cause: badInput("Not saved.", { text: "Too long.", links: "" }) });
    expect(formRefusal(initialState(), error, {}, "en")).toMatchObject({ fieldErrors: { text: "Too long." }, message: null, code: "BAD_REQUEST" });
  });

  it("throws anything that is not a refusal on to the error page", () => {
    expect(() => formRefusal(initialState(), new Error("boom"), {}, "en")).toThrow("boom");
  });
});

const t = (key: string, values?: { value: string; message: string }) => (values ? `${key}: ${values.value}: ${values.message}` : key);
const item = "4b7d5c1e-0f7a-4c35-9a51-0d8f1d0c2a11";
const other = "8e2f2b4a-93d5-4bd7-8c43-5a7a4f3a9c02";
const org = "0c9a7e36-6d3b-4a3e-b2c8-52a3d2b4e0f1";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("the observation form's fields as the procedure's input", () => {
  const base: [string, string][] = [
    ["year", "2026"],
    ["title", "Hospital network disrupted"],
    ["description", "The hospital's network was down for a day after an attack."],
    ["occurredOn", "2026-03-01"],
  ];

  it("reads the actor and source rows, the coded fields and a choice per norm, leaving out blank rows and norms not relevant", () => {
    const parsed = parseObservationForm(
      form([
        ...base,
        ["occurredUntil", "2026-03-03"],
        ["actor-0", `org:${org}`],
        ["actor-1", "state:fr"],
        ["actor-2", ""],
        ["actorLabel-2", " A criminal group "],
        ["actor-3", ""],
        ["attributionStatus", "government"],
        ["attributedBy", "A national agency"],
        ["attributionSource", "https://example.org/statement"],
        ["confidence", "medium"],
        ["evidenceType", "government-statement"],
        [`${ASSESSMENT}${item}`, "unclear"],
        [`${ASSESSMENT}${other}`, ""],
        ["sourceUrl-0", "https://example.org/a"],
        ["sourceArchive-0", "https://web.archive.org/web/2026/https://example.org/a"],
        ["sourceUrl-1", ""],
        ["sourceArchive-1", ""],
        ["sourceUrl-2", " https://example.org/b "],
      ]),
    );
    expect(parsed.success && parsed.data).toEqual({
      year: 2026,
      title: "Hospital network disrupted",
      description: "The hospital's network was down for a day after an attack.",
      occurredOn: "2026-03-01",
      occurredUntil: "2026-03-03",
      actors: [
        { kind: "organization", organizationId: org },
        { kind: "state", country: "FR" },
        { kind: "unattributed", label: "A criminal group" },
      ],
      attributionStatus: "government",
      attributedBy: "A national agency",
      attributionSource: "https://example.org/statement",
      confidence: "medium",
      evidenceType: "government-statement",
      assessments: [{ itemId: item, assessment: "unclear" }],
      sources: [{ url: "https://example.org/a", archiveUrl: "https://web.archive.org/web/2026/https://example.org/a" }, { url: "https://example.org/b" }],
    });
  });

  it("puts each problem on its own row's control: a source that is not http(s), an unknown state, a missing attribution", () => {
    const parsed = parseObservationForm(
      form([
        ...base,
        ["actor-1", "state:XX"],
        ["attributionStatus", "company"],
        ["confidence", "high"],
        ["evidenceType", "technical-report"],
        [`${ASSESSMENT}${item}`, ""],
        ["sourceUrl-0", "https://example.org/a"],
        ["sourceUrl-2", "ftp://example.org/b"],
        ["sourceArchive-3", "javascript:alert(1)"],
        ["sourceUrl-3", "https://example.org/c"],
      ]),
    );
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.fieldErrors).toEqual({
      "actor-1": "Choose a state by its ISO 3166-1 code (for example FR).",
      attributedBy: "Say who attributed it.",
      attributionSource: "Give the source of the attribution.",
      assessments: "Choose at least one norm the observation bears on.",
      "sourceUrl-2": "Links must start with http:// or https://.",
      "sourceArchive-3": "Links must start with http:// or https://.",
    });
    // No actor named at all: the message is on the actors.
    const noActor = parseObservationForm(form([...base, ["attributionStatus", "none"], ["confidence", "low"], ["evidenceType", "media-report"], [`${ASSESSMENT}${item}`, "consistent"], ["sourceUrl-0", "https://example.org/a"]]));
    expect(!noActor.success && noActor.fieldErrors).toEqual({ actors: "Name at least one actor: a forum organisation, a state or unattributed." });
  });
});

describe("the statement form's fields as the procedure's input", () => {
  const base: [string, string][] = [
    ["year", "2026"],
    ["itemId", item],
    ["organizationId", org],
  ];

  it("reads the status, the text and one link per line", () => {
    const parsed = parseStatementForm(form([...base, ["status", "partially"], ["text", " Done in part. "], ["links", "https://example.org/x\n"]]), t);
    expect(parsed.success && parsed.data).toEqual({ year: 2026, itemId: item, organizationId: org, status: "partially", text: "Done in part.", links: ["https://example.org/x"] });
  });

  it("asks for a status when none is chosen, and names a bad link's line", () => {
    const parsed = parseStatementForm(form([...base, ["text", ""], ["links", "ftp://example.org/x"]]), t);
    const fields = Object.fromEntries(parsed.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toEqual({
      status: "Choose implemented, partially, not yet or no information.",
      links: "lineError: ftp://example.org/x: Links must start with http:// or https://.",
    });
  });
});

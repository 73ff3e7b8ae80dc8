// The sentences the server composes reach people in their page's language (issue 20): the English
// catalogue is the code's own sentences, each language translates every one, and a refusal over
// /api/trpc, from a form's server action and for a form's own check comes back in the language its
// page named.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal } from "~/app/_components/action-state.server";
import { createTrpcHandler } from "~/app/api/trpc/[trpc]/handler";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { loadActor } from "~/server/actor";
import { LOCALES, type Locale } from "~/server/i18n/locales";
import { serverTextCatalogue, serverTextKey } from "~/server/i18n/server-text-extract";
import { localizeServerText } from "~/server/i18n/server-text";
import { createInnerContext } from "~/server/trpc";
import { nullMailer } from "./support/context";
import { createTestDatabase } from "./support/db";

const root = fileURLToPath(new URL("..", import.meta.url));
type Catalogue = { wait: Record<string, string>; text: Record<string, string> };
const catalogue = (locale: Locale) => JSON.parse(readFileSync(`${root}/messages/${locale}/serverText.json`, "utf8")) as Catalogue;
/** A sentence's translation as the language's file has it (no arguments). */
const translated = (locale: Locale, english: string) => catalogue(locale).text[serverTextKey(english)]!;

const TITLE = "Enter a title of at least 5 characters.";
const SIGN_IN = "Sign in to do this.";
const CHECK = "Check the highlighted fields.";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("the catalogue of the server's sentences", () => {
  it("is the code's own sentences, every one of them, and nothing else", () => {
    expect(catalogue("en").text).toEqual(serverTextCatalogue(root));
    const sentences = Object.values(catalogue("en").text);
    expect(sentences).toContain(TITLE);
    expect(sentences).toContain(SIGN_IN);
    // Sentences a helper makes of a literal: whole, so the thing named is translated with them.
    expect(sentences).toContain("The norm was not found.");
    expect(sentences).toContain("Write who runs the secretariat.");
    expect(sentences).toContain("Keep the title to {0} characters or fewer.");
    // A template: the code's ${…} become numbered arguments.
    expect(sentences).toContain("You have posted several comments in a short time. You can post again in {0}.");
  });

  it("holds every sentence in every language", () => {
    const keys = Object.keys(catalogue("en").text).sort();
    for (const locale of LOCALES) expect(Object.keys(catalogue(locale).text).sort(), locale).toEqual(keys);
  });
});

describe("localizeServerText", () => {
  it("gives a sentence in the language, and English unchanged", () => {
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      expect(localizeServerText(TITLE, locale)).toBe(translated(locale, TITLE));
      expect(localizeServerText(TITLE, locale)).not.toBe(TITLE);
    }
    expect(localizeServerText(TITLE, "en")).toBe(TITLE);
    // A field named by a schema's helper is translated with its sentence, not left in English.
    expect(localizeServerText("Write who runs the secretariat.", "ru")).toBe(translated("ru", "Write who runs the secretariat."));
    expect(localizeServerText("Keep the title to 300 characters or fewer.", "zh")).toContain("300");
    expect(localizeServerText("Keep the title to 300 characters or fewer.", "zh")).not.toMatch(/title/);
  });

  it("reads a template's values out of the English and puts them into the translation, a wait in the language's words and plural", () => {
    const english = "You have posted several comments in a short time. You can post again in 5 minutes.";
    const russian = localizeServerText(english, "ru");
    expect(russian).not.toBe(english);
    expect(russian).toContain("5 минут");
    const arabic = localizeServerText("You have posted several comments in a short time. You can post again in 1 minute.", "ar");
    expect(arabic).not.toMatch(/minute/);
    expect(localizeServerText("You have posted several comments in a short time. You can post again in 2 seconds.", "fr")).toContain("2 secondes");
  });

  it("writes a number's separators as the language does", () => {
    const english = "Rationale must be 10,000 characters or fewer.";
    expect(Object.values(catalogue("en").text)).toContain(english);
    // A sentence with the number in it is found whole; a template with a number finds its value.
    expect(localizeServerText(english, "fr")).toBe(translated("fr", english));
    const withNumber = Object.values(catalogue("en").text).find((s) => s.includes("{0}") && /stage must run at least/.test(s))!;
    expect(withNumber).toBeTruthy();
    const french = localizeServerText("The stage must run at least 1,200 days: choose 2027-03-01 or later.", "fr");
    expect(french).toContain("2027-03-01");
    expect(french).toMatch(/1\u202f200|1\u00a0200|1 200/);
  });

  it("leaves a sentence it does not know as it is", () => {
    const unknown = "A sentence no code writes.";
    for (const locale of LOCALES) expect(localizeServerText(unknown, locale)).toBe(unknown);
    expect(localizeServerText("", "fr")).toBe("");
  });
});

/** The real /api/trpc handler, for a visitor or a person, from a page in `locale`. */
async function handlerAs(user: { id: string; sessionVersion: number } | null, locale: Locale) {
  const actor = user ? await loadActor(database.db, { userId: user.id, sessionVersion: user.sessionVersion }) : null;
  return createTrpcHandler(async () => createInnerContext({ db: database.db, actor, mailer: nullMailer, locale }));
}

const post = (path: string, input: unknown) =>
  new Request(`http://localhost/api/trpc/${path}`, {
    method: "POST",
    headers: { host: "localhost", origin: "http://localhost", "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });

type Refusal = { error: { json: { message: string; data: { fieldErrors: Record<string, string> | null } } } };

describe("refusals over /api/trpc", () => {
  const norm = { title: "Abc", summary: "Too short", clauses: ["One clause."], categories: ["I"], kind: "mutual_restraint", bindingness: "political" };

  it("come back in the page's language: the schema's field errors, the summary's message and the domain's refusal", async () => {
    const member = await createUser(database.db);
    for (const locale of ["fr", "ar", "zh"] as const) {
      const response = await (await handlerAs(member, locale))(post("norms.create", norm));
      expect(response.status).toBe(400);
      const body = (await response.json()) as Refusal;
      expect(body.error.json.message).toBe(translated(locale, CHECK));
      expect(body.error.json.data.fieldErrors?.title).toBe(translated(locale, TITLE));

      const visitor = (await (await (await handlerAs(null, locale))(post("norms.create", norm))).json()) as Refusal;
      expect(visitor.error.json.message).toBe(translated(locale, SIGN_IN));
    }
  });

  it("stay in English for an English page", async () => {
    const body = (await (await (await handlerAs(null, "en"))(post("norms.create", norm))).json()) as Refusal;
    expect(body.error.json.message).toBe(SIGN_IN);
  });

  it("use zod's own messages in the language where the schema gave none", async () => {
    const response = await (await handlerAs(null, "fr"))(
      new Request(`http://localhost/api/trpc/norms.get?input=${encodeURIComponent(JSON.stringify({ json: { slug: "" } }))}`, { headers: { host: "localhost" } }),
    );
    const body = (await response.json()) as Refusal;
    expect(response.status).toBe(400);
    const message = Object.values(body.error.json.data.fieldErrors ?? {})[0]!;
    expect(message).toBeTruthy();
    expect(message).not.toMatch(/Too small|expected/);
  });

  it("give a form's own messages in the language the call names (languages.serverText)", async () => {
    const texts = [TITLE, "A sentence no code writes."];
    const response = await (await handlerAs(null, "es"))(
      new Request(`http://localhost/api/trpc/languages.serverText?input=${encodeURIComponent(JSON.stringify({ json: { texts } }))}`, { headers: { host: "localhost" } }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { json: string[] } } };
    expect(body.result.data.json).toEqual([translated("es", TITLE), "A sentence no code writes."]);
    const tooMany = await (await handlerAs(null, "es"))(
      new Request(`http://localhost/api/trpc/languages.serverText?input=${encodeURIComponent(JSON.stringify({ json: { texts: Array(51).fill(TITLE) } }))}`, { headers: { host: "localhost" } }),
    );
    expect(tooMany.status).toBe(400);
  });
});

describe("refusals to a form's server action", () => {
  it("put the field errors and the message in the page's language", async () => {
    const { createNormInput } = await import("~/server/schemas/norms");
    const parsed = createNormInput.safeParse({ title: "", summary: "", clauses: [""], categories: [], kind: "mutual_restraint", bindingness: "political" });
    expect(parsed.success).toBe(false);
    const error = parsed.error;
    const initial = { n: 0, fieldErrors: {}, message: null, values: {} };
    expect(refusal(initial, error, {}, "ru").fieldErrors.title).toBe(translated("ru", TITLE));
    expect(refusal(initial, error, {}, "en").fieldErrors.title).toBe(TITLE);
  });
});

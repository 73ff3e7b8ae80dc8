// Mail in the recipient's language (issue 20; docs/languages.md, "Mail"): sign-up records the
// language of the page, the account page changes it (account.setLocale), and account mail and
// notification mail are written in it, with dates for it and links to the pages in it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { notificationPreferences, users } from "~/db/schema";
import { deliverNow } from "~/server/notifications/deliver";
import { describerFor } from "~/server/notifications/describe";
import { emitEvent } from "~/server/notifications/events";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { fieldErrorsOf } from "~/server/trpc";
import { failure } from "./support/errors";
import { readMail } from "./support/mail-decode";
import { type MailSink, startMailSink } from "./support/mail-sink";

let database: Database;
let sink: MailSink;
beforeAll(async () => {
  database = await createTestDatabase();
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  await database.close();
});

const lastMail = (address: string) => {
  const caught = sink.lastTo(address);
  expect(caught, `a mail to ${address}`).toBeTruthy();
  return readMail(caught!);
};
const localeOf = async (email: string) => (await database.db.query.users.findFirst({ columns: { locale: true }, where: eq(users.email, email) }))?.locale;

describe("the language of a person's mail", () => {
  it("is the language of the page they signed up on, and the confirmation mail is in it", async () => {
    const visitor = await callerAs(database.db, null, sink.mailer);
    await visitor.account.signUp({ displayName: "Amélie Diplomate", email: "amelie@example.test", password: "a long enough password", locale: "fr" });
    expect(await localeOf("amelie@example.test")).toBe("fr");
    const mail = lastMail("amelie@example.test");
    expect(mail.subject).toBe("Confirmez votre adresse électronique pour le Forum sur les normes");
    expect(mail.text).toMatch(/^Bonjour Amélie Diplomate,/);
    expect(mail.text).toMatch(/ouvrez ce lien dans les 48 heures/);
    expect(mail.text).toMatch(/\/fr\/verify-email\?token=/);

    // Without a language (the API, an older form): English, at the unprefixed address.
    await visitor.account.signUp({ displayName: "Ann Diplomat", email: "ann@example.test", password: "a long enough password" });
    expect(await localeOf("ann@example.test")).toBe("en");
    const english = lastMail("ann@example.test");
    expect(english.subject).toBe("Confirm your email address for Norms Forum");
    expect(english.text).toMatch(/\/verify-email\?token=/);
    expect(english.text).not.toMatch(/\/fr\//);
  });

  it("refuses a language the forum does not have, next to the field", async () => {
    const visitor = await callerAs(database.db, null, sink.mailer);
    const refused = await failure(visitor.account.signUp({ displayName: "X", email: "x@example.test", password: "a long enough password", locale: "de" as "fr" }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf(refused.cause)?.locale).toBe("Choose one of the forum's languages.");
  });

  it("is set by account.setLocale: a signed-in person only, one of the six codes", async () => {
    const person = await createUser(database.db);
    const anonymous = await failure((await callerAs(database.db, null)).account.setLocale({ locale: "fr" }));
    expect(anonymous.code).toBe("UNAUTHORIZED");

    const api = await callerAs(database.db, person);
    for (const bad of ["xx", "", "FR", "fr-CA"]) {
      const refused = await failure(api.account.setLocale({ locale: bad as "fr" }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(fieldErrorsOf(refused.cause)?.locale).toBe("Choose one of the forum's languages.");
    }
    expect(await localeOf(person.email)).toBe("en");
    expect(await api.account.setLocale({ locale: "ru" })).toEqual({ locale: "ru" });
    expect(await localeOf(person.email)).toBe("ru");
    expect((await api.account.me()).locale).toBe("ru");
  });
});

describe("account mail", () => {
  it("reaches a French person in French and an English person in English (reset password)", async () => {
    const french = await createUser(database.db, { displayName: "Jeanne Experte" });
    await (await callerAs(database.db, french)).account.setLocale({ locale: "fr" });
    const english = await createUser(database.db, { displayName: "Jane Expert" });
    const visitor = await callerAs(database.db, null, sink.mailer);
    await visitor.account.requestPasswordReset({ email: french.email });
    await visitor.account.requestPasswordReset({ email: english.email });

    const fr = lastMail(french.email);
    expect(fr.subject).toBe("Réinitialisez votre mot de passe du Forum sur les normes");
    expect(fr.text).toMatch(/^Bonjour Jeanne Experte,/);
    expect(fr.text).toMatch(/Pour choisir un nouveau mot de passe, ouvrez ce lien dans les deux heures\u00a0:/);
    expect(fr.text).toMatch(/votre mot de passe n’a pas changé\./);
    expect(fr.text).toMatch(/\/fr\/reset-password\?token=/);
    expect(fr.text).not.toMatch(/Hello|your password/);

    const en = lastMail(english.email);
    expect(en.subject).toBe("Reset your Norms Forum password");
    expect(en.text).toMatch(/^Hello Jane Expert,/);
    expect(en.text).toMatch(/To choose a new password, open this link within two hours:/);
    expect(en.text).toMatch(/https?:\/\/[^/\s]+\/reset-password\?token=/);

    // The link in the French mail works like any other.
    const token = sink.tokenFor(french.email, "/fr/reset-password");
    expect(token).toBeTruthy();
    await visitor.account.resetPassword({ token: token!, password: "a brand new password" });
  });

  it("tells the owner of a taken address in the owner's language, not the page's", async () => {
    const owner = await createUser(database.db, { email: "proprietaire@example.test" });
    await database.db.update(users).set({ locale: "es" }).where(eq(users.id, owner.id));
    await (await callerAs(database.db, null, sink.mailer)).account.signUp({ displayName: "Someone", email: owner.email, password: "a long enough password", locale: "zh" });
    const mail = lastMail(owner.email);
    expect(mail.subject).toBe("Alguien intentó crear una cuenta del Foro sobre Normas con su dirección");
    expect(mail.text).toMatch(/\/es\/forgot-password/);
    expect(await localeOf(owner.email)).toBe("es");
  });
});

describe("notification mail", () => {
  async function joinRequestTo(locale: "fr" | "en" | "ar") {
    const person = await createUser(database.db);
    await database.db.update(users).set({ locale }).where(eq(users.id, person.id));
    await database.db.insert(notificationPreferences).values({ userId: person.id, category: "organization", rhythm: "immediately" });
    await emitEvent(database.db, {
      kind: "organization.join_request",
      recipientIds: [person.id],
      actorId: null,
      link: "/organizations/harbour-rights/manage",
      details: { person: "Rita Requester", organization: "Harbour Rights" },
    });
    await deliverNow(database.db, sink.mailer);
    const caught = sink.lastTo(person.email);
    expect(caught, "the notification mail").toBeTruthy();
    const { subject, text } = readMail(caught!);
    // French sets a narrow no-break space before a colon: compared here as a space.
    const spaced = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    return { subject: spaced(subject), text: spaced(text), raw: caught!.raw };
  }

  it("reaches a French person in French: subject, body, links and date", async () => {
    const mail = await joinRequestTo("fr");
    expect(mail.subject).toBe("Forum sur les normes : Rita Requester a demandé à rejoindre Harbour Rights.");
    expect(mail.text).toMatch(/Une mise à jour du Forum sur les normes/i);
    expect(mail.text).toMatch(/Rita Requester a demandé à rejoindre Harbour Rights\./);
    expect(mail.text).toMatch(/L’ouvrir sur le forum/);
    expect(mail.text).toMatch(/\/fr\/organizations\/harbour-rights\/manage/);
    expect(mail.text).toMatch(/\/fr\/account\/notifications/);
    expect(mail.text).toMatch(/\/fr\/unsubscribe\?token=/);
    // The one-click address is the API's, in no language.
    expect(mail.raw).toMatch(/List-Unsubscribe:\s+<[^>]*\/api\/unsubscribe\?token=/);
    // The date as French writes it ("3 décembre 2026 à 04:40").
    const month = new Intl.DateTimeFormat("fr", { month: "long", timeZone: "UTC" }).format(new Date());
    expect(mail.text).toContain(month);
    expect(mail.text).not.toMatch(/asked to join|Open it on the forum/);
  });

  it("reaches an English person in English", async () => {
    const mail = await joinRequestTo("en");
    expect(mail.subject).toBe("Norms Forum: Rita Requester asked to join Harbour Rights.");
    expect(mail.text).toMatch(/An update from the Norms Forum/i);
    expect(mail.text).toMatch(/Open it on the forum/);
    expect(mail.text).not.toMatch(/\/fr\//);
  });

  it("names a person in the reader's language: on behalf of an organisation, or a former member", async () => {
    const fr = await describerFor("fr");
    expect(fr.describeEvent("comment.reply", { person: "Rita Representative", onBehalfOf: "Harbour Rights", norm: "Protecting CSIRTs" })).toBe(
      (await describerFor("fr")).describeEvent("comment.reply", { person: "Rita Representative au nom de Harbour Rights", norm: "Protecting CSIRTs" }),
    );
    // Deleting an account writes the English words and the flag; each language reads its own.
    const deleted = { person: "a former member", formerMember: true, norm: "Protecting CSIRTs" };
    expect(fr.describeEvent("comment.reply", deleted)).toMatch(/^un ancien membre /);
    expect((await describerFor("ru")).describeEvent("comment.reply", deleted)).toMatch(/^бывший участник /);
    expect((await describerFor("en")).describeEvent("comment.reply", deleted)).toMatch(/^a former member replied/);
  });

  it("is marked as Arabic and right to left for an Arabic reader", async () => {
    const mail = await joinRequestTo("ar");
    expect(mail.subject).toMatch(/^منتدى القواعد/);
    expect(mail.raw).toMatch(/lang=(3D)?"ar"/);
    expect(mail.raw).toMatch(/dir=(3D)?"rtl"/);
  });
});

// A person's email addresses (verified representation, issue 17): the sign-in address, confirmed
// when the account was, and further addresses each confirmed by a mailed link. A representation
// rests on one of them (organization_members.address), so an address that one rests on stays.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "~/db/connect";
import { emailTokens, organizationMembers, organizations, userEmails, users } from "~/db/schema";
import { clock } from "../clock";
import { conflict, invalidState, notFound, pgConstraint, pgErrorCode } from "../errors";
import { accountMail, mailLocaleOf, paragraphs } from "../i18n/mail";
import type { Mailer } from "../mail";
import type { Actor } from "../policy";
import { consume, tryConsume } from "../rate-limit";
import type { addAddressInput } from "../schemas/representation";
import { checkToken, issueToken, useToken } from "./tokens";

/** At most this many further addresses per person (a ministry and an NGO need two or three). */
export const MAX_ADDRESSES = 10;

/** A person's confirmed addresses, the sign-in address first (if confirmed). */
export async function confirmedAddresses(db: DbOrTx, userId: string): Promise<string[]> {
  const [user] = await db.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  const further = await db
    .select({ email: userEmails.email })
    .from(userEmails)
    .where(and(eq(userEmails.userId, userId), isNotNull(userEmails.confirmedAt)))
    .orderBy(asc(userEmails.confirmedAt));
  return [...(user?.verifiedAt ? [user.email] : []), ...further.map((r) => r.email)];
}

export async function listAddresses(db: Db, actor: Actor) {
  const [user] = await db.select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, actor.id));
  if (!user) throw notFound("Your account");
  const further = await db
    .select({ id: userEmails.id, email: userEmails.email, confirmedAt: userEmails.confirmedAt, createdAt: userEmails.createdAt })
    .from(userEmails)
    .where(eq(userEmails.userId, actor.id))
    .orderBy(asc(userEmails.createdAt));
  // Which organisations each address carries a representation of.
  const resting = await db
    .select({ address: organizationMembers.address, name: organizations.name, slug: organizations.slug })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(and(eq(organizationMembers.userId, actor.id), isNotNull(organizationMembers.address)))
    .orderBy(asc(organizations.name));
  const representing = (email: string) => resting.filter((r) => r.address === email).map(({ name, slug }) => ({ name, slug }));
  return {
    signIn: { email: user.email, confirmedAt: user.verifiedAt, representing: representing(user.email) },
    further: further.map((a) => ({ ...a, representing: a.confirmedAt ? representing(a.email) : [] })),
  };
}

/** The confirmation link, in the language of the account that asked for it. */
async function sendConfirmation(db: Db, mailer: Mailer, to: string, actor: Actor, token: string) {
  const { t, greeting, link } = await accountMail(await mailLocaleOf(db, actor.id));
  await mailer.send({
    to,
    subject: t("address.subject"),
    text: paragraphs(
      greeting(actor.displayName),
      t("address.body", { email: actor.email }),
      link(`/account/addresses/confirm?token=${encodeURIComponent(token)}`),
      t("address.ignore"),
    ),
  });
}

const tooManyAddressMails = (wait: string) => `You have asked for many confirmation links. Try again in ${wait}.`;

/**
 * Adds a further address, unconfirmed, and mails a link to it; adding an address already waiting
 * sends a new link. Mail is limited per person and per recipient (rate-limit.ts): over the
 * recipient's limit nothing new is sent, and the last link stays valid. An address confirmed on
 * any account (this one's sign-in address included) is refused; one confirmed on another account
 * is refused only when the link is opened, by its owner, so the form tells nobody whose it is.
 */
export async function addAddress(db: Db, mailer: Mailer, actor: Actor, input: z.output<typeof addAddressInput>) {
  const email = input.email;
  if (email === actor.email) {
    throw conflict("This is already your sign-in address.", { email: "This is already your sign-in address." });
  }
  const own = await db.query.userEmails.findFirst({ where: and(eq(userEmails.userId, actor.id), eq(userEmails.email, email)) });
  if (own?.confirmedAt) throw conflict("You have already confirmed this address.", { email: "You have already confirmed this address." });
  await consume(db, "addressConfirmation", actor.id, tooManyAddressMails);
  let addressId = own?.id;
  if (!addressId) {
    const count = await db.$count(userEmails, eq(userEmails.userId, actor.id));
    if (count >= MAX_ADDRESSES) {
      throw invalidState(`You can have at most ${MAX_ADDRESSES} further addresses. Remove one you no longer use first.`);
    }
    const [row] = await db
      .insert(userEmails)
      .values({ userId: actor.id, email, createdAt: clock.now() })
      .onConflictDoNothing()
      .returning({ id: userEmails.id });
    addressId = row?.id ?? (await db.query.userEmails.findFirst({ where: and(eq(userEmails.userId, actor.id), eq(userEmails.email, email)) }))?.id;
    if (!addressId) throw notFound("The address");
  }
  const token = await issueToken(db, actor.id, "confirm_address", clock.now(), addressId);
  if (await tryConsume(db, "mail", `address:${email}`)) await sendConfirmation(db, mailer, email, actor, token);
  return { id: addressId, email };
}

/**
 * Confirms an address from its mailed link, for the account that asked (signed in as it): someone
 * who opens a link meant for another account confirms nothing, so nobody can get an address into
 * their account by sending its owner a link to click.
 */
export async function confirmAddress(db: Db, actor: Actor, token: string) {
  const row = await checkToken(db, token, "confirm_address");
  if (row.userId !== actor.id || !row.userEmailId) {
    throw invalidState("This link confirms an address for another account. Sign in to the account that added the address, then open the link again.");
  }
  try {
    return await db.transaction(async (tx) => {
      await useToken(tx, token, "confirm_address");
      const [confirmed] = await tx
        .update(userEmails)
        .set({ confirmedAt: sql`coalesce(${userEmails.confirmedAt}, ${clock.now().toISOString()}::timestamptz)` })
        .where(and(eq(userEmails.id, row.userEmailId!), eq(userEmails.userId, actor.id)))
        .returning({ email: userEmails.email });
      if (!confirmed) throw notFound("The address");
      return { email: confirmed.email };
    });
  } catch (error) {
    if (pgErrorCode(error) === "23505" && ["user_emails_confirmed_email_key", "user_emails_sign_in_address"].includes(pgConstraint(error) ?? "")) {
      throw conflict("This address is already confirmed on another Norms Forum account. Remove it there first, or sign in to that account.");
    }
    throw error;
  }
}

/** Removes a further address, unless a representation rests on it. */
export async function removeAddress(db: Db, actor: Actor, addressId: string) {
  return db.transaction(async (tx) => {
    const [address] = await tx
      .select({ id: userEmails.id, email: userEmails.email, confirmedAt: userEmails.confirmedAt })
      .from(userEmails)
      .where(and(eq(userEmails.id, addressId), eq(userEmails.userId, actor.id)))
      .for("update");
    if (!address) throw notFound("The address");
    const resting = await tx
      .select({ name: organizations.name })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(and(eq(organizationMembers.userId, actor.id), eq(organizationMembers.address, address.email)))
      .for("update", { of: organizationMembers });
    if (address.confirmedAt && resting.length > 0) {
      throw invalidState(
        `Your representation of ${resting.map((r) => r.name).join(" and ")} rests on this address, so it stays. Step down as representative first, or ask a representative to make you a member.`,
      );
    }
    await tx.delete(emailTokens).where(eq(emailTokens.userEmailId, address.id));
    await tx.delete(userEmails).where(and(eq(userEmails.id, address.id), eq(userEmails.userId, actor.id)));
    return { removed: address.email };
  });
}

// Stopping mail from a link in it, without signing in (RFC 8058 one-click, and the page a person
// reaches from the link): the signed token names the person and the categories of that mail; the
// categories are set to "off". Nothing else can be done with a token, and a forged one is refused.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import { users } from "~/db/schema";
import { badInput } from "../errors";
import { addressKey, consume } from "../rate-limit";
import { readUnsubscribe } from "../notifications/unsubscribe-token";
import type { unsubscribeInput } from "../schemas/notifications";
import { getPreferences, setPreferences } from "./notifications";

const refused = () => badInput("This unsubscribe link is not valid. Open the link from the mail again, or change your mail settings after signing in.", { token: "This link is not valid." });

async function personOf(db: Db, token: string, ip: string | null) {
  await consume(db, "unsubscribeIp", addressKey(ip), (wait) => `Too many unsubscribe requests from this address. Try again in ${wait}.`);
  const read = readUnsubscribe(token);
  if (!read) throw refused();
  const [person] = await db.select({ id: users.id, deleted: users.deletedAt }).from(users).where(eq(users.id, read.userId));
  if (!person || person.deleted) throw refused();
  return read;
}

/** What the link would stop, and whether it already is, for the page before the button. */
export async function unsubscribeInfo(db: Db, input: z.output<typeof unsubscribeInput>, ip: string | null) {
  const { userId, categories } = await personOf(db, input.token, ip);
  const rhythms = await getPreferences(db, userId);
  return { categories, alreadyOff: categories.every((c) => rhythms[c] === "off") };
}

export async function unsubscribe(db: Db, input: z.output<typeof unsubscribeInput>, ip: string | null) {
  const { userId, categories } = await personOf(db, input.token, ip);
  await setPreferences(db, userId, Object.fromEntries(categories.map((c) => [c, "off"])));
  return { categories, off: true as const };
}

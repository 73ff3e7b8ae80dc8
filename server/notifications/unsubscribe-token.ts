// The signed token of an unsubscribe link (RFC 8058 one-click and the page that works without
// signing in): which person, and which categories the mail was about. An HMAC with the app's secret,
// so nobody can turn off someone else's mail by guessing; it does not expire, as a link in an old
// mail must still work.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "../auth/secret";
import { notificationCategories, type NotificationCategory } from "../schemas/notification-vocabulary";

const mac = (payload: string) => createHmac("sha256", `${getAuthSecret()}:unsubscribe`).update(payload).digest("base64url");

export function signUnsubscribe(userId: string, categories: readonly NotificationCategory[]): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, c: [...new Set(categories)].sort() })).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

/** The person and categories of a token, or null when it is not one this forum signed. */
export function readUnsubscribe(token: string): { userId: string; categories: NotificationCategory[] } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; c?: unknown };
    if (typeof data.u !== "string" || !Array.isArray(data.c)) return null;
    const categories = data.c.filter((c): c is NotificationCategory => (notificationCategories as readonly string[]).includes(c as string));
    if (categories.length === 0) return null;
    return { userId: data.u, categories };
  } catch {
    return null;
  }
}

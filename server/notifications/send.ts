// Sending one outbound mail (an immediate notification or a digest), as a job of the queue. The row
// is claimed for a short lease first, so two workers never send it at the same time; it is marked
// sent only once the SMTP server accepted it, and a failure releases the claim and throws, for the
// queue to retry with backoff. A mail already sent or skipped is left alone: a retry or a second
// instance sends nothing twice. What the mail says is read at sending time, and so is whether it
// may go: never to an unconfirmed address, nor participation mail to a suspended person. It is
// written in the person's language (users.locale): words, dates and links (docs/languages.md, "Mail").
import { and, asc, eq, sql } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { type Db, resultRows } from "~/db/connect";
import { notificationEvents, notifications, outboundMail, users } from "~/db/schema";
import { appUrl } from "../app-url";
import { clock } from "../clock";
import { mailDateTime, mailLink, mailLocale, mailMessages } from "../i18n/mail";
import { localizePath } from "../i18n/paths";
import type { Mailer } from "../mail";
import { accountCategories, type EventKind, type NotificationCategory } from "../schemas/notification-vocabulary";
import { describerFor } from "./describe";
import { type MailGroup, renderNotificationMail } from "./mail-template";
import { suspendedSql } from "./fan-out";
import { signUnsubscribe } from "./unsubscribe-token";

export type SendOutcome = "sent" | "skipped" | "not-due";

/** Claims, renders and sends one mail. Throws when the SMTP server refuses it (the queue retries). */
export async function sendOutboundMail(db: Db, mailer: Mailer, mailId: string): Promise<SendOutcome> {
  const [claimed] = resultRows<{ user_id: string; digest_key: string | null }>(
    await db.execute(sql`
      update outbound_mail set claimed_until = now() + interval '2 minutes', attempts = attempts + 1
      where id = ${mailId} and sent_at is null and skipped_at is null and (claimed_until is null or claimed_until < now())
      returning user_id, digest_key`),
  );
  if (!claimed) return "not-due";
  try {
    const now = clock.now();
    const [person] = await db
      .select({ email: users.email, locale: users.locale, confirmed: sql<boolean>`${users.emailVerifiedAt} is not null`, deleted: sql<boolean>`${users.deletedAt} is not null`, suspended: sql<boolean>`${suspendedSql(sql`${users.id}`, now)}` })
      .from(users)
      .where(eq(users.id, claimed.user_id));
    const items = await db
      .select({ category: notifications.category, createdAt: notifications.createdAt, kind: notificationEvents.kind, link: notificationEvents.link, details: notificationEvents.details })
      .from(notifications)
      .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
      .where(and(eq(notifications.mailId, mailId), eq(notifications.userId, claimed.user_id)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    const mailable = person && person.confirmed && !person.deleted ? items.filter((i) => !person.suspended || accountCategories.includes(i.category)) : [];
    if (!person || mailable.length === 0) {
      await db.update(outboundMail).set({ skippedAt: sql`now()`, claimedUntil: null }).where(eq(outboundMail.id, mailId));
      return "skipped";
    }
    const locale = mailLocale(person.locale);
    const inLocale = await mailMessages(locale);
    const t = createTranslator({ ...inLocale, namespace: "notifications.mail" });
    const siteName = createTranslator({ ...inLocale, namespace: "common" })("siteName");
    const { describeEvent, whatToDo } = await describerFor(locale);
    const base = appUrl();
    const categories = [...new Set(mailable.map((i) => i.category as NotificationCategory))];
    const token = encodeURIComponent(signUnsubscribe(claimed.user_id, categories));
    // The page (a person clicking in the mail) and the one-click address (RFC 8058: a POST from the
    // mail client; a GET there, as a link scanner sends, changes nothing).
    const unsubscribeUrl = mailLink(`/unsubscribe?token=${token}`, locale);
    const oneClickUrl = `${base}/api/unsubscribe?token=${token}`;
    const groups = new Map<string | null, MailGroup>();
    for (const item of mailable) {
      const title = typeof item.details.norm === "string" ? item.details.norm : null;
      const group = groups.get(title) ?? { title, items: [] };
      group.items.push({ sentence: describeEvent(item.kind as EventKind, item.details), todo: whatToDo(item.kind as EventKind), url: `${base}${localizePath(item.link, locale)}`, when: mailDateTime(item.createdAt, locale) });
      groups.set(title, group);
    }
    // Norms first, in the order their first update came; updates about no norm last.
    const ordered = [...groups.values()].sort((a, b) => Number(a.title === null) - Number(b.title === null));
    const digest = claimed.digest_key?.startsWith("weekly") ? "weekly" : claimed.digest_key ? "daily" : null;
    const first = ordered[0]!.items[0]!;
    const subject = digest
      ? t(digest === "daily" ? "dailySubject" : "weeklySubject", { count: mailable.length })
      : t("immediateSubject", { sentence: first.sentence.length > 140 ? `${first.sentence.slice(0, 139)}…` : first.sentence });
    const body = await renderNotificationMail({
      locale,
      siteName,
      heading: digest ? t(digest === "daily" ? "dailyHeading" : "weeklyHeading") : t("immediateHeading"),
      intro: digest ? t("digestIntro", { count: mailable.length }) : first.sentence,
      groups: digest ? ordered : [{ title: null, items: [first] }],
      labels: { open: t("open"), otherUpdates: t("otherUpdates"), settings: t("settings"), unsubscribe: t("unsubscribe"), why: t("why") },
      settingsUrl: mailLink("/account/notifications", locale),
      unsubscribeUrl,
    });
    await mailer.send({
      to: person.email,
      subject,
      text: body.text,
      html: body.html,
      headers: {
        // RFC 8058: a mail client may POST "List-Unsubscribe=One-Click" to this address.
        "List-Unsubscribe": `<${oneClickUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    await db.update(outboundMail).set({ sentAt: sql`now()`, claimedUntil: null, lastError: null }).where(eq(outboundMail.id, mailId));
    return "sent";
  } catch (error) {
    await db
      .update(outboundMail)
      .set({ claimedUntil: null, lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500) })
      .where(eq(outboundMail.id, mailId));
    throw error;
  }
}

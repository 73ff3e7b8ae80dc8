import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Pager } from "~/app/_components/pager";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Badge } from "~/app/_components/ui/badge";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { describerFor } from "~/server/notifications/describe";
import { localeCode } from "~/server/i18n/paths";
import { MarkAllRead, OpenNotification } from "./_components/notification-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notificationCentre.centre");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const PAGE_SIZE = 30;

/** The `before` of a page link: a positive id, or none (the newest page). */
function beforeOf(value: string | string[] | undefined): number | undefined {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * The notification centre: the signed-in person's notifications, newest first, unread ones marked
 * in words as well as by their edge; each opens the place it is about and is marked read on the way
 * (a post, so no prefetch marks anything). Never kept in the page cache: it is not a public path.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, actor, t, format, locale] = await Promise.all([searchParams, getActor(), getTranslations("notificationCentre.centre"), getFormatter(), getLocale()]);
  // Each notification's sentence in the page's language (as its mail is in the person's).
  const { describeEvent, whatToDo } = await describerFor(localeCode(locale));
  if (!actor) {
    return (
      <>
        <PageHeader title={t("signInTitle")} description={t("signInText")} />
        <div className="flex flex-wrap items-center gap-x-6 gap-y-4">
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/notifications")}`} className={buttonVariants()} data-testid="notifications-sign-in">
            {t("signIn")}
          </Link>
          <Link href="/sign-up">{t("signUp")}</Link>
        </div>
      </>
    );
  }
  const before = beforeOf(params.before);
  const [page, unread] = await Promise.all([
    load(() => api.notifications.list({ before, limit: PAGE_SIZE })),
    load(() => api.notifications.unreadCount()),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")}>
        <Link href="/account/notifications">{t("settings")}</Link>
      </PageHeader>

      {params.marked === "all" ? (
        <Alert variant="success" role="status" className="mb-6 max-w-[42rem]">
          <AlertDescription>{t("markedAll")}</AlertDescription>
        </Alert>
      ) : null}

      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <p className="text-lg" data-testid="unread-summary">
          {unread >= 100 ? t("unreadSummaryMany") : t("unreadSummary", { count: unread })}
        </p>
        {unread > 0 ? <MarkAllRead label={t("markAll")} /> : null}
      </div>

      {page.items.length === 0 && !before ? (
        <div className="max-w-[42rem] bg-surface p-4 sm:p-6" data-testid="notifications-empty">
          <p className="mb-3 text-lg font-bold">{t("empty")}</p>
          <p>{t("emptyHint")}</p>
        </div>
      ) : (
        <ol aria-label={t("listLabel")} className="max-w-3xl border-t border-border">
          {page.items.map((n) => {
            const isUnread = n.readAt === null;
            return (
              <li
                key={n.id}
                className={`border-b border-border py-4 ${isUnread ? "border-s-8 border-s-primary ps-3 sm:ps-4" : "ps-5 sm:ps-6"}`}
                data-testid="notification"
                data-unread={isUnread ? "yes" : "no"}
              >
                {isUnread ? (
                  <Badge variant="info" className="mb-2">
                    {t("unread")}
                  </Badge>
                ) : (
                  <span className="sr-only">{t("read")}: </span>
                )}
                <OpenNotification id={n.id} sentence={describeEvent(n.kind, n.details)} unread={isUnread} />
                <p className="mt-1 text-base text-muted">{whatToDo(n.kind)}</p>
                <p className="text-base text-muted">
                  <time dateTime={n.createdAt.toISOString()}>{t("received", { date: date(n.createdAt) })}</time>
                </p>
              </li>
            );
          })}
        </ol>
      )}

      <Pager
        label={t("pagerLabel")}
        back={before ? { href: "/notifications", label: t("newest") } : null}
        next={page.nextBefore ? { href: `/notifications?before=${page.nextBefore}`, label: t("older") } : null}
      />
    </>
  );
}

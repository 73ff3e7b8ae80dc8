import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageContents } from "~/app/_components/page-contents";
import { followAction } from "~/app/_components/follow-action";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import type { FollowedItem } from "~/server/domain/notifications";
import { defaultRhythm, mailRhythms, notificationCategories } from "~/server/schemas/notification-vocabulary";
import { PreferencesForm } from "./_components/preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notificationCentre.settings");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What the person follows (each with why, and a way to stop) and their mail rhythm per category. */
export default async function NotificationSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const [params, me, follows, preferences] = await Promise.all([
    searchParams,
    load(() => api.account.me()),
    load(() => api.notifications.follows()),
    load(() => api.notifications.preferences()),
  ]);
  const [t, tn, te, format] = await Promise.all([
    getTranslations("notificationCentre.settings"),
    getTranslations("notifications"),
    getTranslations("common.errors"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const labelOf = (f: FollowedItem) => {
    if (f.type === "forum") return t("labelForum");
    if (f.label === null) return t("labelGone");
    if (f.type === "stocktake") return t("labelStocktake", { year: f.label });
    if (f.type === "thread") return t("labelThread", { title: f.label });
    return f.label;
  };

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")}>
        <Link href="/notifications">{t("centreLink")}</Link>
      </PageHeader>
      <PageContents
        id="settings-contents"
        title={t("contents")}
        items={[
          { href: "#follows-title", label: t("followsTitle") },
          { href: "#mail-title", label: t("mailTitle") },
        ]}
      />

      <section aria-labelledby="follows-title" className="mb-12 max-w-3xl">
        <h2 id="follows-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("followsTitle")}
        </h2>
        <p className="mb-6 max-w-[42rem]">{t("followsLead")}</p>
        {params.unfollowed === "1" ? (
          <Alert variant="success" role="status" className="mb-6 max-w-[42rem]" data-testid="unfollowed">
            <AlertDescription>{t("unfollowed")}</AlertDescription>
          </Alert>
        ) : null}
        {follows.length === 0 ? (
          <p className="max-w-[42rem] bg-surface p-4 sm:p-6" data-testid="follows-empty">
            {t("followsEmpty")}
          </p>
        ) : (
          <ul aria-label={t("followsLabel")} className="border-t border-border" data-testid="follows">
            {follows.map((f) => {
              const label = labelOf(f);
              return (
                <li key={f.target} className="flex flex-col gap-3 border-b border-border py-4 sm:flex-row sm:items-start sm:justify-between sm:gap-6" data-testid="follow-item">
                  <div className="min-w-0">
                    <p className="text-base text-muted">{t(`type.${f.type}`)}</p>
                    <p className="text-lg font-bold break-words">{f.href ? <Link href={f.href}>{label}</Link> : label}</p>
                    <p>{t(`reason.${f.reason}`)}</p>
                    <p className="text-base text-muted">{t("since", { date: date(f.since) })}</p>
                  </div>
                  {f.type === "forum" || f.key ? (
                    <form action={followAction} className="shrink-0">
                      <input type="hidden" name="type" value={f.type} />
                      <input type="hidden" name="key" value={f.key} />
                      <input type="hidden" name="follow" value="0" />
                      <input type="hidden" name="back" value="/account/notifications?unfollowed=1" />
                      <Button type="submit" variant="secondary" size="sm" worksWithoutScript aria-label={t("unfollowLabel", { name: label })}>
                        {t("unfollow")}
                      </Button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="mail-title" className="mb-12 max-w-[42rem]">
        <h2 id="mail-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("mailTitle")}
        </h2>
        <p className="mb-4">{t("mailLead")}</p>
        <div className="mb-6 border-s-8 border-border ps-4">
          <p className="mb-2" data-testid="mail-address">
            {me.emailVerifiedAt ? t("mailAddress", { email: me.email }) : t("mailUnconfirmed", { email: me.email })}
          </p>
          <p className="mb-2">{t("mailUnsubscribe")}</p>
          <p>{t("mailSuspended")}</p>
        </div>
        <PreferencesForm
          groups={notificationCategories.map((category) => ({
            category,
            legend: tn(`categories.${category}`),
            hint: t("defaultHint", { rhythm: tn(`rhythms.${defaultRhythm[category]}`) }),
            value: preferences[category],
          }))}
          rhythms={mailRhythms.map((value) => ({ value, label: tn(`rhythms.${value}`) }))}
          words={{ save: t("save"), saved: t("saved"), savedTitle: t("savedTitle"), errorPrefix: te("errorPrefix") }}
        />
      </section>
    </>
  );
}

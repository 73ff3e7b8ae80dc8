import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { StageDeadlineText } from "./norms/_components/stage-deadline";

type Now = Awaited<ReturnType<typeof api.home.now>>;
type Stage = "consultation" | "endorsement" | "concluded";

const utcDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

async function StageList({ stage, data, headingLevel }: { stage: Stage; data: Now[Stage]; headingLevel: "h2" | "h3" }) {
  const [t, format] = await Promise.all([getTranslations("common.home"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const Heading = headingLevel;
  return (
    <section aria-labelledby={`${stage}-heading`} data-testid={`home-${stage}`}>
      <Heading id={`${stage}-heading`} className="mb-1 text-xl font-bold">
        {t(`${stage}Title`)}
      </Heading>
      {stage !== "concluded" && <p className="mb-3 text-muted">{t(`${stage}Text`)}</p>}
      {data.items.length === 0 ? (
        <p className="mb-3">{t("noneInStage")}</p>
      ) : (
        <ul className="mb-3 space-y-3">
          {data.items.map((n) => (
            <li key={n.slug}>
              <Link href={`/norms/${n.slug}`} className="font-bold">
                {n.title}
              </Link>{" "}
              <span className="text-muted">({t("version", { number: n.currentVersion })})</span>
              {n.organizationName && <span className="block text-sm">{t("byOrganization", { organization: n.organizationName })}</span>}
              <span className="block text-sm text-muted">
                {n.stageSince && (
                  <>
                    {t("stageSince", { stage, date: date(n.stageSince) })}
                    {stage !== "concluded" && n.updatedAt > n.stageSince ? "; " : ""}
                  </>
                )}
                {stage !== "concluded" && (!n.stageSince || n.updatedAt > n.stageSince) && t("lastUpdated", { date: date(n.updatedAt) })}
              </span>
              {n.stage ? (
                <span className="block text-sm">
                  <StageDeadlineText stage={n.stage} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.total > 0 && <Link href={`/norms?status=${stage}`}>{t("seeAll", { count: data.total, stage })}</Link>}
    </section>
  );
}

export default async function HomePage() {
  const [t, tn, format, actor, now] = await Promise.all([
    getTranslations("common.home"),
    getTranslations("common.nav"),
    getFormatter(),
    getActor(),
    api.home.now(),
  ]);
  const longDate = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const next = [
    { title: t("normsTitle"), text: t("normsText"), href: "/norms", link: t("normsLink") },
    { title: t("organizationsTitle"), text: t("organizationsText"), href: "/organizations", link: tn("organizations") },
    actor
      ? { title: t("joinTitle"), text: t("joinText"), href: "/account", link: tn("account") }
      : { title: t("joinTitle"), text: t("joinText"), href: "/sign-up", link: tn("signUp") },
  ];
  const st = now.stocktake;
  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <section aria-labelledby="open-now-heading" id="open-now" className="border-t-4 border-primary pt-4">
        <h2 id="open-now-heading" className="mb-2 text-2xl font-bold">
          {t("openNowTitle")}
        </h2>
        <p className="mb-6 max-w-3xl">{t("openNowLead")}</p>
        <div className="grid gap-8 md:grid-cols-3">
          <StageList stage="consultation" data={now.consultation} headingLevel="h3" />
          <StageList stage="endorsement" data={now.endorsement} headingLevel="h3" />
          <section aria-labelledby="stocktake-heading" data-testid="home-stocktake">
            <h3 id="stocktake-heading" className="mb-1 text-xl font-bold">
              {t("stocktakeTitle")}
            </h3>
            {st ? (
              <>
                <p className="mb-3">
                  {st.window === "open"
                    ? t("stocktakeOpen", { year: st.year, date: longDate(utcDate(st.closesOn)) })
                    : t("stocktakeUpcoming", { year: st.year, opens: longDate(utcDate(st.opensOn)), date: longDate(utcDate(st.closesOn)) })}
                </p>
                <Link href={`/stocktakes/${st.year}`}>{t("stocktakeLink", { year: st.year })}</Link>
              </>
            ) : (
              <>
                <p className="mb-3">{t("stocktakeNone")}</p>
                <Link href="/stocktakes">{t("stocktakesLink")}</Link>
              </>
            )}
          </section>
        </div>
      </section>
      <div className="mt-12 grid gap-8 md:grid-cols-2">
        <div className="border-t-4 border-border pt-4">
          <StageList stage="concluded" data={now.concluded} headingLevel="h2" />
        </div>
        <section aria-labelledby="report-heading" data-testid="home-report" className="border-t-4 border-border pt-4">
          <h2 id="report-heading" className="mb-1 text-xl font-bold">
            {t("reportTitle")}
          </h2>
          {now.latestReport ? (
            <>
              <p className="mb-3">
                {t("reportText", { year: now.latestReport.year, revision: now.latestReport.revision, date: longDate(now.latestReport.publishedAt) })}
              </p>
              <p className="mb-1 text-sm font-bold">{t("reportHash")}</p>
              <p className="mb-3">
                <code className="break-all text-sm">{now.latestReport.sha256}</code>
              </p>
              <Link href={`/stocktakes/${now.latestReport.year}`}>{t("reportLink", { year: now.latestReport.year })}</Link>
            </>
          ) : (
            <p>{t("reportNone")}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="next-heading" className="mt-12">
        <h2 id="next-heading" className="mb-6 text-2xl font-bold">
          {t("nextTitle")}
        </h2>
        <div className="grid gap-10 md:grid-cols-3">
          {next.map((s) => (
            <section key={s.href} aria-labelledby={`${s.href.slice(1)}-heading`} className="border-t-4 border-primary pt-4">
              <h3 id={`${s.href.slice(1)}-heading`} className="mb-3 text-xl font-bold">
                {s.title}
              </h3>
              <p className="mb-4">{s.text}</p>
              <Link href={s.href} className={buttonVariants({ variant: "secondary" })}>
                {s.link}
              </Link>
            </section>
          ))}
        </div>
      </section>
      <div className="mt-12 grid gap-8 md:grid-cols-2">
        <section aria-labelledby="sources-heading" className="border-t-4 border-border pt-4">
          <h2 id="sources-heading" className="mb-3 text-xl font-bold">
            {t("sourcesTitle")}
          </h2>
          <p className="mb-3 max-w-3xl">{t("sourcesText")}</p>
          <ul className="space-y-1">
            <li>
              <Link href="/about/methodology">{t("methodologyLink")}</Link>
            </li>
            <li>
              <Link href="/open-data">{t("openDataLink")}</Link>
            </li>
          </ul>
        </section>
        <section aria-labelledby="reference-heading" className="border-t-4 border-border pt-4">
          <h2 id="reference-heading" className="mb-3 text-xl font-bold">
            {t("referenceTitle")}
          </h2>
          <p className="mb-3 max-w-3xl">{t("referenceText", { count: 33 })}</p>
          <Link href="/reference">{t("referenceLink")}</Link>
        </section>
      </div>
    </>
  );
}

import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { FigureGrid } from "~/app/_components/ui/figure-grid";
import { Badge } from "~/app/_components/ui/badge";
import { buttonVariants } from "~/app/_components/ui/button";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { dayOf, type getStocktake, itemHref } from "./load";
import { ObservationEntry, type ObservationView } from "./observation-entry";
import { ReplyForm } from "./islands";
import { WindowBadge } from "./window-badge";

type Stocktake = Awaited<ReturnType<typeof getStocktake>>;
type Observation = Stocktake["observations"][number];

export type CycleViewer = { kind: "visitor" } | { kind: "suspended" } | { kind: "staff" } | { kind: "signedIn"; representative: boolean };

const sectionHeading = "mb-4 text-2xl font-bold sm:text-3xl";

/** A year not yet published: its window, progress, covered norms, and the ways to take part. */
export async function Cycle({ stocktake: st, viewer, follow }: { stocktake: Stocktake; viewer: CycleViewer; follow?: React.ReactNode }) {
  const [t, tr, format] = await Promise.all([getTranslations("stocktakes.cycle"), getTranslations("stocktakes.observation"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayOf(d), { dateStyle: "long" });
  const year = st.year;
  const items = new Map(st.items.map((i) => [i.id, i]));
  const accepted = st.observations.filter((o) => o.status === "accepted");
  const mine = st.observations.filter((o) => o.status !== "accepted" && o.viewer.isReporter);
  // Pending observations naming an organisation this reader represents: told at once, they may reply.
  const naming = st.observations.filter((o) => o.status === "pending" && !o.viewer.isReporter && o.viewer.canReplyFor.length > 0);

  const view = (o: Observation): ObservationView => ({
    id: o.id,
    title: o.title,
    description: o.description,
    occurredOn: o.occurredOn,
    occurredUntil: o.occurredUntil,
    codebookVersion: o.codebookVersion,
    actors: o.actors.map((a) => (a.kind === "organization" ? { kind: a.kind, slug: a.organization.slug, name: a.organization.name } : a)),
    attribution: o.attribution,
    confidence: o.confidence,
    evidenceType: o.evidenceType,
    sources: o.sources,
    review: o.status === "accepted" ? (o.singleReviewer ? "single" : "two") : null,
    corrections: o.corrections,
    assessments: o.assessments.map((a) => {
      const item = items.get(a.itemId);
      return { key: a.itemId, title: item?.title ?? "", href: item ? itemHref(item) : "#", assessment: a.assessment };
    }),
    replies: o.replies.map((r) => ({ slug: r.slug, name: r.name, text: r.text, updatedAt: r.updatedAt })),
  });

  const replyForms = (o: Observation) =>
    o.viewer.canReplyFor.map((orgId) => {
      const org = o.organizations.find((x) => x.id === orgId);
      if (!org) return null;
      return <ReplyForm key={orgId} observationId={o.id} organization={{ id: org.id, name: org.name }} existing={o.replies.find((r) => r.organizationId === orgId)?.text ?? null} />;
    });

  const lead = st.window === "open" ? t("leadOpen", { closes: day(st.closesOn) }) : st.window === "upcoming" ? t("leadUpcoming", { opens: day(st.opensOn) }) : t("leadClosed");
  const forum = st.items.filter((i) => i.kind === "forum");
  const reference = st.items.filter((i) => i.kind === "reference");

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title", { year })} description={<p>{lead}</p>} />
      {follow}

      <div className="grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <section aria-labelledby="window-heading" className="mb-10">
            <h2 id="window-heading" className={sectionHeading}>
              {t("windowTitle")}
            </h2>
            <DescriptionList
              items={[
                { id: "state", term: t("state"), details: <WindowBadge state={st.window} /> },
                { id: "opens", term: t("opens"), details: t("opensOn", { date: day(st.opensOn) }) },
                { id: "closes", term: t("closes"), details: t("closesOn", { date: day(st.closesOn) }) },
                ...(st.closedAt
                  ? [{ id: "closed", term: t("closed"), details: format.dateTime(st.closedAt, { dateStyle: "long", timeStyle: "short", hourCycle: "h23" }) }]
                  : []),
              ]}
            />
            {st.window === "closed" ? (
              <Alert variant="info">
                <AlertTitle as="h3">{t("notPublishedTitle")}</AlertTitle>
                <AlertDescription>
                  <p>{t("notPublishedText")}</p>
                </AlertDescription>
              </Alert>
            ) : null}
          </section>

          <section aria-labelledby="progress-heading" className="mb-10">
            <h2 id="progress-heading" className={sectionHeading}>
              {t("progressTitle")}
            </h2>
            <FigureGrid
              className="xl:grid-cols-3"
              figures={[
                { id: "organisations", term: t("progress.organizationsFiled"), value: st.progress.organizationsFiled },
                { id: "statements", term: t("progress.statements"), value: st.progress.statements },
                { id: "pending", term: t("progress.observationsPending"), value: st.progress.observationsPending },
                { id: "accepted", term: t("progress.observationsAccepted"), value: st.progress.observationsAccepted },
                { id: "rejected", term: t("progress.observationsRejected"), value: st.progress.observationsRejected },
              ]}
            />
          </section>

          <section aria-labelledby="covered-heading" className="mb-10">
            <h2 id="covered-heading" className={sectionHeading}>
              {t("coveredTitle")}
            </h2>
            <p className="mb-4">{t("coveredLead", { count: st.items.length })}</p>
            {forum.length ? (
              <>
                <h3 className="mb-2 text-xl font-bold">{t("forumNorms")}</h3>
                <ul className="mb-6 border-t border-border">
                  {forum.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border py-2">
                      <Link href={itemHref(i)}>{i.title}</Link>
                      {i.status ? <StatusBadge status={i.status} /> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {reference.length ? (
              <>
                <h3 className="mb-2 text-xl font-bold">{t("referenceNorms")}</h3>
                <ul className="border-t border-border">
                  {reference.map((i) => (
                    <li key={i.id} className="border-b border-border py-2">
                      <Link href={itemHref(i)}>{i.title}</Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </div>

        <aside aria-label={t("asideLabel")} className="flex min-w-0 flex-col gap-10 self-start">
          <TakePart year={year} state={st.window} opens={day(st.opensOn)} viewer={viewer} />
        </aside>
      </div>

      {mine.length ? (
        <section aria-labelledby="mine-heading" className="mb-10">
          <h2 id="mine-heading" className={sectionHeading}>
            {t("mineTitle")}
          </h2>
          <p className="mb-2 max-w-[42rem]">{t("mineLead")}</p>
          <div className="border-t border-border">
            {mine.map((o) => (
              <ObservationEntry
                key={o.id}
                observation={view(o)}
                status={
                  <div className="mb-3" data-testid="observation-status">
                    <Badge variant={o.status === "pending" ? "info" : "warning"}>{tr(`status.${o.status}`)}</Badge>
                    {o.status === "pending" ? <p className="mt-1 text-base text-muted">{tr("pendingNote")}</p> : null}
                    {o.status === "rejected" ? (
                      <p className="mt-2 border-s-4 border-warning bg-warning-tint p-3">
                        <strong>{tr("reviewNote")}</strong> {o.reviewNote ?? tr("noReviewNote")}
                      </p>
                    ) : null}
                  </div>
                }
              />
            ))}
          </div>
        </section>
      ) : null}

      {naming.length ? (
        <section aria-labelledby="naming-heading" className="mb-10">
          <h2 id="naming-heading" className={sectionHeading}>
            {t("namingTitle")}
          </h2>
          <p className="mb-2 max-w-[42rem]">{t("namingLead")}</p>
          <div className="border-t border-border">
            {naming.map((o) => (
              <ObservationEntry
                key={o.id}
                observation={view(o)}
                status={
                  <div className="mb-3" data-testid="observation-status">
                    <Badge variant="info">{tr("status.pending")}</Badge>
                    <p className="mt-1 text-base text-muted">{tr("pendingNamed")}</p>
                    {o.replyUntil ? <p className="mt-1 text-base">{tr("replyUntil", { date: format.dateTime(new Date(o.replyUntil.getTime() - 1), { dateStyle: "long", timeZone: "UTC" }) })}</p> : null}
                  </div>
                }
              >
                {replyForms(o)}
              </ObservationEntry>
            ))}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="accepted-heading" className="mb-10">
        <h2 id="accepted-heading" className={sectionHeading}>
          {t("acceptedTitle")}
        </h2>
        <p className="mb-2 max-w-[42rem]">{t("acceptedLead")}</p>
        {accepted.length === 0 ? (
          <p className="text-muted">{t("acceptedNone")}</p>
        ) : (
          <div className="border-t border-border">
            {accepted.map((o) => (
              <ObservationEntry key={o.id} observation={view(o)}>
                {replyForms(o)}
              </ObservationEntry>
            ))}
          </div>
        )}
      </section>
    </>
  );
}

async function StatusBadge({ status }: { status: string }) {
  const tv = await getTranslations("vocabulary");
  return <Badge>{tv(`normStatus.${status}` as "normStatus.draft")}</Badge>;
}

/** What this reader can do: file statements, log an observation, or sign in first. */
async function TakePart({ year, state, opens, viewer }: { year: number; state: "upcoming" | "open" | "closed"; opens: string; viewer: CycleViewer }) {
  const t = await getTranslations("stocktakes.cycle.takePart");
  return (
    <section aria-labelledby="take-part-heading" className="border-t-4 border-primary pt-4" data-testid="take-part">
      <h2 id="take-part-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      {state === "upcoming" ? (
        <p>{t("upcoming", { date: opens })}</p>
      ) : state === "closed" ? (
        <>
          <p className="mb-4">{t("closed")}</p>
          {viewer.kind === "signedIn" && viewer.representative ? (
            <Link href={`/stocktakes/${year}/statements`}>{t("seeStatements")}</Link>
          ) : null}
        </>
      ) : viewer.kind === "visitor" ? (
        <>
          <p className="mb-4">{t("visitor")}</p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/stocktakes/${year}`)}`} className={buttonVariants({ variant: "secondary" })}>
            {t("signIn")}
          </Link>
        </>
      ) : viewer.kind === "suspended" ? (
        <p>{t("suspended")}</p>
      ) : viewer.kind === "staff" ? (
        <p>{t("staff")}</p>
      ) : (
        <div className="flex flex-col items-start gap-4">
          {viewer.representative ? (
            <div>
              <p className="mb-3">{t("representative")}</p>
              <Link href={`/stocktakes/${year}/statements`} className={buttonVariants()}>
                {t("fileStatements")}
              </Link>
            </div>
          ) : (
            <p>{t("notRepresentative")}</p>
          )}
          <div>
            <p className="mb-3">{t("member")}</p>
            <Link href={`/stocktakes/${year}/observations/new`} className={buttonVariants({ variant: viewer.representative ? "secondary" : "default" })}>
              {t("logObservation")}
            </Link>
          </div>
        </div>
      )}
    </section>
  );
}

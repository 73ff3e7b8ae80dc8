import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { FigureGrid } from "~/app/_components/ui/figure-grid";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { FIGURE_NAMES } from "~/server/domain/narrative-figures";
import { countryName } from "~/server/schemas/countries";
import { categoryCodes } from "~/server/schemas/vocabulary";
import { SecretariatNav } from "../../_components/secretariat-nav";
import { requireSecretariat, utcDate, yearParam } from "../_components/guard";
import { StateBadge } from "../_components/state-badge";
import { CloseWindow } from "./_components/close-window";
import { NarrativeForm } from "./_components/narrative-form";
import { PublishPanel } from "./_components/publish-panel";
import { ReviewObservation } from "./_components/review-observation";

type Params = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("stocktakeAdmin.year");
  return { title: t("title", { year: (await params).year }) };
}

type Stocktake = Awaited<ReturnType<typeof api.stocktakes.get>>;
type Observation = Stocktake["observations"][number];

export default async function SecretariatStocktakePage({ params }: Params) {
  await requireSecretariat();
  const year = yearParam((await params).year);
  const st = await load(() => api.stocktakes.get({ year }));
  const [t, tc, tv, to, format] = await Promise.all([getTranslations("stocktakeAdmin"), getTranslations("secretariat"), getTranslations("vocabulary"), getTranslations("stocktakes.observation"), getFormatter()]);
  const day = (d: string) => format.dateTime(utcDate(d), { dateStyle: "long", timeZone: "UTC" });
  const moment = (d: Date) =>
    format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC", timeZoneName: "short" });
  const itemTitle = new Map(st.items.map((i) => [i.id, i.title]));
  const pending = st.observations.filter((o) => o.status === "pending");
  const reviewed = st.observations.filter((o) => o.status !== "pending");
  const closed = st.window === "closed";
  // The publish form is on this page once the window has closed: the PDF's renderer is readied meanwhile.
  if (closed) await api.stocktakes.preparePublication({ year });
  const current = st.current;
  const publication = st.draft?.publication ?? null;
  const narrative = st.draft?.narrative ?? { summary: "", categories: { I: "", II: "", III: "", IV: "", V: "" } };
  const categoryTitles = Object.fromEntries(categoryCodes.map((c) => [c, tv(`category.${c}`)]));

  const figures = [
    { id: "filed", term: t("progress.filed"), value: st.progress.organizationsFiled },
    { id: "statements", term: t("progress.statements"), value: st.progress.statements },
    { id: "pending", term: t("progress.pending"), value: st.progress.observationsPending },
    { id: "accepted", term: t("progress.accepted"), value: st.progress.observationsAccepted },
    { id: "rejected", term: t("progress.rejected"), value: st.progress.observationsRejected },
    { id: "covered", term: t("progress.covered"), value: st.items.length },
  ];

  /** What an observation is about: when, who, which norms and how, and its sources. */
  const about = (o: Observation) => [
    { id: "occurred", term: t("review.occurredOn"), details: o.occurredUntil ? t("review.period", { from: day(o.occurredOn), until: day(o.occurredUntil) }) : day(o.occurredOn) },
    { id: "codebook", term: t("review.codebook"), details: <Link href={o.codebookVersion === "v1" ? "/about/codebook" : `/about/codebook/${o.codebookVersion}`}>{o.codebookVersion}</Link> },
    { id: "logged", term: t("review.loggedOn"), details: moment(o.createdAt) },
    {
      id: "actors",
      term: t("review.actors"),
      details: (
        <ul className="space-y-1">
          {o.actors.map((a, i) => (
            <li key={i}>
              {a.kind === "organization" ? (
                <Link href={`/organizations/${a.organization.slug}`}>{a.organization.name}</Link>
              ) : a.kind === "state" ? (
                t("review.stateActor", { name: countryName(a.country), code: a.country })
              ) : a.label ? (
                t("review.unattributedAs", { label: a.label })
              ) : (
                t("review.unattributed")
              )}
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "norms",
      term: t("review.norms"),
      details: (
        <ul className="space-y-1">
          {o.assessments.map((a) => (
            <li key={a.itemId}>
              {t("review.assessment", { norm: itemTitle.get(a.itemId) ?? a.itemId, assessment: a.assessment })}
            </li>
          ))}
        </ul>
      ),
    },
    ...(o.attribution
      ? [
          {
            id: "attribution",
            term: t("review.attribution"),
            details: [
              t("review.attributionValue", { status: o.attribution.status }),
              o.attribution.by ? t("review.attributionBy", { by: o.attribution.by }) : null,
              o.attribution.source ? `. ${t("review.attributionSource", { source: o.attribution.source })}` : null,
            ]
              .filter(Boolean)
              .join(" ")
              .replace(" .", "."),
          },
        ]
      : []),
    ...(o.confidence ? [{ id: "confidence", term: t("review.confidence"), details: t("review.confidenceValue", { level: o.confidence }) }] : []),
    ...(o.evidenceType ? [{ id: "evidence", term: t("review.evidence"), details: to(`evidence.${o.evidenceType}`) }] : []),
    ...(o.replyUntil ? [{ id: "replyUntil", term: t("review.replyUntil"), details: moment(o.replyUntil) }] : []),
    {
      id: "replies",
      term: t("review.repliesTerm"),
      details: o.replies.length ? (
        <ul className="space-y-2">
          {o.replies.map((r) => (
            <li key={r.organizationId} className="whitespace-pre-line break-words">
              <strong>{r.name}:</strong> {r.text}
            </li>
          ))}
        </ul>
      ) : (
        t("review.noReplies")
      ),
    },
    {
      id: "reviews",
      term: t("review.reviewsTerm"),
      details: o.reviews.length ? (
        <ul className="space-y-1" data-testid="observation-reviews">
          {o.reviews.map((r) => (
            <li key={r.reviewerId} className="break-words">
              {t("review.reviewBy", { name: r.reviewer, decision: r.decision, date: moment(r.createdAt) })}
              {r.reason ? ` ${t("review.reviewReason", { reason: r.reason })}` : null}
            </li>
          ))}
        </ul>
      ) : (
        t("review.noReviews")
      ),
    },
    {
      id: "sources",
      term: t("review.sources"),
      details: (
        <ul className="space-y-1">
          {o.sources.map(({ url, archiveUrl }) => (
            <li key={url} className="break-all">
              <a href={url} rel="nofollow noopener noreferrer" target="_blank">
                {url}
              </a>
              {archiveUrl ? (
                <>
                  {" ("}
                  <a href={archiveUrl} rel="nofollow noopener noreferrer" target="_blank">
                    {t("review.archived")}
                  </a>
                  {")"}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <>
      <SecretariatNav current="stocktakes" />
      <p className="mb-6">
        <Link href="/secretariat/stocktakes">{t("year.back")}</Link>
      </p>
      <PageHeader
        caption={tc("caption")}
        title={t("year.title", { year })}
        description={
          <>
            <p className="mb-3">
              <StateBadge window={st.window} published={current} />
            </p>
            <p>{t("year.window", { opens: day(st.opensOn), closes: day(st.closesOn) })}</p>
          </>
        }
      >
        {current ? (
          <Button asChild variant="secondary">
            <Link href={`/stocktakes/${year}`}>{t("year.publicPage")}</Link>
          </Button>
        ) : null}
      </PageHeader>

      <section aria-labelledby="progress-title" className="mb-16">
        <h2 id="progress-title" className="mb-6 text-2xl font-bold sm:text-3xl">
          {t("progress.title")}
        </h2>
        <FigureGrid className="sm:gap-4 sm:grid-cols-3" figures={figures} />
      </section>

      <section aria-labelledby="window-title" className="mb-16 max-w-[42rem]">
        <h2 id="window-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("window.title")}
        </h2>
        {st.window === "open" ? (
          <>
            <p className="mb-4">{t("window.openText", { closes: day(st.closesOn) })}</p>
            <p className="mb-6">{t("window.closeEarly")}</p>
            <CloseWindow year={year} />
          </>
        ) : st.window === "upcoming" ? (
          <p>{t("window.upcomingText", { opens: day(st.opensOn) })}</p>
        ) : (
          <p>{t("window.closedText", { closedAt: moment(st.closedAt!) })}</p>
        )}
      </section>

      <section aria-labelledby="review-title" className="mb-16">
        <h2 id="review-title" className="mb-2 text-2xl font-bold sm:text-3xl">
          {t("review.title")}
        </h2>
        <p className="mb-6 max-w-[42rem]">{t("review.lead")}</p>
        {pending.length === 0 ? (
          <p className="text-lg">{t("review.empty")}</p>
        ) : (
          <ol className="space-y-12">
            {pending.map((o) => (
              <li key={o.id}>
                <article aria-labelledby={`observation-${o.id}`} className="border-t-4 border-border pt-4">
                  <h3 id={`observation-${o.id}`} className="mb-4 text-xl font-bold break-words sm:text-2xl">
                    {o.title}
                  </h3>
                  {o.needsThird ? (
                    <p className="mb-4">
                      <Badge variant="warning" data-testid="needs-third">
                        {t("review.needsThird")}
                      </Badge>
                    </p>
                  ) : o.reviews.length === 1 ? (
                    <p className="mb-4">
                      <Badge variant="info">{t("review.needsSecond")}</Badge>
                    </p>
                  ) : null}
                  <p className="mb-6 max-w-[42rem] whitespace-pre-line break-words">{o.description}</p>
                  <DescriptionList className="mb-6 sm:mb-6" items={about(o)} />
                  {o.viewer.reviewBlock ? (
                    <Alert variant="info" role="note" className="max-w-[42rem]">
                      <AlertDescription>
                        {o.viewer.reviewBlock.reason === "reporter"
                          ? t("review.blockedReporter")
                          : o.viewer.reviewBlock.reason === "reviewed"
                            ? t("review.blockedReviewed")
                            : t("review.blockedMember", { organizations: o.viewer.reviewBlock.organizations.join(", ") })}
                      </AlertDescription>
                    </Alert>
                  ) : (
                    <ReviewObservation observationId={o.id} title={o.title} />
                  )}
                </article>
              </li>
            ))}
          </ol>
        )}
        {reviewed.length > 0 ? (
          <details className="mt-10 border-s-4 border-border ps-4">
            <summary className="cursor-pointer text-lg text-link underline hover:text-link-hover">{t("review.reviewed", { count: reviewed.length })}</summary>
            <ul className="mt-6 space-y-6">
              {reviewed.map((o) => (
                <li key={o.id} className="max-w-[42rem]">
                  <p className="font-bold break-words">{o.title}</p>
                  <p className="mb-1">
                    <Badge variant={o.status === "accepted" ? "success" : "danger"}>{t("review.status", { status: o.status })}</Badge>
                  </p>
                  {o.status === "rejected" && o.reviewNote ? <p className="whitespace-pre-line text-muted">{t("review.reasonGiven", { note: o.reviewNote })}</p> : null}
                  {o.replies.length > 0 ? <p className="text-muted">{t("review.replies", { count: o.replies.length })}</p> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="report-title" className="mb-16 max-w-[42rem]">
        <h2 id="report-title" className="mb-2 text-2xl font-bold sm:text-3xl">
          {t("report.title")}
        </h2>
        <p className="mb-8">{t("report.lead")}</p>

        <h3 className="mb-4 text-xl font-bold sm:text-2xl">{t("narrative.title")}</h3>
        <details className="mb-6">
          <summary className="cursor-pointer font-bold text-link underline">{t("narrative.figuresTitle")}</summary>
          <div className="mt-3 border-s-4 border-border ps-4">
            <p className="mb-4">{t("narrative.figuresLead", { example: "{{statements:count}}" })}</p>
            <h4 className="mb-2 font-bold">{t("narrative.figuresTotals")}</h4>
            <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {Object.entries(FIGURE_NAMES.totals).flatMap(([name, words]) =>
                words.map((word) => (
                  <Fragment key={`${name}:${word}`}>
                    <dt>
                      <code>{`{{${name}:${word}}}`}</code>
                    </dt>
                    <dd className="mb-1 sm:mb-0">{t(`narrative.figure.${name}:${word}` as "narrative.figure.items:count")}</dd>
                  </Fragment>
                )),
              )}
            </dl>
            <h4 className="mb-2 font-bold">{t("narrative.figuresPerNorm")}</h4>
            <p className="mb-2">{t("narrative.figuresPerNormLead", { example: `{{support:${st.items.find((i) => i.kind === "forum")?.slug ?? "<slug>"}}}` })}</p>
            <dl className="mb-4 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {FIGURE_NAMES.perNorm.map((name) => (
                <Fragment key={name}>
                  <dt>
                    <code>{`{{${name}:…}}`}</code>
                  </dt>
                  <dd className="mb-1 sm:mb-0">{t(`narrative.figure.${name}` as "narrative.figure.support")}</dd>
                </Fragment>
              ))}
            </dl>
            <h4 className="mb-2 font-bold">{t("narrative.figuresKeys")}</h4>
            <ul className="list-none space-y-1">
              {st.items.map((i) => (
                <li key={i.id}>
                  <code className="break-all">{i.slug ?? i.referenceId}</code> — {i.title}
                </li>
              ))}
            </ul>
          </div>
        </details>
        <NarrativeForm year={year} narrative={narrative} categoryTitles={categoryTitles} />

        <h3 className="mt-12 mb-4 text-xl font-bold sm:text-2xl">{t("report.previewTitle")}</h3>
        {closed ? (
          <>
            <p className="mb-4">{t("report.previewText")}</p>
            <Button asChild variant="secondary">
              <Link href={`/secretariat/stocktakes/${year}/preview`}>{t("report.preview")}</Link>
            </Button>
          </>
        ) : (
          <p>{t("report.previewOnceClosed")}</p>
        )}

        <h3 className="mt-12 mb-4 text-xl font-bold sm:text-2xl">{current ? t("publish.correctionTitle") : t("publish.title")}</h3>
        <PublishPanel year={year} closed={closed} current={current ? { revision: current.revision } : null} running={publication?.status === "running"} />
      </section>

      {st.revisions.length > 0 ? (
        <section aria-labelledby="revisions-title" className="mb-16">
          <h2 id="revisions-title" className="mb-6 text-2xl font-bold sm:text-3xl">
            {t("revisions.title")}
          </h2>
          <ol className="space-y-8">
            {st.revisions.map((r) => {
              const base = `/api/v1/stocktakes/${year}/revisions/${r.revision}`;
              return (
                <li key={r.revision} className="max-w-[42rem] border-t-4 border-border pt-3">
                  <h3 className="mb-2 text-xl font-bold">
                    {t("revisions.revision", { revision: r.revision })}{" "}
                    {r.revision === current?.revision ? <Badge variant="success">{t("revisions.current")}</Badge> : null}
                  </h3>
                  <DescriptionList
                    className="mb-3 sm:mb-3"
                    items={[
                      { id: "published", term: t("revisions.publishedAt"), details: moment(r.publishedAt) },
                      { id: "hash", term: t("revisions.sha256"), details: <code className="break-all">{r.sha256}</code> },
                      ...(r.erratum ? [{ id: "erratum", term: t("revisions.erratum"), details: <p className="whitespace-pre-line">{r.erratum}</p> }] : []),
                    ]}
                  />
                  <p className="flex flex-wrap gap-x-6 gap-y-2">
                    <a href={`${base}/report.pdf`}>{t("revisions.pdf", { revision: r.revision })}</a>
                    <a href={`${base}/snapshot.json`}>{t("revisions.json", { revision: r.revision })}</a>
                    <a href={`${base}/report.csv`}>{t("revisions.csv", { revision: r.revision })}</a>
                  </p>
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="covered-title" className="max-w-[42rem]">
        <h2 id="covered-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("covered.title")}
        </h2>
        <details className="border-s-4 border-border ps-4">
          <summary className="cursor-pointer text-lg text-link underline hover:text-link-hover">{t("covered.summary", { count: st.items.length })}</summary>
          <ul className="mt-4 space-y-2">
            {st.items.map((i) => (
              <li key={i.id} className="break-words">
                {i.kind === "forum" && i.slug ? <Link href={`/norms/${i.slug}`}>{i.title}</Link> : <Link href={`/reference/norms/${i.referenceId}`}>{i.title}</Link>}{" "}
                <span className="text-muted">({t(i.kind === "forum" ? "covered.forum" : "covered.reference")})</span>
              </li>
            ))}
          </ul>
        </details>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { permanentRedirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FollowButton } from "~/app/_components/follow-button";
import { Markdown } from "~/app/_components/markdown";
import { ContentsDisclosure, ContentsSticky } from "~/app/_components/page-contents";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { Label } from "~/app/_components/ui/label";
import { PageHeader } from "~/app/_components/ui/page-header";
import { getActor } from "~/server/context";
import { sponsorable } from "~/server/domain/sponsors";
import { NormBadges } from "../_components/norm-badges";
import { CriteriaResults } from "../_components/criteria-list";
import { StageDeadlineNotice } from "../_components/stage-deadline";
import { api } from "~/app/_trpc/server";
import { AmendmentsSection } from "./_components/amendments-section";
import { Clauses } from "./_components/clauses";
import { DiscussionSection } from "./_components/discussion-section";
import { getNorm } from "./_components/get-norm";
import { NormActions } from "./_components/islands";
import type { NormViewer } from "./_components/norm-actions";
import { getPositions } from "./_components/positions-load";
import { PositionsPanel, type PositionsViewer } from "./_components/positions-panel";
import { catalogueGroupings } from "./_components/positions-catalogue";
import { PositionsSection } from "./_components/positions-section";
import { SponsorsSection, type SponsorsViewer } from "./_components/sponsors-section";
import { Timeline } from "./_components/timeline";
import { FeedLink, feedAlternates } from "~/app/_components/feed-link";
import { feedPaths } from "~/server/open-data/feeds";
import { UptakeTimeline } from "~/app/reference/_components/uptake-timeline";
import { getGlossaryMatcher } from "~/app/glossary/_components/matcher";
import { can } from "~/server/policy";
import { forumLocale } from "~/server/i18n/paths";
import { LANGUAGE_TAGS } from "~/server/i18n/locales";
import { localeCode } from "~/server/i18n/paths";
import { AuthoritativeNotice, languageName, TranslationNotice } from "./_components/translation-notice";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const norm = await getNorm((await params).slug);
  // A draft has no feed: it is not public (server/domain/feeds.ts).
  const feed = norm.isPublic ? feedAlternates(feedPaths.norm(norm.slug), (await getTranslations("openData.feeds"))("alternate.norm", { title: norm.title })) : undefined;
  return { title: norm.title, description: norm.summary, ...(feed ? { alternates: feed } : {}) };
}

const excerpt = (text: string, max = 220) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

export default async function NormPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const norm = await getNorm(slug);
  // A merged duplicate sends readers to the surviving norm; `?record=1` keeps its own record reachable.
  if (norm.mergedInto && query.record !== "1") permanentRedirect(`/norms/${norm.mergedInto.slug}`);

  const [t, tv, tc, ta, tsp, tu, ttr, glossary, format, locale] = await Promise.all([
    getTranslations("norms.page"),
    getTranslations("vocabulary"),
    getTranslations("norms.criteria"),
    getTranslations("amendments.section"),
    getTranslations("sponsors.section"),
    getTranslations("library.uptake"),
    getTranslations("translations.notice"),
    getGlossaryMatcher(),
    getFormatter(),
    getLocale(),
  ]);
  // The reader's language (from the address) may have a translation of the current version: shown
  // in place of the authoritative text, marked as one, unless the reader asked for the authoritative
  // text. Positions, amendments and comments refer to the authoritative text whatever is shown.
  const reader = localeCode(locale);
  const wantsAuthoritative = query.text === "authoritative";
  const inReaderLanguage = reader === forumLocale(norm.language) ? [] : norm.translations.filter((tr) => tr.language === reader);
  const currentTranslation = inReaderLanguage.find((tr) => tr.version === norm.currentVersion);
  // The newest translation into the reader's language of an earlier version, when the current one has none.
  const earlierTranslation = currentTranslation ? undefined : inReaderLanguage[0];
  const translated =
    currentTranslation && !wantsAuthoritative ? (await api.norms.translation({ slug, number: norm.currentVersion, language: reader })).translation : null;
  const shown = translated
    ? { lang: LANGUAGE_TAGS[translated.language], title: translated.title, summary: translated.summary, clauses: translated.clauses, rationale: translated.rationale || norm.rationale, rationaleLang: translated.rationale ? LANGUAGE_TAGS[translated.language] : norm.language }
    : { lang: norm.language, title: norm.title, summary: norm.summary, clauses: norm.clauses, rationale: norm.rationale, rationaleLang: norm.language };
  // Positions cannot exist on a norm never submitted, so it has no positions section.
  const [positions, actor] = !norm.isPublic ? [null, null] : await Promise.all([getPositions(slug), getActor()]);
  // Norms never submitted are not discussed, so their clauses have no comment counts.
  const [clauseCounts, amendments] = !norm.isPublic
    ? [null, null]
    : await Promise.all([api.comments.clauseCounts({ slug, version: norm.currentVersion }), api.amendments.forNorm({ slug })]);
  // A visitor sees the sponsors the norm carries; a signed-in reader also what they may do about them.
  const sponsorsViewer: SponsorsViewer = !actor
    ? { kind: "visitor" }
    : actor.suspension
      ? { kind: "suspended" }
      : { kind: "signedIn", data: await api.sponsors.forNorm({ slug }) };
  const positionsViewer: PositionsViewer = !actor
    ? { kind: "visitor" }
    : actor.suspension
      ? { kind: "suspended" }
      : { kind: "signedIn", organizations: positions?.viewer.organizations ?? [] };
  // A sealed endorsement stage: the reader's organisations' own sealed entries, for its representatives alone.
  const sealed =
    norm.stage?.sealed && !norm.stage.closed && positionsViewer.kind === "signedIn" && positionsViewer.organizations.length > 0 ? await api.positions.sealed({ slug }) : null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const org = norm.proposer.organization;
  const frozen = norm.status === "endorsement" || norm.status === "concluded";
  const latest = norm.versions[0];
  const versionOptions = [...norm.versions]
    .sort((a, b) => a.number - b.number)
    .map((v) => ({ value: v.number, label: t("versionOf", { version: v.number }) }));

  // Every section, in the order the page shows them (the aside's after the main column, as on a phone).
  const contents = [
    { href: "#summary-heading", label: t("summary") },
    { href: "#text-heading", label: t("contentsText") },
    ...(norm.rationale ? [{ href: "#rationale-heading", label: t("rationale") }] : []),
    { href: "#builds-heading", label: t("buildsOn") },
    ...(norm.isPublic ? [{ href: "#uptake-heading", label: tu("title") }] : []),
    ...(norm.isPublic ? [{ href: "#sponsors-heading", label: tsp("title") }] : []),
    ...(norm.mergedFrom.length ? [{ href: "#merged-from-heading", label: t("mergedFrom") }] : []),
    { href: "#versions-heading", label: t("versions") },
    ...(amendments ? [{ href: "#amendments-heading", label: ta("title") }] : []),
    { href: "#timeline-heading", label: t("timeline") },
    ...(norm.nextStep ? [{ href: "#criteria-heading", label: tc("title") }] : []),
    ...(positions ? [{ href: "#positions-heading", label: t("contentsPositions") }] : []),
    ...(positions && norm.status === "concluded" ? [{ href: "#adherence-heading", label: t("contentsAdherence") }] : []),
    ...(positions && positions.positions.length > 0 ? [{ href: "#catalogue-heading", label: t("contentsCatalogue") }] : []),
    ...(norm.isPublic ? [{ href: "#discussion-heading", label: t("contentsDiscussion") }] : []),
    // Named as the panel is: after conclusion it takes adherence, not positions.
    ...(positions?.open ? [{ href: "#record-position-heading", label: norm.status === "concluded" ? t("contentsAdhere") : t("contentsRecordPosition") }] : []),
    { href: "#cite-heading", label: t("citeTitle") },
  ];

  return (
    <>
      <PageHeader
        caption={t("caption")}
        title={<span lang={shown.lang}>{shown.title}</span>}
        description={
          <NormBadges
            status={norm.status}
            categories={norm.categories.map((c) => c.code)}
            kind={norm.kind}
            bindingness={norm.bindingness}
            language={norm.language}
            label={t("details")}
          />
        }
      />
      {/* A norm never submitted is not public, and cannot be followed. */}
      {norm.isPublic ? <FollowButton actor={actor} type="norm" targetKey={norm.slug} back={`/norms/${norm.slug}`} className="-mt-2 mb-8 sm:-mt-4" /> : null}

      <div className="mb-8 flex max-w-3xl flex-col gap-4">
        {translated ? (
          <TranslationNotice
            translation={translated}
            authoritativeLanguage={norm.language}
            authoritativeHref={`/norms/${norm.slug}?text=authoritative`}
            currentVersion={norm.currentVersion}
          />
        ) : currentTranslation ? (
          <AuthoritativeNotice language={currentTranslation.language} authoritativeLanguage={norm.language} translationHref={`/norms/${norm.slug}`} />
        ) : earlierTranslation ? (
          <p data-testid="earlier-translation">
            {ttr("earlierOnly", { language: languageName(earlierTranslation.language, locale), version: earlierTranslation.version, current: norm.currentVersion })}{" "}
            <Link href={`/norms/${norm.slug}/v/${earlierTranslation.version}`}>{ttr("readEarlier", { version: earlierTranslation.version })}</Link>
          </p>
        ) : null}
        {norm.stage ? <StageDeadlineNotice stage={norm.stage} sealedPending={norm.sealedPending} /> : null}
        {norm.mergedInto ? (
          <Alert variant="info">
            <AlertTitle>{t("mergedTitle")}</AlertTitle>
            <AlertDescription>
              <p>
                {t.rich("mergedInto", {
                  link: () => <Link href={`/norms/${norm.mergedInto!.slug}`}>{norm.mergedInto!.title}</Link>,
                })}
              </p>
              <p>{t("mergedRecord")}</p>
            </AlertDescription>
          </Alert>
        ) : null}
        {norm.status === "draft" ? (
          <Alert variant="info">
            <AlertTitle>{t("draftTitle")}</AlertTitle>
            <AlertDescription>
              <p>{t("draftText")}</p>
            </AlertDescription>
          </Alert>
        ) : null}
        {norm.status === "withdrawn" ? (
          <Alert variant="warning">
            <AlertTitle>{t("withdrawnTitle")}</AlertTitle>
            <AlertDescription>
              <p>{norm.isPublic ? t("withdrawnText") : t("withdrawnPrivateText")}</p>
            </AlertDescription>
          </Alert>
        ) : null}
        {frozen ? (
          <Alert variant="info">
            <AlertTitle>{t("frozenTitle")}</AlertTitle>
            <AlertDescription>
              <p>{norm.status === "endorsement" ? t("frozenEndorsement") : t("frozenConcluded")}</p>
            </AlertDescription>
          </Alert>
        ) : null}
      </div>

      <ContentsDisclosure title={t("contents")} items={contents} />

      <div className="grid gap-x-12 gap-y-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0">
          <section aria-labelledby="summary-heading" className="mb-10">
            <h2 id="summary-heading" className="mb-3 text-xl font-bold sm:text-2xl">
              {t("summary")}
            </h2>
            <p className="max-w-2xl text-lg whitespace-pre-line sm:text-xl" lang={shown.lang}>
              {shown.summary}
            </p>
          </section>

          <h2 className="sr-only">{t("details")}</h2>
          <DescriptionList
            items={[
              {
                id: "proposer",
                term: t("proposer"),
                details: org ? (
                  <>
                    <p>
                      <Link href={`/organizations/${org.slug}`}>{org.name}</Link>
                    </p>
                    <p className="text-muted">
                      {tv(`stakeholderType.${org.stakeholderType}`)} · {tv(`region.${org.region}`)}
                    </p>
                    <p className="text-muted">{t("submittedBy", { name: norm.proposer.name })}</p>
                  </>
                ) : (
                  <>
                    <p>{norm.proposer.name}</p>
                    <p className="text-muted">{t("personal")}</p>
                  </>
                ),
              },
              ...(norm.coauthors.length
                ? [{ id: "coauthors", term: t("coauthors"), details: norm.coauthors.map((c) => c.displayName).join(", ") }]
                : []),
              ...(norm.sponsors.length
                ? [{ id: "sponsors", term: tsp("term"), details: <Link href="#sponsors-heading">{tsp("count", { count: norm.sponsors.length })}</Link> }]
                : []),
              {
                id: "categories",
                term: t("categories"),
                details: (
                  <ul>
                    {norm.categories.map((c) => (
                      <li key={c.code}>{t("categoryItem", { code: c.code, title: c.title })}</li>
                    ))}
                  </ul>
                ),
              },
              { id: "kind", term: t("kind"), details: tv(`normKind.${norm.kind}`) },
              { id: "bindingness", term: t("bindingness"), details: tv(`bindingness.${norm.bindingness}`) },
              {
                id: "version",
                term: t("version"),
                details: (
                  <p>
                    <Link href={`/norms/${norm.slug}/v/${norm.currentVersion}`}>{t("versionOf", { version: norm.currentVersion })}</Link>
                    {latest ? <span className="text-muted"> · {date(latest.createdAt)}</span> : null}
                  </p>
                ),
              },
              { id: "proposed", term: t("proposed"), details: date(norm.createdAt) },
            ]}
          />

          <section aria-labelledby="text-heading" className="mb-10">
            <h2 id="text-heading" className="mb-4 text-xl font-bold sm:text-2xl">
              {t("text", { version: norm.currentVersion })}
            </h2>
            <Clauses
              clauses={shown.clauses}
              language={shown.lang}
              labelledBy="text-heading"
              comments={clauseCounts ? { slug: norm.slug, version: norm.currentVersion, byClause: clauseCounts.byClause } : undefined}
              amendments={amendments ? { slug: norm.slug, data: amendments } : undefined}
              // The glossary's terms are matched in the authoritative text only.
              glossary={translated ? undefined : glossary}
            />
          </section>

          {norm.rationale ? (
            <section aria-labelledby="rationale-heading" className="mb-10">
              <h2 id="rationale-heading" className="mb-3 text-xl font-bold sm:text-2xl">
                {t("rationale")}
              </h2>
              <div lang={shown.rationaleLang}>
                <Markdown>{shown.rationale}</Markdown>
              </div>
            </section>
          ) : null}

          <section aria-labelledby="builds-heading" className="mb-10">
            <h2 id="builds-heading" className="mb-2 text-xl font-bold sm:text-2xl">
              {t("buildsOn")}
            </h2>
            {norm.citations.length ? (
              <>
                <p className="mb-4 text-muted">{t("buildsOnLead")}</p>
                <ul className="border-t border-border">
                  {norm.citations.map((c) => (
                    <li key={c.id} className="border-b border-border py-3">
                      <p className="font-bold">
                        <Link href={`/reference/norms/${c.id}`}>{c.display}</Link>
                      </p>
                      <p className="max-w-2xl text-base text-muted sm:text-lg">{excerpt(c.text)}</p>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t("buildsOnNone")}</p>
            )}
          </section>

          {norm.isPublic ? (
            <section aria-labelledby="uptake-heading" className="mb-10">
              <h2 id="uptake-heading" className="mb-2 text-xl font-bold sm:text-2xl">
                {tu("title")}
              </h2>
              <UptakeTimeline
                uptake={norm.uptake}
                headingId="uptake-heading"
                manage={can("uptake.record", actor) ? { target: { normId: norm.id }, back: `/norms/${norm.slug}` } : null}
              />
            </section>
          ) : null}

          {norm.isPublic ? (
            <SponsorsSection slug={norm.slug} normId={norm.id} sponsors={norm.sponsors} open={sponsorable(norm.status)} viewer={sponsorsViewer} />
          ) : null}

          {norm.mergedFrom.length ? (
            <section aria-labelledby="merged-from-heading" className="mb-10">
              <h2 id="merged-from-heading" className="mb-2 text-xl font-bold sm:text-2xl">
                {t("mergedFrom")}
              </h2>
              <p className="mb-3 text-muted">{t("mergedFromLead")}</p>
              <ul className="list-disc ps-6">
                {norm.mergedFrom.map((m) => (
                  <li key={m.slug} className="mb-1">
                    <Link href={`/norms/${m.slug}?record=1`}>{m.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="versions-heading" className="mb-10">
            <h2 id="versions-heading" className="mb-4 text-xl font-bold sm:text-2xl">
              {t("versions")}
            </h2>
            <ol className="mb-6 border-t border-border" aria-labelledby="versions-heading">
              {norm.versions.map((v) => (
                <li key={v.number} className="border-b border-border py-3">
                  <p className="flex flex-wrap items-baseline gap-x-3">
                    <Link href={`/norms/${norm.slug}/v/${v.number}`} className="font-bold">
                      {t("versionOf", { version: v.number })}
                    </Link>
                    {v.number === norm.currentVersion ? <span className="text-muted">{t("current")}</span> : null}
                  </p>
                  <p className="max-w-2xl">{v.changeSummary}</p>
                  {v.amendment ? (
                    <p className="text-base">
                      {t.rich("versionAmendment", {
                        number: v.amendment.number,
                        name: v.amendment.organizationName ? `${v.amendment.authorName} (${v.amendment.organizationName})` : v.amendment.authorName,
                        link: (chunks) => <Link href={`/norms/${norm.slug}/amendments/${v.amendment!.number}`}>{chunks}</Link>,
                      })}
                    </p>
                  ) : null}
                  <p className="text-base text-muted">
                    {t("versionBy", { name: v.authorName, date: date(v.createdAt) })}
                  </p>
                </li>
              ))}
            </ol>
            {norm.translations.length || norm.viewer.canTranslate ? (
              <div className="mb-6" data-testid="translations">
                <h3 id="translations-heading" className="mb-2 text-lg font-bold">
                  {ttr("heading")}
                </h3>
                {norm.translations.length ? (
                  <ul className="mb-3 border-t border-border" aria-labelledby="translations-heading">
                    {norm.translations.map((tr) => (
                      <li key={`${tr.version}-${tr.language}`} className="border-b border-border py-2">
                        <Link href={`/${tr.language}/norms/${norm.slug}/v/${tr.version}`} hrefLang={LANGUAGE_TAGS[tr.language]}>
                          {ttr("item", { language: languageName(tr.language, locale), version: tr.version })}
                        </Link>
                        {tr.version < norm.currentVersion ? <span className="text-muted"> · {ttr("earlierVersion")}</span> : null}
                        <span className="block text-base text-muted">{ttr("providedBy", { name: tr.providedBy, date: date(tr.providedAt) })}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mb-3">{ttr("none")}</p>
                )}
                {norm.viewer.canTranslate ? <Link href={`/norms/${norm.slug}/v/${norm.currentVersion}/translate`}>{ttr("add", { version: norm.currentVersion })}</Link> : null}
              </div>
            ) : null}
            {norm.versions.length > 1 ? (
              <form method="get" action={`/norms/${norm.slug}/redline`} className="bg-surface p-4 sm:p-5" aria-labelledby="compare-heading">
                <h3 id="compare-heading" className="mb-3 text-lg font-bold">
                  {t("compareTitle")}
                </h3>
                <div className="flex flex-wrap items-end gap-4">
                  <div>
                    <Label htmlFor="redline-from" className="mb-1">
                      {t("compareFrom")}
                    </Label>
                    <VersionSelect id="redline-from" name="from" options={versionOptions} defaultValue={1} />
                  </div>
                  <div>
                    <Label htmlFor="redline-to" className="mb-1">
                      {t("compareTo")}
                    </Label>
                    <VersionSelect id="redline-to" name="to" options={versionOptions} defaultValue={norm.currentVersion} />
                  </div>
                  <Button type="submit" worksWithoutScript variant="secondary">
                    {t("compare")}
                  </Button>
                </div>
              </form>
            ) : null}
          </section>

          {amendments ? <AmendmentsSection slug={norm.slug} data={amendments} closedByClock={norm.stage?.stage === "consultation" && norm.stage.closed} /> : null}

          <section aria-labelledby="timeline-heading" className="mb-10">
            <h2 id="timeline-heading" className="mb-4 text-xl font-bold sm:text-2xl">
              {t("timeline")}
            </h2>
            <Timeline events={norm.timeline} mergedInto={norm.mergedInto} slug={norm.slug} />
            {norm.isPublic ? <FeedLink href={feedPaths.norm(norm.slug)} lead="subscribeNorm" className="mt-6 max-w-2xl" /> : null}
          </section>

          {norm.nextStep ? (
            <section aria-labelledby="criteria-heading" className="mb-10">
              <h2 id="criteria-heading" className="mb-3 text-xl font-bold sm:text-2xl">
                {tc("title")}
              </h2>
              <p className="mb-4 max-w-2xl">{tc(norm.nextStep.move === "conclude" ? "leadConclude" : "leadOpenEndorsement")}</p>
              <CriteriaResults move={norm.nextStep.move} results={norm.nextStep.criteria} headingId="criteria-heading" />
              <p className="mt-4">{tc.rich("rules", { link: (chunks) => <Link href="/about/process">{chunks}</Link> })}</p>
            </section>
          ) : null}

          {positions ? <PositionsSection data={positions} grouping={catalogueGroupings.find((g) => g === query.catalogue) ?? "type"} /> : null}
          {norm.isPublic ? <DiscussionSection slug={norm.slug} clauseCount={norm.clauses.length} query={query} /> : null}
        </div>

        <aside className="flex min-w-0 flex-col gap-10" aria-label={t("aside")}>
          {/* Its script is loaded only for a reader who has an action to take. */}
          {hasNormActions(norm.viewer) ? (
            <NormActions
              normId={norm.id}
              slug={norm.slug}
              title={norm.title}
              isPublic={norm.isPublic}
              viewer={norm.viewer}
              unmetMove={norm.nextStep?.criteria.some((c) => !c.met) ? norm.nextStep.move : null}
            />
          ) : null}
          {positions?.open ? (
            <PositionsPanel
              normId={norm.id}
              slug={norm.slug}
              currentVersion={positions.norm.currentVersion}
              clauses={positions.norm.clauses}
              positionCount={positions.measures.counts.total}
              viewer={positionsViewer}
              concluded={norm.status === "concluded"}
              sealed={sealed}
            />
          ) : null}
          <section aria-labelledby="cite-heading" className="border-t-4 border-border pt-4">
            <h2 id="cite-heading" className="mb-3 text-xl font-bold sm:text-2xl">
              {t("citeTitle")}
            </h2>
            <p className="mb-3">{t("citeText")}</p>
            <Link href={`/norms/${norm.slug}/v/${norm.currentVersion}`}>{t("citeLink", { version: norm.currentVersion })}</Link>
          </section>
          {/* Sticks beside the text on wide screens; phones have the collapsed list at the top. */}
          <div className="hidden flex-1 lg:block">
            <ContentsSticky id="norm-contents-heading" title={t("contents")} items={contents} />
          </div>
        </aside>
      </div>

    </>
  );
}

function hasNormActions(viewer: NormViewer): boolean {
  return viewer.canRevise || viewer.canSubmit || viewer.canWithdraw || viewer.transitions.length > 0 || viewer.canMerge || viewer.canExtend;
}

function VersionSelect({
  id,
  name,
  options,
  defaultValue,
}: {
  id: string;
  name: string;
  options: readonly { value: number; label: string }[];
  defaultValue: number;
}) {
  return (
    <NativeSelect id={id} name={name} defaultValue={String(defaultValue)} className="min-w-0">
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </NativeSelect>
  );
}

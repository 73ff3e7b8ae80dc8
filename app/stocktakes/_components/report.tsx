import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { FigureGrid } from "~/app/_components/ui/figure-grid";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { actorsOf, type Snapshot, sourceOf } from "~/server/domain/stocktake-snapshot";
import { countryName } from "~/server/schemas/countries";
import { LANGUAGE_NAMES, LANGUAGE_TAGS, LOCALES } from "~/server/i18n/locales";
import { categoryCodes } from "~/server/schemas/vocabulary";
import { ChartDefs } from "./charts";
import type { getRevision, getStocktake } from "./load";
import { itemHref } from "./load";
import { ObservationEntry, type ObservationView } from "./observation-entry";
import { ReportChanges } from "./report-changes";
import { ReportItem } from "./report-item";
import { CorrectionForm } from "./islands";

type Revision = Awaited<ReturnType<typeof getRevision>>;
type Stocktake = Awaited<ReturnType<typeof getStocktake>>;

const sectionHeading = "mb-4 text-2xl font-bold sm:text-3xl";

/** Download addresses: the current revision's, or an earlier revision's own. */
function downloadsOf(year: number, revision: number, current: boolean) {
  const base = current ? `/api/v1/stocktakes/${year}` : `/api/v1/stocktakes/${year}/revisions/${revision}`;
  return { pdf: `${base}/report.pdf`, json: `${base}/snapshot.json`, csv: `${base}/report.csv` };
}

/**
 * The report's PDF in each language rendered so far (issue 20), each with its own SHA-256: the
 * English one is the address above, the others add ?lang=<code>. The job renders them shortly after
 * publication, so a language may be missing for a few minutes.
 */
function ReportPdfLanguages({ pdfs, href, title, lead, pending, sha }: { pdfs: Revision["pdfs"]; href: string; title: string; lead: string; pending: string; sha: (sha: string) => string }) {
  const others = pdfs.filter((p) => p.language !== "en");
  return (
    <div className="mt-3 text-base" data-testid="report-pdf-languages">
      <p className="font-bold">{title}</p>
      <p className="mb-2 text-muted">{lead}</p>
      <ul className="flex flex-col gap-2">
        {pdfs.map((p) => (
          <li key={p.language} data-language={p.language}>
            <a href={p.language === "en" ? href : `${href}?lang=${p.language}`} hrefLang={LANGUAGE_TAGS[p.language]} lang={LANGUAGE_TAGS[p.language]} type="application/pdf">
              {LANGUAGE_NAMES[p.language]} (PDF)
            </a>
            <span className="block font-mono text-sm break-all text-muted" translate="no">
              {sha(p.sha256)}
            </span>
          </li>
        ))}
      </ul>
      {others.length < LOCALES.length - 1 ? <p className="mt-2 text-muted">{pending}</p> : null}
    </div>
  );
}

/** A published revision of a year's report, read from its snapshot: exactly what the hash covers. */
export async function Report({ revision, stocktake, follow, canRequestCorrection = false }: { revision: Revision; stocktake: Stocktake; follow?: React.ReactNode; canRequestCorrection?: boolean }) {
  const [t, tPdf, format] = await Promise.all([getTranslations("stocktakes.report"), getTranslations("reportPdf.page"), getFormatter()]);
  const s: Snapshot = revision.snapshot;
  const year = s.year;
  const date = (d: Date | string) => format.dateTime(typeof d === "string" ? new Date(d) : d, { dateStyle: "long" });
  const downloads = downloadsOf(year, revision.revision, revision.current);
  const current = stocktake.current;
  const others = stocktake.revisions.filter((r) => r.revision !== revision.revision);
  const contents = [
    { id: "downloads", label: t("downloads.title") },
    { id: "verify", label: t("verify.title") },
    { id: "totals", label: t("totals.title") },
    { id: "summary", label: t("summaryTitle") },
    { id: "changes", label: s.changes ? t("changesTitle", { year: s.changes.previousYear }) : t("changesTitleFirst") },
    { id: "categories", label: t("categoriesTitle") },
    { id: "figures", label: t("figuresTitle") },
    { id: "observations", label: t("observations.title") },
    { id: "organisations", label: t("organisations.title") },
    { id: "revisions", label: t("revisions.title") },
  ];

  return (
    <>
      <ChartDefs />
      <PageHeader
        caption={t("caption")}
        title={t("title", { year })}
        description={<p>{t("revisionLine", { revision: revision.revision, date: date(revision.publishedAt) })}</p>}
      />
      {follow}

      <div className="mb-10 flex max-w-[48rem] flex-col gap-4">
        {revision.current ? (
          <Alert variant="info" data-testid="revision-status">
            <AlertTitle>{t("currentTitle")}</AlertTitle>
            <AlertDescription>
              <p>{t("currentText", { revision: revision.revision })}</p>
              {others.length ? (
                <>
                  <p>{t("earlierLead")}</p>
                  <ul className="list-disc ps-6">
                    {others.map((r) => (
                      <li key={r.revision}>
                        <Link href={`/stocktakes/${year}/revisions/${r.revision}`}>
                          {t("revisionLink", { revision: r.revision, date: date(r.publishedAt) })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : (
          <Alert variant="warning" data-testid="revision-status">
            <AlertTitle>{t("notCurrentTitle", { revision: revision.revision })}</AlertTitle>
            <AlertDescription>
              <p>
                {current
                  ? t("notCurrentText", { revision: revision.revision, current: current.revision, date: date(current.publishedAt) })
                  : null}
              </p>
              <p>
                <Link href={`/stocktakes/${year}`}>{t("readCurrent", { revision: revision.latestRevision })}</Link>
              </p>
            </AlertDescription>
          </Alert>
        )}
        {revision.erratum ? (
          <Alert variant="warning" data-testid="erratum">
            <AlertTitle>{t("erratumTitle", { revision: revision.revision })}</AlertTitle>
            <AlertDescription>
              <p className="whitespace-pre-line">{revision.erratum}</p>
            </AlertDescription>
          </Alert>
        ) : null}
      </div>

      <WithContents id="contents-heading" title={t("contents")} items={contents.map((c) => ({ href: `#${c.id}`, label: c.label }))}>
      <div className="mb-12 grid gap-x-12 gap-y-10 lg:grid-cols-2">
        <section aria-labelledby="downloads" className="min-w-0">
          <h2 id="downloads" className={sectionHeading}>
            {t("downloads.title")}
          </h2>
          <p className="mb-4">{t("downloads.lead", { revision: revision.revision })}</p>
          <ul className="flex flex-col gap-3 text-lg">
            <li>
              <a href={downloads.pdf} className="font-bold">
                {t("downloads.pdf")}
              </a>
              <span className="block text-base text-muted">{t("downloads.pdfHint")}</span>
              <ReportPdfLanguages pdfs={revision.pdfs} href={downloads.pdf} title={tPdf("languagesTitle")} lead={tPdf("languagesLead")} pending={tPdf("pending")} sha={(sha) => tPdf("fileSha", { sha })} />
            </li>
            <li>
              <a href={downloads.json} className="font-bold">
                {t("downloads.json")}
              </a>
              <span className="block text-base text-muted">{t("downloads.jsonHint")}</span>
            </li>
            <li>
              <a href={downloads.csv} className="font-bold">
                {t("downloads.csv")}
              </a>
              <span className="block text-base text-muted">{t("downloads.csvHint")}</span>
            </li>
          </ul>
        </section>

        <section aria-labelledby="verify" className="min-w-0">
          <h2 id="verify" className={sectionHeading}>
            {t("verify.title")}
          </h2>
          <p className="mb-2">{t("verify.lead", { revision: revision.revision })}</p>
          <p
            data-testid="report-sha256"
            className="mb-3 border-s-4 border-foreground bg-surface p-3 font-mono text-base break-all select-all sm:text-lg"
            translate="no"
          >
            {revision.sha256}
          </p>
          <p className="mb-2">{t("verify.howTo")}</p>
          <p>
            <Link href="/about/methodology#verify">{t("verify.methodology")}</Link>
          </p>
        </section>
      </div>

      <ReportBody
        snapshot={s}
        corrections={new Map(stocktake.observations.map((o) => [o.id, o.corrections]))}
        correctionForm={canRequestCorrection ? (id) => <CorrectionForm observationId={id} /> : undefined}
      />
      <p className="mb-12">
        <Link href="/stocktakes/corrections">{t("correctionLogLink")}</Link>
      </p>

      <section aria-labelledby="revisions" className="mb-12 max-w-[48rem]">
        <h2 id="revisions" className={sectionHeading}>
          {t("revisions.title")}
        </h2>
        <p className="mb-4">{t("revisions.lead")}</p>
        <ol reversed className="border-t border-border">
          {stocktake.revisions.map((r) => (
            <li key={r.revision} className="border-b border-border py-3">
              <p className="flex flex-wrap items-baseline gap-x-3">
                {r.revision === revision.revision ? (
                  <strong>{t("revisionLink", { revision: r.revision, date: date(r.publishedAt) })}</strong>
                ) : (
                  <Link href={r.revision === current?.revision ? `/stocktakes/${year}` : `/stocktakes/${year}/revisions/${r.revision}`}>
                    {t("revisionLink", { revision: r.revision, date: date(r.publishedAt) })}
                  </Link>
                )}
                {r.revision === current?.revision ? <span className="text-muted">{t("revisions.current")}</span> : null}
                {r.revision === revision.revision ? <span className="text-muted">{t("revisions.reading")}</span> : null}
              </p>
              {r.erratum ? <p className="text-base">{t("revisions.erratum", { text: r.erratum })}</p> : null}
              <p className="font-mono text-sm break-all text-muted" translate="no">
                {t("revisions.sha", { sha: r.sha256 })}
              </p>
            </li>
          ))}
        </ol>
      </section>
      </WithContents>
    </>
  );
}

/**
 * The report's body as its snapshot holds it: totals, narrative, the comparison with the previous
 * year, findings by category, figures by norm, observations and participants. The published page
 * and the secretariat's preview both show it, so the preview is what will be published.
 */
export async function ReportBody({ snapshot: s, corrections, correctionForm }: { snapshot: Snapshot; corrections?: Map<string, ObservationView["corrections"]>; correctionForm?: (observationId: string) => React.ReactNode }) {
  const [t, tv, format] = await Promise.all([getTranslations("stocktakes.report"), getTranslations("vocabulary"), getFormatter()]);
  const date = (d: Date | string) => format.dateTime(typeof d === "string" ? new Date(d) : d, { dateStyle: "long" });
  const orgs = new Map(s.organizations.map((o) => [o.slug, o]));
  const items = new Map(s.items.map((i) => [i.key, i]));
  const anchorOf = (key: string) => `item-${s.items.findIndex((i) => i.key === key) + 1}`;
  // Format 3 on: "unclear" exists (codebook v1); earlier formats could hold none.
  const hasUnclear = s.items.some((i) => i.observations.unclear !== undefined);
  return (
    <>
      <section aria-labelledby="totals" className="mb-12">
        <h2 id="totals" className={sectionHeading}>
          {t("totals.title")}
        </h2>
        <FigureGrid
          className="sm:gap-4 lg:grid-cols-3"
          figures={[
            { id: "items", term: t("totals.items"), value: s.items.length },
            { id: "organisations", term: t("totals.organisations"), value: s.organizations.length },
            { id: "filed", term: t("totals.organizationsFiled"), value: s.totals.organizationsFiled },
            { id: "statements", term: t("totals.statements"), value: s.totals.statements },
            { id: "positions", term: t("totals.positions"), value: s.totals.positions },
            { id: "observations", term: t("totals.observations"), value: s.totals.observationsAccepted },
          ]}
        />
        <p className="mt-4 text-muted">
          {t("totals.window", {
            opens: date(`${s.window.opensOn}T00:00:00Z`),
            closes: date(`${s.window.closesOn}T00:00:00Z`),
            closedAt: format.dateTime(new Date(s.window.closedAt), { dateStyle: "long", timeStyle: "short", hourCycle: "h23" }),
            rejected: s.totals.observationsRejected,
          })}
        </p>
      </section>

      <section aria-labelledby="summary" className="mb-12 max-w-[48rem]">
        <h2 id="summary" className={sectionHeading}>
          {t("summaryTitle")}
        </h2>
        {/* The narrative is written in the report's language, English, whatever the page's. */}
        {s.narrative.summary.trim() ? (
          <div lang="en">
            <Markdown>{s.narrative.summary}</Markdown>
          </div>
        ) : (
          <p className="text-muted">{t("narrativeEmpty")}</p>
        )}
      </section>

      <ReportChanges changes={s.changes} items={s.items} anchorOf={anchorOf} />

      <section aria-labelledby="categories" className="mb-12">
        <h2 id="categories" className={sectionHeading}>
          {t("categoriesTitle")}
        </h2>
        {categoryCodes.map((code) => {
          const inCategory = s.items.filter((i) => i.categories.includes(code));
          const text = s.narrative.categories[code] ?? "";
          return (
            <section key={code} aria-labelledby={`category-${code}`} className="mb-8 max-w-[48rem]">
              <h3 id={`category-${code}`} className="mb-3 text-xl font-bold sm:text-2xl">
                {t("categoryTitle", { code, title: tv(`category.${code}`) })}
              </h3>
              {text.trim() ? (
                <div lang="en">
                  <Markdown>{text}</Markdown>
                </div>
              ) : (
                <p className="text-muted">{t("narrativeEmpty")}</p>
              )}
              {inCategory.length ? (
                <p className="mt-3 text-base sm:text-lg">
                  <span className="font-bold">{t("categoryItems")}</span>{" "}
                  {inCategory.map((i, n) => (
                    <span key={i.key}>
                      {n > 0 ? "; " : null}
                      <a href={`#${anchorOf(i.key)}`}>{i.title}</a>
                    </span>
                  ))}
                </p>
              ) : (
                <p className="mt-3 text-base text-muted sm:text-lg">{t("categoryNoItems")}</p>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="figures" className="mb-12">
        <h2 id="figures" className={sectionHeading}>
          {t("figuresTitle")}
        </h2>
        <p className="mb-6 max-w-[48rem]">{t("figuresLead")}</p>
        {s.items.map((item, index) => (
          <ReportItem key={item.key} item={item} anchor={`item-${index + 1}`} organizations={orgs} />
        ))}
      </section>

      <section aria-labelledby="observations" className="mb-12">
        <h2 id="observations" className={sectionHeading}>
          {t("observations.title")}
        </h2>
        <p className="mb-6 max-w-[48rem]">{t("observations.lead", { rejected: s.totals.observationsRejected })}</p>
        <Table scrollLabel={t("observations.byItemCaption")} className="mb-8 max-w-[48rem]">
          <TableCaption>{t("observations.byItemCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("observations.colItem")}</TableHead>
              <TableHead scope="col" className="text-end">
                {t("observations.colConsistent")}
              </TableHead>
              <TableHead scope="col" className="text-end">
                {t("observations.colInconsistent")}
              </TableHead>
              {hasUnclear ? (
                <TableHead scope="col" className="text-end">
                  {t("observations.colUnclear")}
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {s.items.map((i) => (
              <TableRow key={i.key}>
                <TableHead scope="row" className="font-normal">
                  <a href={`#${anchorOf(i.key)}`}>{i.title}</a>
                </TableHead>
                <TableCell className="text-end tabular-nums">{i.observations.consistent}</TableCell>
                <TableCell className="text-end tabular-nums">{i.observations.inconsistent}</TableCell>
                {hasUnclear ? <TableCell className="text-end tabular-nums">{i.observations.unclear ?? 0}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {s.observations.length === 0 ? (
          <p>{t("observations.none")}</p>
        ) : (
          <div className="border-t border-border">
            {s.observations.map((o) => (
              <ObservationEntry
                key={o.id}
                observation={{
                  id: o.id,
                  title: o.title,
                  description: o.description,
                  occurredOn: o.occurredOn,
                  occurredUntil: o.occurredUntil,
                  // Formats 1 and 2 predate the codebook: their observations were coded under v0.
                  codebookVersion: o.codebookVersion ?? "v0",
                  actors: actorsOf(o).map((a) => (a.kind === "organization" ? { kind: a.kind, slug: a.organization, name: orgs.get(a.organization)?.name ?? a.organization } : a)),
                  attribution: o.attribution,
                  confidence: o.confidence,
                  evidenceType: o.evidenceType,
                  sources: o.sources.map(sourceOf),
                  // Reports of formats 1 and 2 predate two-person review: one reviewer accepted each.
                  review: o.review ? ("singleReviewer" in o.review ? "single" : "two") : "single",
                  corrections: corrections?.get(o.id),
                  assessments: o.assessments.map((a) => {
                    const item = items.get(a.item);
                    return { key: a.item, title: item?.title ?? a.item, href: item ? itemHref(item) : "#", assessment: a.assessment };
                  }),
                  replies: o.replies.map((r) => ({ slug: r.organization, name: orgs.get(r.organization)?.name ?? r.organization, text: r.text })),
                }}
              >
                {correctionForm?.(o.id)}
              </ObservationEntry>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="organisations" className="mb-12">
        <h2 id="organisations" className={sectionHeading}>
          {t("organisations.title")}
        </h2>
        <p className="mb-4 max-w-[48rem]">{t("organisations.lead")}</p>
        {s.organizations.length === 0 ? (
          <p>{t("organisations.none")}</p>
        ) : (
          <Table scrollLabel={t("organisations.caption")}>
            <TableCaption className="sr-only">{t("organisations.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("organisations.colName")}</TableHead>
                <TableHead scope="col">{t("organisations.colType")}</TableHead>
                <TableHead scope="col">{t("organisations.colRegion")}</TableHead>
                <TableHead scope="col">{t("organisations.colCountry")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...s.organizations]
                .sort((a, b) => a.name.localeCompare(b.name, "en"))
                .map((o) => (
                  <TableRow key={o.slug}>
                    <TableHead scope="row" className="font-normal">
                      <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
                    </TableHead>
                    <TableCell>{tv(`stakeholderType.${o.stakeholderType}`)}</TableCell>
                    <TableCell>{tv(`region.${o.region}`)}</TableCell>
                    <TableCell>{o.country ? countryName(o.country) : t("organisations.noCountry")}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

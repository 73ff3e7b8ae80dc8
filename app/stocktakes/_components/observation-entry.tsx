import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type * as React from "react";
import { Markdown, safeUrl } from "~/app/_components/markdown";
import { Badge } from "~/app/_components/ui/badge";
import { countryName } from "~/server/schemas/countries";
import { CURRENT_CODEBOOK } from "~/server/codebook";
import type { Assessment, AttributionStatus, ConfidenceLevel, EvidenceType } from "~/server/schemas/vocabulary";
import { dayOf } from "./load";

export interface ObservationView {
  id: string;
  title: string;
  description: string;
  occurredOn: string;
  occurredUntil?: string | null;
  /** "v0" for observations logged before the codebook, and for reports of formats 1 and 2. */
  codebookVersion: string;
  actors: ({ kind: "organization"; slug: string; name: string } | { kind: "state"; country: string } | { kind: "unattributed"; label: string | null })[];
  attribution?: { status: AttributionStatus; by: string | null; source: string | null } | null;
  confidence?: ConfidenceLevel | null;
  evidenceType?: EvidenceType | null;
  sources: { url: string; archiveUrl?: string }[];
  /** How it was accepted, where known: by two reviewers, or by one before two-person review. */
  review?: "two" | "single" | null;
  assessments: { key: string; title: string; href: string; assessment: Assessment }[];
  replies: { slug: string; name: string; text: string; updatedAt?: Date }[];
  corrections?: { id: string; text: string; status: "open" | "answered"; answer: string | null; answeredAt: Date | string | null; createdAt: Date | string }[];
}

const link = (url: string, text: React.ReactNode) =>
  safeUrl(url) ? (
    <a href={safeUrl(url)} rel="nofollow ugc noopener" target="_blank">
      {text}
    </a>
  ) : (
    text
  );

/**
 * One behaviour observation: what happened, who was involved, the norms it bears on, its sources,
 * and beside it the replies of the organisations it names. `children` holds what the reader can do
 * (a reply form); `status` the reporter's view of an observation still in review.
 */
export async function ObservationEntry({
  observation: o,
  headingLevel = "h3",
  status,
  children,
}: {
  observation: ObservationView;
  headingLevel?: "h3" | "h4";
  status?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations("stocktakes.observation"), getFormatter()]);
  const Heading = headingLevel;
  const Sub = headingLevel === "h3" ? "h4" : "h5";
  const headingId = `observation-${o.id}`;
  const hasAside = o.replies.length > 0 || Boolean(children);
  const longDay = (d: string) => format.dateTime(dayOf(d), { dateStyle: "long" });
  const codebookHref = o.codebookVersion === CURRENT_CODEBOOK ? "/about/codebook" : `/about/codebook/${o.codebookVersion}`;

  return (
    <article aria-labelledby={headingId} className="border-b border-border py-6" data-testid="observation">
      <div className={hasAside ? "grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:gap-10" : "max-w-[42rem]"}>
        <div className="min-w-0">
          <Heading id={headingId} className="mb-1 text-lg font-bold sm:text-xl">
            {o.title}
          </Heading>
          <p className="mb-1 text-muted">
            {o.occurredUntil && o.occurredUntil !== o.occurredOn
              ? t("occurredBetween", { from: longDay(o.occurredOn), until: longDay(o.occurredUntil) })
              : t("occurredOn", { date: longDay(o.occurredOn) })}
          </p>
          <p className="mb-3 text-base text-muted" data-testid="codebook-version">
            {t.rich("codedUnder", { version: o.codebookVersion, link: (chunks) => <Link href={codebookHref}>{chunks}</Link> })}
          </p>
          {status}
          <Markdown>{o.description}</Markdown>
          <dl className="mt-4 grid gap-3 text-base sm:text-lg">
            <div>
              <dt className="font-bold">{t("actors")}</dt>
              <dd>
                <ul className="flex flex-wrap gap-x-4 gap-y-1" data-testid="observation-actors">
                  {o.actors.map((a, i) =>
                    a.kind === "organization" ? (
                      <li key={i}>
                        <Link href={`/organizations/${a.slug}`}>{a.name}</Link>
                      </li>
                    ) : a.kind === "state" ? (
                      <li key={i}>
                        <Link href={`/states/${a.country.toLowerCase()}`}>{countryName(a.country)}</Link> <span className="text-muted">{t("stateMark")}</span>
                      </li>
                    ) : (
                      <li key={i}>{a.label ? t("unattributedAs", { label: a.label }) : t("unattributed")}</li>
                    ),
                  )}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-bold">{t("norms")}</dt>
              <dd>
                <ul className="flex flex-col gap-1">
                  {o.assessments.map((a) => (
                    <li key={a.key}>
                      {/* One message, so each language orders the assessment and the norm itself. */}
                      {t.rich("assessedAgainst", {
                        assessment: t(`assessment.${a.assessment}`),
                        title: a.title,
                        badge: (chunks) => (
                          <Badge variant={a.assessment === "consistent" ? "info" : a.assessment === "inconsistent" ? "warning" : "neutral"} className="me-1 align-baseline">
                            {chunks}
                          </Badge>
                        ),
                        link: (chunks) => <Link href={a.href}>{chunks}</Link>,
                      })}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-bold">{t("sources")}</dt>
              <dd>
                <ul className="flex flex-col gap-1">
                  {o.sources.map((s) => (
                    <li key={s.url} className="break-all">
                      {link(s.url, s.url)}
                      {s.archiveUrl ? <> ({link(s.archiveUrl, t("archived"))})</> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            {o.attribution ? (
              <div>
                <dt className="font-bold">{t("attribution")}</dt>
                <dd>
                  {t(`attributionStatus.${o.attribution.status}`)}
                  {o.attribution.by ? ` ${t("attributedBy", { name: o.attribution.by })}` : null}
                  {o.attribution.source ? (
                    <>
                      {". "}
                      {safeUrl(o.attribution.source) ? link(o.attribution.source, t("attributionSource", { source: o.attribution.source })) : t("attributionSource", { source: o.attribution.source })}
                    </>
                  ) : null}
                </dd>
              </div>
            ) : null}
            {o.confidence ? (
              <div>
                <dt className="font-bold">{t("confidence")}</dt>
                <dd>{t(`confidenceLevel.${o.confidence}`)}</dd>
              </div>
            ) : null}
            {o.evidenceType ? (
              <div>
                <dt className="font-bold">{t("evidenceType")}</dt>
                <dd>{t(`evidence.${o.evidenceType}`)}</dd>
              </div>
            ) : null}
            {o.review ? (
              <div>
                <dt className="font-bold">{t("review")}</dt>
                <dd data-testid="observation-review">{o.review === "two" ? t("reviewTwo") : t("reviewSingle")}</dd>
              </div>
            ) : null}
          </dl>
        </div>
        {hasAside ? (
          <div className="flex min-w-0 flex-col gap-4">
            {o.replies.map((r) => (
              <section key={r.slug} aria-labelledby={`${headingId}-reply-${r.slug}`} className="border-s-4 border-primary bg-surface p-4">
                <Sub id={`${headingId}-reply-${r.slug}`} className="mb-2 text-base font-bold sm:text-lg">{t("replyFrom", { name: r.name })}</Sub>
                <Markdown>{r.text}</Markdown>
                {r.updatedAt ? (
                  <p className="mt-2 text-base text-muted">{t("repliedOn", { date: format.dateTime(r.updatedAt, { dateStyle: "long" }) })}</p>
                ) : null}
              </section>
            ))}
            {children}
          </div>
        ) : null}
      </div>
      {o.corrections?.length ? (
        <section aria-labelledby={`${headingId}-corrections`} className="mt-4 max-w-[42rem]" data-testid="observation-corrections">
          <Sub id={`${headingId}-corrections`} className="mb-2 text-base font-bold sm:text-lg">
            {t("corrections")}
          </Sub>
          <ul className="flex flex-col gap-3">
            {o.corrections.map((c) => (
              <li key={c.id} id={`correction-${c.id}`} className="border-s-4 border-border ps-4">
                <p className="text-base text-muted">{t("correctionAsked", { date: format.dateTime(new Date(c.createdAt), { dateStyle: "long" }) })}</p>
                <Markdown>{c.text}</Markdown>
                {c.answer ? (
                  <>
                    <p className="mt-2 font-bold">{t("correctionAnswer", { date: c.answeredAt ? format.dateTime(new Date(c.answeredAt), { dateStyle: "long" }) : "" })}</p>
                    <Markdown>{c.answer}</Markdown>
                  </>
                ) : (
                  <p className="mt-2 text-muted">{t("correctionOpen")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type * as React from "react";
import { Markdown, safeUrl } from "~/app/_components/markdown";
import { Badge } from "~/app/_components/ui/badge";
import type { Assessment } from "~/server/schemas/vocabulary";
import { dayOf } from "./load";

export interface ObservationView {
  id: string;
  title: string;
  description: string;
  occurredOn: string;
  organizations: { slug: string; name: string }[];
  outsideActors: string[];
  sources: string[];
  assessments: { key: string; title: string; href: string; assessment: Assessment }[];
  replies: { slug: string; name: string; text: string; updatedAt?: Date }[];
}

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

  return (
    <article aria-labelledby={headingId} className="border-b border-border py-6" data-testid="observation">
      <div className={hasAside ? "grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:gap-10" : "max-w-[42rem]"}>
        <div className="min-w-0">
          <Heading id={headingId} className="mb-1 text-lg font-bold sm:text-xl">
            {o.title}
          </Heading>
          <p className="mb-3 text-muted">
            {t("occurredOn", { date: format.dateTime(dayOf(o.occurredOn), { dateStyle: "long" }) })}
          </p>
          {status}
          <Markdown>{o.description}</Markdown>
          <dl className="mt-4 grid gap-3 text-base sm:text-lg">
            <div>
              <dt className="font-bold">{t("actors")}</dt>
              <dd>
                <ul className="flex flex-wrap gap-x-4 gap-y-1">
                  {o.organizations.map((org) => (
                    <li key={org.slug}>
                      <Link href={`/organizations/${org.slug}`}>{org.name}</Link>
                    </li>
                  ))}
                  {o.outsideActors.map((a) => (
                    <li key={a}>
                      {a} <span className="text-muted">{t("outside")}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            <div>
              <dt className="font-bold">{t("norms")}</dt>
              <dd>
                <ul className="flex flex-col gap-1">
                  {o.assessments.map((a) => (
                    <li key={a.key}>
                      <Badge variant={a.assessment === "consistent" ? "info" : "warning"} className="me-1 align-baseline">
                        {t(`assessment.${a.assessment}`)}
                      </Badge>{" "}
                      {/* The space is text, not only a margin: read aloud or copied, "Inconsistent" and "with" stay two words. */}
                      {t("with")} <Link href={a.href}>{a.title}</Link>
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
                    <li key={s} className="break-all">
                      {safeUrl(s) ? (
                        <a href={safeUrl(s)} rel="nofollow ugc noopener" target="_blank">
                          {s}
                        </a>
                      ) : (
                        s
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
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
    </article>
  );
}

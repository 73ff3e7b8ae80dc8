import type { inferRouterOutputs } from "@trpc/server";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { NormStatusBadge } from "~/app/norms/_components/norm-badges";
import type { AppRouter } from "~/server/root";

export type ActorRecordData = inferRouterOutputs<AppRouter>["actors"]["record"];
type SearchParams = Record<string, string | string[] | undefined>;

/** A section of a long profile: its anchor, its name in the "On this page" list, and its content. */
export interface RecordSection {
  id: string;
  label: string;
  content: React.ReactNode;
}

const cursorParams = ["positionsAfter", "statementsAfter", "observationsAfter"] as const;
export type RecordCursors = Partial<Record<(typeof cursorParams)[number], string>>;

/** The sections' page links from the address; anything else is ignored. */
export function readCursors(params: SearchParams): RecordCursors {
  const cursors: RecordCursors = {};
  for (const key of cursorParams) {
    const value = params[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one) cursors[key] = one.slice(0, 1300);
  }
  return cursors;
}

const groupBy = <T, K>(items: readonly T[], key: (item: T) => K) => {
  const groups: { key: K; items: T[] }[] = [];
  for (const item of items) {
    const k = key(item);
    const last = groups.at(-1);
    if (last && last.key === k) last.items.push(item);
    else groups.push({ key: k, items: [item] });
  }
  return groups;
};

/** An observation's source, as the codebook records it (a page and an optional archived copy) or as earlier rows did (a bare address). */
const sourceOf = (source: unknown): { url: string; archiveUrl?: string } =>
  typeof source === "string" ? { url: source } : (source as { url: string; archiveUrl?: string });

/**
 * An actor's record across years as page sections (positions, statements, observations), shared by
 * state profiles and organisation pages. Each section shows a page of entries with a "more" link
 * that continues after the last one; `base` is the page's address and `headingLevel` the level of
 * each section's heading.
 */
export async function actorRecordSections({
  record,
  base,
  headingLevel = 2,
}: {
  record: ActorRecordData;
  base: string;
  headingLevel?: 2 | 3;
}): Promise<RecordSection[]> {
  const [t, tv, ts, tso, format] = await Promise.all([
    getTranslations("states.record"),
    getTranslations("vocabulary"),
    getTranslations("stocktakes.status"),
    getTranslations("stocktakes.observation"),
    getFormatter(),
  ]);
  const name = record.actor.name;
  const H = `h${headingLevel}` as "h2" | "h3";
  const Sub = `h${headingLevel + 1}` as "h3" | "h4";
  const headingClass = headingLevel === 2 ? "mb-2 text-xl font-bold sm:text-2xl" : "mb-2 text-lg font-bold sm:text-xl";
  const subClass = "mt-6 mb-2 text-lg font-bold";
  const date = (d: Date | string) => {
    const value = typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d;
    return <time dateTime={typeof d === "string" ? d : d.toISOString()}>{format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" })}</time>;
  };
  const more = (param: (typeof cursorParams)[number], next: string | null, anchor: string, paged: boolean) =>
    next || paged ? (
      <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        {next ? (
          <Link href={`${base}?${param}=${encodeURIComponent(next)}#${anchor}`} rel="nofollow">
            {t("more")}
          </Link>
        ) : null}
        {paged ? <Link href={`${base}#${anchor}`}>{t("backToNewest")}</Link> : null}
      </p>
    ) : null;
  const paged = record.paged;

  const positions = (
    <section aria-labelledby="record-positions" className="mb-10" data-testid="record-positions">
      <H id="record-positions" className={headingClass}>
        {t("positionsTitle")}
      </H>
      <p className="mb-2 max-w-2xl text-muted">{t("positionsLead")}</p>
      {record.positions.total === 0 ? (
        <p>{t("positionsNone")}</p>
      ) : (
        <>
          <p className="mb-4">{t("positionsCount", { total: record.positions.total })}</p>
          {groupBy(record.positions.items, (p) => p.recordedAt.getUTCFullYear()).map((group) => (
            <div key={group.key}>
              <Sub className={subClass}>{t("recordedIn", { year: group.key })}</Sub>
              <ul className="border-t border-border">
                {group.items.map((p) => (
                  <li key={`${p.norm.slug}-${p.organization.slug}`} className="border-b border-border py-4">
                    <p className="mb-1 font-semibold break-words">
                      <Link href={`/norms/${p.norm.slug}`}>{p.norm.title}</Link>
                    </p>
                    <p className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1">
                      <NormStatusBadge status={p.norm.status} />
                      <span className="font-semibold">{t("stance", { stance: tv(`stance.${p.stance}`) })}</span>
                    </p>
                    {p.statement ? (
                      <blockquote className="mb-2 max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words">
                        <p>{p.statement}</p>
                      </blockquote>
                    ) : null}
                    <p className="text-base text-muted">
                      {p.current ? t("onVersion", { version: p.version }) : t("earlierVersion", { version: p.version, current: p.norm.currentVersion })}{" "}
                      {t.rich("recordedOn", { date: () => date(p.recordedAt) })}
                      {record.actor.organizations.length > 1 ? <> {t("byOrganization", { organization: p.organization.name })}</> : null}
                    </p>
                    {!p.counted ? <p className="text-base font-semibold">{t("notCounted", { organization: p.organization.name })}</p> : null}
                    {p.history.length > 1 ? (
                      <details className="mt-2">
                        <summary className="cursor-pointer">{t("historyShow", { count: p.history.length })}</summary>
                        <ol className="mt-2 space-y-1 border-s-4 border-border ps-4 text-base">
                          {p.history.map((h) => (
                            <li key={h.sequence}>
                              {date(h.recordedAt)}: {t("historyEntry", { kind: h.kind, stance: tv(`stance.${h.stance}`), version: h.version })}
                              {h.revealedAt ? <> ({t.rich("revealed", { date: () => date(h.revealedAt!) })})</> : null}
                            </li>
                          ))}
                        </ol>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {more("positionsAfter", record.positions.next, "record-positions", paged.positions)}
        </>
      )}
    </section>
  );

  const statements = (
    <section aria-labelledby="record-statements" className="mb-10" data-testid="record-statements">
      <H id="record-statements" className={headingClass}>
        {t("statementsTitle")}
      </H>
      <p className="mb-2 max-w-2xl text-muted">{t("statementsLead")}</p>
      {record.statements.total === 0 ? (
        <p>{t("statementsNone")}</p>
      ) : (
        <>
          <p className="mb-4">{t("statementsCount", { total: record.statements.total })}</p>
          {groupBy(record.statements.items, (s) => s.year).map((group) => (
            <div key={group.key}>
              <Sub className={subClass}>
                {t("year", { year: group.key })} · <Link href={`/stocktakes/${group.key}`}>{t("reportLink", { year: group.key })}</Link>
              </Sub>
              <ul className="border-t border-border">
                {group.items.map((s, i) => (
                  <li key={`${s.title}-${s.organization.slug}-${i}`} className="border-b border-border py-4">
                    <p className="mb-1 font-semibold break-words">{s.normSlug ? <Link href={`/norms/${s.normSlug}`}>{s.title}</Link> : s.referenceId ? <Link href={`/reference/norms/${encodeURIComponent(s.referenceId)}`}>{s.title}</Link> : s.title}</p>
                    <p className="mb-1">
                      <Badge>{ts(s.status)}</Badge>
                    </p>
                    {s.text ? <p className="mb-1 max-w-2xl whitespace-pre-line break-words">{s.text}</p> : null}
                    {record.actor.organizations.length > 1 ? <p className="text-base text-muted">{t("byOrganization", { organization: s.organization.name })}</p> : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {more("statementsAfter", record.statements.next, "record-statements", paged.statements)}
        </>
      )}
    </section>
  );

  const observationList = (
    <section aria-labelledby="record-observations" className="mb-10" data-testid="record-observations">
      <H id="record-observations" className={headingClass}>
        {t("observationsTitle")}
      </H>
      <p className="mb-2 max-w-2xl text-muted">{t("observationsLead", { name })}</p>
      {record.observations.total === 0 ? (
        <p>{t("observationsNone", { name })}</p>
      ) : (
        <>
          <p className="mb-4">{t("observationsCount", { total: record.observations.total })}</p>
          {groupBy(record.observations.items, (o) => o.year).map((group) => (
            <div key={group.key}>
              <Sub className={subClass}>
                {t("year", { year: group.key })} · <Link href={`/stocktakes/${group.key}`}>{t("reportLink", { year: group.key })}</Link>
              </Sub>
              <ul className="border-t border-border">
                {group.items.map((o) => (
                  <li key={o.id} className="border-b border-border py-4" data-testid="record-observation">
                    <p className="mb-1 font-semibold break-words">{o.title}</p>
                    <p className="mb-2 text-base text-muted">
                      {o.occurredUntil && o.occurredUntil !== o.occurredOn
                        ? t.rich("occurredPeriod", { from: () => date(o.occurredOn), to: () => date(o.occurredUntil!) })
                        : t.rich("occurred", { date: () => date(o.occurredOn) })}
                      {o.attributionStatus ? <> · {tso(`attributionStatus.${o.attributionStatus}`)}{o.attributedBy ? ` (${o.attributedBy})` : null}</> : null}
                      {o.confidence ? <> · {t("confidence", { level: tso(`confidenceLevel.${o.confidence}`) })}</> : null}
                      {" · "}
                      {t("codebook", { version: o.codebookVersion })}
                    </p>
                    <p className="mb-2 max-w-2xl whitespace-pre-line break-words">{o.description}</p>
                    {o.norms.length ? (
                      <p className="mb-2 text-base">
                        {t("bearsOn")}:{" "}
                        {o.norms.map((n, i) => (
                          <span key={`${n.title}-${i}`}>
                            {i > 0 ? "; " : null}
                            {n.normSlug ? <Link href={`/norms/${n.normSlug}`}>{n.title}</Link> : n.title} ({t("assessment", { assessment: n.assessment })})
                          </span>
                        ))}
                      </p>
                    ) : null}
                    {o.sources.length ? (
                      <p className="mb-2 text-base break-all">
                        {t("sources")}:{" "}
                        {o.sources.map(sourceOf).map((s, i) => (
                          <span key={`${s.url}-${i}`}>
                            {i > 0 ? ", " : null}
                            <a href={s.url} rel="nofollow noopener">
                              {s.url}
                            </a>
                            {s.archiveUrl ? (
                              <>
                                {" "}
                                (
                                <a href={s.archiveUrl} rel="nofollow noopener">
                                  {t("archived")}
                                </a>
                                )
                              </>
                            ) : null}
                          </span>
                        ))}
                      </p>
                    ) : null}
                    {o.replies.map((r) => (
                      <div key={r.organization.slug} className="mt-2">
                        <p className="text-base font-semibold">{t("replyBy", { organization: r.organization.name })}</p>
                        <blockquote className="max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words" data-testid="record-reply">
                          <p>{r.text}</p>
                        </blockquote>
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {more("observationsAfter", record.observations.next, "record-observations", paged.observations)}
        </>
      )}
    </section>
  );

  return [
    { id: "record-positions", label: t("positionsTitle"), content: positions },
    { id: "record-statements", label: t("statementsTitle"), content: statements },
    { id: "record-observations", label: t("observationsTitle"), content: observationList },
  ];
}

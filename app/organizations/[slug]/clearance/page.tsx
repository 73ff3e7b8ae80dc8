import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Badge } from "~/app/_components/ui/badge";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import type { ClearanceEntry } from "~/server/domain/clearance";
import { COUNTERSIGN_DAYS } from "~/server/schemas/clearance";
import { getOrganization } from "../get-organization";
import { EntryActions, type OfferedAction } from "./_components/entry-actions";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [organization, t] = await Promise.all([getOrganization((await params).slug), getTranslations("clearance.page")]);
  return { title: `${t("title")}: ${organization.name}` };
}

/** What an entry says, in one or two lines. */
async function Summary({ entry }: { entry: ClearanceEntry }) {
  const [t, tv, ts] = await Promise.all([getTranslations("clearance.page"), getTranslations("vocabulary"), getTranslations("stocktakes.status")]);
  const c = entry.content as Record<string, unknown>;
  const text = String(c.statement ?? c.text ?? "");
  return (
    <>
      {entry.kind === "position" ? (
        <p className="mb-1 font-semibold">
          {t("stance", { stance: tv(`stance.${c.stance as "endorse"}`) })}
          {(c.clauses as number[]).length ? <span className="font-normal"> · {t("clauses", { clauses: (c.clauses as number[]).join(", ") })}</span> : null}
        </p>
      ) : entry.kind === "statement" ? (
        <p className="mb-1 font-semibold">{t("status", { status: ts(c.status as "implemented") })}</p>
      ) : null}
      {text ? (
        <blockquote className="mb-2 max-w-2xl border-s-4 border-border ps-4 whitespace-pre-line break-words">
          <p className="line-clamp-4">{text}</p>
        </blockquote>
      ) : null}
    </>
  );
}

/** What the last action did, as its redirect says (actions.ts). */
const doneMessages = { published: "countersigned", declined: "declined", withdrawn: "withdrawn", discarded: "discarded", pending: "submittedPending", submitted: "submittedPublished" } as const;

export default async function ClearancePage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { slug } = await params;
  const { done } = await searchParams;
  const doneKey = done && done in doneMessages ? doneMessages[done as keyof typeof doneMessages] : null;
  const organization = await getOrganization(slug);
  // For representatives only: everyone else gets the 401 or 403 page.
  const data = await load(() => api.clearance.entries({ organizationId: organization.id }));
  const [t, format] = await Promise.all([getTranslations("clearance.page"), getFormatter()]);
  const date = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium" })}</time>;
  const base = `/organizations/${organization.slug}/clearance`;

  const heading = (entry: ClearanceEntry) => (
    <>
      <p className="mb-1 flex flex-wrap items-center gap-2 text-base text-muted">
        <span>{t(`kind.${entry.kind}`)}</span>
        {entry.target.year ? <span>· {t("stocktake", { year: entry.target.year })}</span> : null}
        <Badge variant={entry.state === "lapsed" ? "warning" : entry.state === "pending" ? "info" : "neutral"}>{t(`state.${entry.state}`)}</Badge>
      </p>
      <h3 className="mb-2 text-lg font-bold break-words sm:text-xl">
        <Link href={`${base}/${entry.id}`}>{entry.target.title}</Link>
      </h3>
    </>
  );
  const pdfLink = (entry: ClearanceEntry) => (
    <a href={`${base}/${entry.id}/pdf`} className="text-base" aria-label={t("pdfLabel", { title: entry.target.title })} download>
      {t("pdf")}
    </a>
  );

  const pendingActions = (entry: ClearanceEntry): OfferedAction[] => [
    ...(entry.viewer.canCountersign ? [{ intent: "countersign" as const, label: t("countersign"), variant: "default" as const }] : []),
    ...(entry.viewer.canCountersign ? [{ intent: "decline" as const, label: t("decline"), variant: "destructive-secondary" as const }] : []),
    ...(entry.viewer.canWithdraw ? [{ intent: "withdraw" as const, label: t("withdraw"), variant: "destructive-secondary" as const }] : []),
  ];

  return (
    <>
      <p className="mb-6">
        <Link href={`/organizations/${organization.slug}/manage`}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("back")}
        </Link>
      </p>
      <PageHeader caption={organization.name} title={t("title")} description={t("lead", { name: organization.name })} />
      {doneKey ? (
        <Alert variant="success" role="status" className="mb-6 max-w-3xl" data-testid="clearance-done">
          <AlertDescription>{t(doneKey)}</AlertDescription>
        </Alert>
      ) : null}
      <p className="mb-10 max-w-3xl border-s-4 border-primary bg-surface p-4" data-testid="countersignature-mode">
        {data.organization.requiresCountersignature
          ? t("required", { name: organization.name, days: COUNTERSIGN_DAYS })
          : t("notRequired", { name: organization.name })}
      </p>

      <section aria-labelledby="pending-heading" className="mb-12" data-testid="pending-entries">
        <h2 id="pending-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("pendingTitle")}
        </h2>
        {data.pending.length === 0 ? (
          <p>{t("pendingEmpty")}</p>
        ) : (
          <ul className="border-t border-border">
            {data.pending.map((entry) => (
              <li key={entry.id} className="border-b border-border py-5" data-testid="pending-entry">
                {heading(entry)}
                <Summary entry={entry} />
                <p className="mb-1 text-base text-muted">{t.rich("enteredBy", { name: entry.enteredBy, date: () => date(entry.submittedAt ?? entry.updatedAt) })}</p>
                {entry.lapsesAt ? (
                  <p className="mb-3 text-base font-semibold">
                    {entry.state === "lapsed" ? t.rich("lapsedOn", { date: () => date(entry.lapsesAt!) }) : t.rich("lapsesOn", { date: () => date(entry.lapsesAt!) })}
                  </p>
                ) : null}
                {entry.viewer.enteredIt && entry.state === "pending" ? <p className="mb-3 text-base">{t("yours")}</p> : null}
                <div className="flex flex-col gap-3">
                  <EntryActions entryId={entry.id} slug={organization.slug} title={entry.target.title} actions={pendingActions(entry)} />
                  <p>{pdfLink(entry)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="drafts-heading" className="mb-12" data-testid="draft-entries">
        <h2 id="drafts-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("draftsTitle")}
        </h2>
        <p className="mb-4 max-w-3xl text-muted">{t("draftsLead")}</p>
        {data.drafts.length === 0 ? (
          <p>{t("draftsEmpty")}</p>
        ) : (
          <ul className="border-t border-border">
            {data.drafts.map((entry) => (
              <li key={entry.id} className="border-b border-border py-5" data-testid="draft-entry">
                {heading(entry)}
                <Summary entry={entry} />
                <p className="mb-3 text-base text-muted">{t.rich("savedBy", { name: entry.enteredBy, date: () => date(entry.updatedAt) })}</p>
                <div className="flex flex-col gap-3">
                  <EntryActions
                    entryId={entry.id}
                    slug={organization.slug}
                    title={entry.target.title}
                    actions={[
                      { intent: "submit", label: data.organization.requiresCountersignature ? t("submitForCountersignature") : t("submit"), variant: "default" },
                      { intent: "withdraw", label: t("discard"), variant: "destructive-secondary" },
                    ]}
                  />
                  <p className="flex flex-wrap gap-x-6 gap-y-2">
                    <Link href={`${base}/${entry.id}`}>{t("edit")}</Link>
                    {pdfLink(entry)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="decided-heading">
        <h2 id="decided-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("decidedTitle")}
        </h2>
        {data.decided.length === 0 ? (
          <p>{t("decidedEmpty")}</p>
        ) : (
          <ul className="border-t border-border">
            {data.decided.map((entry) => (
              <li key={entry.id} className="border-b border-border py-4">
                <p className="mb-1 text-base text-muted">{t(`kind.${entry.kind}`)}</p>
                <p className="mb-1 font-semibold break-words">
                  <Link href={`${base}/${entry.id}`}>{entry.target.title}</Link>
                </p>
                <p className="text-base text-muted">
                  {entry.decidedBy
                    ? t.rich("decidedBy", { state: t(`state.${entry.state}`), name: entry.decidedBy, date: () => date(entry.decidedAt ?? entry.updatedAt) })
                    : t.rich("decidedOn", { state: t(`state.${entry.state}`), date: () => date(entry.decidedAt ?? entry.updatedAt) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

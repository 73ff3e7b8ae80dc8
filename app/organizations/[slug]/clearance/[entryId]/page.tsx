import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getOrganization } from "../../get-organization";
import { DraftForm } from "./_components/draft-form";

type Params = Promise<{ slug: string; entryId: string }>;
type Search = Promise<{ saved?: string }>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [organization, t] = await Promise.all([getOrganization((await params).slug), getTranslations("clearance.page")]);
  return { title: `${t("title")}: ${organization.name}` };
}

export default async function ClearanceEntryPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { slug, entryId } = await params;
  if (!uuid.test(entryId)) notFound();
  const organization = await getOrganization(slug);
  const entry = await load(() => api.clearance.entry({ entryId }));
  // An entry is shown under its own organisation's address only.
  if (entry.organizationId !== organization.id) notFound();
  const [t, td, tv, ts, format, { saved }] = await Promise.all([
    getTranslations("clearance.page"),
    getTranslations("clearance.draft"),
    getTranslations("vocabulary"),
    getTranslations("stocktakes.status"),
    getFormatter(),
    searchParams,
  ]);
  const c = entry.content as Record<string, unknown>;
  const base = `/organizations/${organization.slug}/clearance`;
  const values = {
    entryId: entry.id,
    slug: organization.slug,
    kind: entry.kind,
    organizationId: entry.organizationId,
    normId: entry.target.normId ?? "",
    year: entry.target.year ? String(entry.target.year) : "",
    itemId: entry.target.stocktakeItemId ?? "",
    observationId: entry.target.observationId ?? "",
    stance: String(c.stance ?? ""),
    clauses: ((c.clauses as number[] | undefined) ?? []).join(", "),
    statement: String(c.statement ?? ""),
    status: String(c.status ?? ""),
    text: String(c.text ?? ""),
    links: ((c.links as string[] | undefined) ?? []).join("\n"),
  };
  return (
    <>
      <p className="mb-6">
        <Link href={base}>
          <span aria-hidden="true" className="me-1 inline-block rtl:-scale-x-100">←</span>
          {t("title")}
        </Link>
      </p>
      <PageHeader
        caption={`${organization.name} · ${t(`kind.${entry.kind}`)} · ${t(`state.${entry.state}`)}`}
        title={entry.target.title}
        description={
          entry.target.normSlug ? (
            <Link href={`/norms/${entry.target.normSlug}`}>{entry.target.title}</Link>
          ) : entry.target.year ? (
            <Link href={`/stocktakes/${entry.target.year}`}>{t("stocktake", { year: entry.target.year })}</Link>
          ) : null
        }
      />
      {saved ? (
        <Alert variant="success" role="status" className="mb-6 max-w-2xl">
          <AlertDescription>{td("saved")}</AlertDescription>
        </Alert>
      ) : null}
      <p className="mb-2 text-base text-muted">{t.rich("savedBy", { name: entry.enteredBy, date: () => format.dateTime(entry.updatedAt, { dateStyle: "medium" }) })}</p>
      <p className="mb-8">
        <a href={`${base}/${entry.id}/pdf`} download aria-label={t("pdfLabel", { title: entry.target.title })}>
          {t("pdf")}
        </a>
      </p>
      {entry.viewer.canEdit ? (
        <DraftForm kind={entry.kind} values={values} />
      ) : (
        <>
          <p className="mb-4 font-semibold">{td("readOnly")}</p>
          <dl className="max-w-2xl">
            {entry.kind === "position" ? (
              <>
                <dt className="font-bold">{td("stance")}</dt>
                <dd className="mb-4">{tv(`stance.${values.stance as "endorse"}`)}</dd>
                {values.clauses ? (
                  <>
                    <dt className="font-bold">{td("clauses")}</dt>
                    <dd className="mb-4">{values.clauses}</dd>
                  </>
                ) : null}
              </>
            ) : entry.kind === "statement" ? (
              <>
                <dt className="font-bold">{td("status")}</dt>
                <dd className="mb-4">{ts(values.status as "implemented")}</dd>
              </>
            ) : null}
            <dt className="font-bold">{entry.kind === "reply" ? td("reply") : td("statement")}</dt>
            <dd className="mb-4 whitespace-pre-line break-words">{values.statement || values.text || "—"}</dd>
          </dl>
        </>
      )}
    </>
  );
}

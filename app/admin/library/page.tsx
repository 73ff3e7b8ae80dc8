import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { forbidden, unauthorized } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "~/app/secretariat/_components/secretariat-nav";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { forumKindLabel, normTypeLabel } from "~/app/reference/_components/labels";
import { AddDocumentForm, AddForumForm, AddNormForm } from "./_components/library-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library.admin");
  return { title: t("metaTitle") };
}

const forumKinds = ["global", "regional", "multilateral", "bilateral", "multi-stakeholder", "industry", "academic"] as const;
const normTypes = ["political", "legal", "technical", "mixed"] as const;

/** An administrator grows the reference library: documents with their norms, and forums-timeline entries. */
export default async function LibraryAdminPage() {
  // The library is public; growing it is not. Decided before anything renders: 401, or 403.
  const actor = await getActor();
  if (!actor) unauthorized();
  if (!can("library.addDocument", actor)) forbidden();
  const [added, matrix, t, tr, tc, format] = await Promise.all([
    load(() => api.library.addedDocuments()),
    load(() => api.references.matrix()),
    getTranslations("library.admin"),
    getTranslations("reference"),
    getTranslations("common.errors"),
    getFormatter(),
  ]);
  const errorPrefix = tc("errorPrefix");
  const common = { date: t("date"), dateHint: t("dateHint"), url: t("url"), urlHint: t("urlHint"), key: t("key"), keyHint: t("keyHint"), errorPrefix };

  return (
    <>
      <SecretariatNav current="library" />
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <ul className="mb-10 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href="/reference">{t("matrixLink")}</Link>
        </li>
        <li>
          <Link href="/forums">{t("forumsLink")}</Link>
        </li>
        <li>
          <Link href="/admin/audit">{t("auditLink")}</Link>
        </li>
      </ul>

      <div className="space-y-12">
        <section aria-labelledby="document-heading" className="border-t-4 border-primary pt-4">
          <h2 id="document-heading" className="mb-6 text-2xl font-bold">
            {t("documentTitle")}
          </h2>
          <AddDocumentForm
            labels={{ ...common, title: t("docTitle"), issuer: t("issuer"), reference: t("reference"), referenceHint: t("referenceHint"), status: t("status"), authorKind: t("authorKind"), submit: t("submitDocument"), saved: t("documentSaved", { key: "{key}" }) }}
            statuses={(["political", "legal", "proposal"] as const).map((s) => ({ value: s, label: tr(`documentStatus.${s}`) }))}
            authorKinds={(["intergovernmental", "state", "expert", "industry"] as const).map((k) => ({ value: k, label: tr(`authorKind.${k}`) }))}
          />
        </section>

        <section aria-labelledby="norm-heading" className="border-t-4 border-primary pt-4">
          <h2 id="norm-heading" className="mb-2 text-2xl font-bold">
            {t("normTitle")}
          </h2>
          <p className="mb-6 max-w-[42rem] text-muted">{t("normLead")}</p>
          {added.length === 0 ? (
            <p>{t("noDocuments")}</p>
          ) : (
            <AddNormForm
              labels={{ documentKey: t("documentKey"), label: t("label"), labelHint: t("labelHint"), display: t("display"), displayHint: t("displayHint"), text: t("text"), textHint: t("textHint"), categories: t("categories"), categoriesHint: t("categoriesHint"), submit: t("submitNorm"), saved: t("normSaved", { id: "{id}" }), errorPrefix }}
              documents={added.map((d) => ({ value: d.key, label: `${d.title} (${d.reference})` }))}
              categories={matrix.categories.map((c) => ({ value: c.code, label: t("category", { code: c.code, title: c.title }) }))}
            />
          )}
        </section>

        <section aria-labelledby="forum-heading" className="border-t-4 border-primary pt-4">
          <h2 id="forum-heading" className="mb-6 text-2xl font-bold">
            {t("forumTitle")}
          </h2>
          <AddForumForm
            labels={{ ...common, key: t("forumKey"), keyHint: t("forumKeyHint"), name: t("name"), kind: t("kind"), parties: t("parties"), partiesHint: t("partiesHint"), normType: t("normType"), summary: t("summary"), summaryHint: t("summaryHint"), reference: t("forumReference"), submit: t("submitForum"), saved: t("forumSaved", { id: "{id}" }) }}
            kinds={forumKinds.map((k) => ({ value: k, label: forumKindLabel(tr, k) }))}
            normTypes={normTypes.map((k) => ({ value: k, label: normTypeLabel(tr, k) }))}
          />
        </section>

        <section aria-labelledby="added-heading" className="border-t-4 border-border pt-4">
          <h2 id="added-heading" className="mb-4 text-2xl font-bold">
            {t("addedTitle")}
          </h2>
          {added.length === 0 ? (
            <p>{t("addedEmpty")}</p>
          ) : (
            <ul className="max-w-3xl border-t border-border">
              {added.map((d) => (
                <li key={d.key} className="border-b border-border py-3">
                  <p className="font-bold">{d.title}</p>
                  <p className="text-base text-muted">
                    {d.key} · {d.reference} · {d.addedAt ? format.dateTime(d.addedAt, { dateStyle: "long", timeZone: "UTC" }) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { forbidden, unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import type { CategoryCode } from "~/server/schemas/vocabulary";
import { NormForm } from "../../_components/norm-form";
import { getNorm } from "../_components/get-norm";
import { Coauthors } from "./_components/coauthors";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("normForm.edit");
  // Metadata must not decide the status code; the page does.
  const norm = await getNorm(slug).catch(() => null);
  return { title: norm ? t("metaTitle", { title: norm.title }) : t("title") };
}

export default async function EditNormPage({ params }: Params) {
  const { slug } = await params;
  const actor = await getActor();
  if (!actor) unauthorized();
  const norm = await getNorm(slug);
  // Drafts are already "not found" for non-authors; a public norm is simply not theirs to edit.
  if (!norm.viewer.role) forbidden();
  const [t, options] = await Promise.all([
    getTranslations("normForm.edit"),
    norm.viewer.canRevise ? load(() => api.norms.formOptions()) : null,
  ]);
  const organization = norm.proposer.organization;

  return (
    <>
      <PageHeader
        caption={t(norm.viewer.canRevise ? "caption" : "captionReadOnly", { version: norm.currentVersion })}
        title={norm.title}
        description={
          <>
            {norm.viewer.canRevise ? <p>{t("lead", { next: norm.currentVersion + 1 })}</p> : null}
            <p className="mt-2 text-base text-muted sm:text-lg">
              {organization ? t("onBehalfOf", { name: organization.name }) : t("inOwnName")}
            </p>
          </>
        }
      >
        <Link href={`/norms/${norm.slug}`}>{t("backToNorm")}</Link>
      </PageHeader>

      {norm.viewer.canRevise && options ? (
        <NormForm
          // A new version on the server (e.g. after "start again") brings a fresh form.
          key={norm.currentVersion}
          mode="revise"
          options={options}
          normId={norm.id}
          slug={norm.slug}
          baseVersion={norm.currentVersion}
          values={{
            title: norm.title,
            summary: norm.summary,
            clauses: norm.clauses,
            language: norm.language,
            rationale: norm.rationale,
            categories: norm.categories.map((c) => c.code as CategoryCode),
            kind: norm.kind,
            bindingness: norm.bindingness,
            citations: norm.citations.map((c) => c.id),
          }}
        />
      ) : (
        <Alert variant="warning" className="mb-10 max-w-2xl" data-testid="cannot-revise">
          <AlertTitle>{t("cannotReviseTitle")}</AlertTitle>
          <AlertDescription>
            <p>{actor.suspension ? t("suspended") : t(`status.${norm.status}`)}</p>
            <p>
              <Link href={`/norms/${norm.slug}`}>{t("backToNorm")}</Link>
            </p>
          </AlertDescription>
        </Alert>
      )}

      {norm.viewer.canManageCoauthors ? (
        <Coauthors normId={norm.id} coauthors={norm.coauthors} pendingInvitations={norm.pendingInvitations} />
      ) : null}
    </>
  );
}

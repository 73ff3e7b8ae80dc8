import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { ChartDefs } from "~/app/stocktakes/_components/charts";
import { ReportBody } from "~/app/stocktakes/_components/report";
import { SecretariatNav } from "../../../_components/secretariat-nav";
import { requireSecretariat, yearParam } from "../../_components/guard";

type Params = { params: Promise<{ year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("stocktakeAdmin.preview");
  return { title: t("title", { year: (await params).year }) };
}

/**
 * The draft report exactly as it would be published now: the `preview` procedure builds the same
 * snapshot as publishing, shown with the public report's own body. What only a publication has
 * (downloads, the published hash, revisions) is left out, so nothing here can be mistaken for the
 * published report.
 */
export default async function StocktakePreviewPage({ params }: Params) {
  await requireSecretariat();
  const year = yearParam((await params).year);
  const st = await load(() => api.stocktakes.get({ year }));
  const [t, tc] = await Promise.all([getTranslations("stocktakeAdmin"), getTranslations("secretariat")]);
  const back = (
    <p className="mb-6">
      <Link href={`/secretariat/stocktakes/${year}`}>{t("preview.back", { year })}</Link>
    </p>
  );
  if (st.window !== "closed") {
    return (
      <>
        <SecretariatNav current="stocktakes" />
        {back}
        <PageHeader caption={tc("caption")} title={t("preview.title", { year })} description={t("report.previewOnceClosed")} />
      </>
    );
  }
  const [{ snapshot: s, sha256 }] = await Promise.all([load(() => api.stocktakes.preview({ year })), api.stocktakes.preparePublication({ year })]);

  return (
    <>
      <SecretariatNav current="stocktakes" />
      {back}
      <ChartDefs />
      <PageHeader caption={tc("caption")} title={t("preview.title", { year })} description={t("preview.lead")} />

      <Alert variant="warning" className="mb-12 max-w-[48rem]" data-testid="preview-notice">
        <AlertTitle>{t("preview.noticeTitle")}</AlertTitle>
        <AlertDescription>
          <p>{t("preview.notice", { revision: s.revision })}</p>
          <p className="break-all">{t("preview.hash", { sha256 })}</p>
        </AlertDescription>
      </Alert>

      <ReportBody snapshot={s} />
    </>
  );
}

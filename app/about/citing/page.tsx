import { connection } from "next/server";
import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { formatBibtex, formatCitation } from "~/server/open-data/citation";
import { LICENSE, versionPageUrl } from "~/server/open-data/urls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openData.citing");
  return { title: t("metaTitle") };
}

const EXAMPLE_SLUG = "protecting-the-public-core-of-the-internet";

export default async function CitingPage() {
  // Rendered per request: the example uses the site's address, known only when it runs (APP_URL).
  await connection();
  const [t, tm] = await Promise.all([getTranslations("openData.citing"), getTranslations("methodology")]);
  // Built by the same functions as the citations the API returns, so the example cannot drift.
  const example = {
    author: t("exampleAuthor"),
    title: t("exampleTitleText"),
    number: 2,
    createdAt: new Date("2026-03-12T10:00:00Z"),
    url: versionPageUrl(EXAMPLE_SLUG, 2),
  };
  const licenceLink = (chunks: React.ReactNode) => <a href={LICENSE.url}>{chunks}</a>;
  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <div className="prose-forum">
        <h2>{t("permanentTitle")}</h2>
        <p>{t("permanentText")}</p>
        <pre>
          <code>
            /norms/<var>slug</var>/v/<var>n</var>
          </code>
        </pre>
        <p>{t("permanentNote")}</p>

        <h2>{t("formatTitle")}</h2>
        <p>{t("formatText")}</p>
        <blockquote>
          <p>{t("formatPattern")}</p>
        </blockquote>
        <p>{t("authorText")}</p>

        <h2>{t("exampleTitle")}</h2>
        <blockquote>
          <p className="[overflow-wrap:anywhere]">{formatCitation(example)}</p>
        </blockquote>

        <h3>{t("bibtexTitle")}</h3>
        <p>{t("bibtexText")}</p>
        <pre className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          <code>{formatBibtex({ ...example, slug: EXAMPLE_SLUG })}</code>
        </pre>

        <h2>{t("findTitle")}</h2>
        <p>{t.rich("findText", { link: (chunks) => <Link href="/open-data">{chunks}</Link> })}</p>
        <pre>
          <code>
            GET /api/v1/norms/<var>slug</var>/versions/<var>n</var>
          </code>
        </pre>

        <h2>{tm("citingTitle")}</h2>
        <p>{tm.rich("citingText", { link: (chunks) => <Link href="/about/methodology">{chunks}</Link> })}</p>

        <h2>{t("licenceTitle")}</h2>
        <p>{t.rich("licenceText", { link: licenceLink })}</p>
      </div>
    </>
  );
}

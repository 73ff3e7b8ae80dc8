import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";

type Params = Promise<{ number: string }>;

/** A revision number from the address; anything else is "not found", not bad input. */
function parseNumber(raw: string): number {
  if (!/^[1-9]\d{0,6}$/.test(raw)) notFound();
  return Number(raw);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("governance.revision");
  return { title: t("metaTitle", { number: parseNumber((await params).number) }) };
}

/** /about/governance as one revision published it: kept for good, so the page's history is public. */
export default async function GovernanceRevisionPage({ params }: { params: Params }) {
  const number = parseNumber((await params).number);
  const [revision, t, ta, format] = await Promise.all([
    load(() => api.governance.revision({ number })),
    getTranslations("governance.revision"),
    getTranslations("governance.about"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader caption={ta("title")} title={t("title", { number })} />
      <p className="-mt-4 mb-6 max-w-[42rem]">
        {t("published", { date: format.dateTime(revision.createdAt, { dateStyle: "long" }), name: revision.editedBy, summary: revision.summary })}
      </p>
      <Alert variant={revision.number === revision.latest ? "info" : "warning"} className="mb-10 max-w-[42rem]" data-testid="revision-status">
        <AlertDescription>
          <p>{revision.number === revision.latest ? t("latest") : t("older", { latest: revision.latest })}</p>
          <p>
            <Link href="/about/governance">{t("back")}</Link>
          </p>
        </AlertDescription>
      </Alert>
      {(["secretariat", "appointments", "funding"] as const).map((section) => (
        <section key={section} aria-labelledby={section} className="mb-10 max-w-[42rem]">
          <h2 id={section} className="mb-4 text-2xl font-bold">
            {ta(`${section}.title`)}
          </h2>
          <Markdown className="prose-forum">{revision[section]}</Markdown>
        </section>
      ))}
    </>
  );
}

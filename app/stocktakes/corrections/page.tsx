import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { isStaff } from "~/server/policy";
import { AnswerCorrection } from "../_components/islands";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stocktakes.corrections");
  return { title: t("metaTitle"), description: t("lead") };
}

/** The public log of correction requests to published observations, and the secretariat's answers. */
export default async function CorrectionLogPage() {
  const [rows, t, format, actor] = await Promise.all([load(() => api.stocktakes.corrections({ limit: 200 })), getTranslations("stocktakes.corrections"), getFormatter(), getActor()]);
  const staff = isStaff(actor);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={<p>{t("lead")}</p>} />
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ol className="flex max-w-[48rem] flex-col gap-6" data-testid="correction-log">
          {rows.map((r) => (
            <li key={r.id} id={`correction-${r.id}`} className="border-b border-border pb-6">
              <h2 className="mb-1 text-lg font-bold">
                <Link href={`/stocktakes/${r.year}#observation-${r.observationId}`}>{t("observation", { title: r.title, year: r.year })}</Link>
              </h2>
              <p className="mb-2 text-muted">{t("asked", { date: day(r.createdAt) })}</p>
              <Markdown>{r.text}</Markdown>
              {r.answer && r.answeredAt ? (
                <div className="mt-3 border-s-4 border-primary bg-surface p-4">
                  <p className="mb-1 font-bold">{t("answer", { date: day(r.answeredAt) })}</p>
                  <Markdown>{r.answer}</Markdown>
                </div>
              ) : (
                <>
                  <p className="mt-2 text-muted">{t("open")}</p>
                  {staff ? <AnswerCorrection correctionId={r.id} /> : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

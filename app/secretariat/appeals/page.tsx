import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { SecretariatNav } from "../_components/secretariat-nav";
import { DecideAppeal } from "./_components/decide-appeal";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.appeals");
  return { title: t("title") };
}

export default async function AppealsPage() {
  const appeals = await load(() => api.users.appeals());
  const [t, tc, format] = await Promise.all([getTranslations("secretariat.appeals"), getTranslations("secretariat"), getFormatter()]);
  return (
    <>
      <SecretariatNav current="appeals" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      {appeals.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <ol className="space-y-10">
          {appeals.map((a) => (
            <li key={a.id}>
              <article aria-labelledby={`appeal-${a.id}`} className="border-t-4 border-border pt-4">
                <h2 id={`appeal-${a.id}`} className="text-2xl font-bold break-words">
                  {a.displayName}
                </h2>
                <p className="mb-4 break-all text-muted">
                  {a.email} · {t("appealedOn", { date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
                <DescriptionList
                  className="mb-6 sm:mb-6"
                  items={[
                    { id: "reason", term: t("suspensionReason"), details: <p className="whitespace-pre-line">{a.suspensionReason}</p> },
                    {
                      id: "ends",
                      term: t("suspensionEnds"),
                      details: a.suspensionEndsAt
                        ? format.dateTime(a.suspensionEndsAt, { dateStyle: "long", timeZone: "UTC" })
                        : t("indefinitely"),
                    },
                    { id: "text", term: t("appealText"), details: <p className="whitespace-pre-line">{a.text}</p> },
                  ]}
                />
                {a.decideBlock ? (
                  <p className="max-w-[42rem] border-s-4 border-border ps-3">{t(`decideBlocked.${a.decideBlock}`)}</p>
                ) : (
                  <DecideAppeal appealId={a.id} name={a.displayName} />
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

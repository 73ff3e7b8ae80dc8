import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { getNorm } from "../../_components/get-norm";
import { ProposeAmendmentForm } from "../_components/propose-form";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const excerpt = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [norm, t] = await Promise.all([getNorm((await params).slug), getTranslations("amendments.form")]);
  return { title: `${t("title")}: ${norm.title}` };
}

/** Proposing an amendment to one clause of the latest text, while the consultation is open. */
export default async function ProposeAmendmentPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const [norm, actor, t, tc] = await Promise.all([getNorm(slug), getActor(), getTranslations("amendments.form"), getTranslations("common.errors")]);
  const open = norm.status === "consultation" && !norm.stage?.closed;
  const asked = Number(Array.isArray(query.clause) ? query.clause[0] : query.clause);
  const clause = Number.isInteger(asked) && asked >= 1 && asked <= norm.clauses.length ? asked : 1;
  const organizations = open && actor && !actor.suspension ? (await api.norms.formOptions()).organizations : [];
  const back = `/norms/${norm.slug}`;

  return (
    <>
      <PageHeader caption={t("caption", { title: norm.title })} title={t("title")} />
      <p className="mb-6">
        <Link href={`${back}#amendments-heading`}>{norm.title}</Link>
      </p>
      {!open ? (
        <Alert variant="info" className="max-w-3xl">
          <AlertDescription>
            <p>{t("closed")}</p>
          </AlertDescription>
        </Alert>
      ) : !actor ? (
        <p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${back}/amendments/new?clause=${clause}`)}`} className="font-bold">
            {t("signIn")}
          </Link>
        </p>
      ) : actor.suspension ? (
        <p>{t("suspended")}</p>
      ) : (
        <div className="grid gap-x-12 gap-y-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0">
            <p className="mb-6 max-w-2xl">{t("lead", { version: norm.currentVersion })}</p>
            <ProposeAmendmentForm
              normId={norm.id}
              baseVersion={norm.currentVersion}
              clause={clause}
              clauseOptions={norm.clauses.map((text, i) => ({ value: i + 1, label: t("clauseOption", { clause: i + 1, excerpt: excerpt(text) }) }))}
              organizations={organizations}
              labels={{
                clause: t("clause"),
                kind: t("kind"),
                kinds: { replace: t("kindReplace"), insert: t("kindInsert"), delete: t("kindDelete") },
                text: t("text"),
                textHint: t("textHint"),
                rationale: t("rationale"),
                rationaleHint: t("rationaleHint"),
                speakFor: t("speakFor"),
                yourself: t("speakForYourself"),
                submit: t("submit"),
                errorPrefix: tc("errorPrefix"),
              }}
            />
          </div>
          <section aria-labelledby="current-text-heading" className="min-w-0 bg-surface p-4 sm:p-5">
            <h2 id="current-text-heading" className="mb-3 text-lg font-bold">
              {t("current", { version: norm.currentVersion })}
            </h2>
            <ol lang={norm.language} className="list-decimal ps-6 marker:font-bold">
              {norm.clauses.map((text, i) => (
                <li key={i} className="mb-3 ps-1 whitespace-pre-line">
                  {text}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { getNorm } from "../../_components/get-norm";
import { ProposeAmendmentForm } from "../_components/propose-form";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

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
  // The clause comes first, from the address (a clause's own link, or the choice below), so the
  // form can start from its words; without one, the page asks which.
  const clause = Number.isInteger(asked) && asked >= 1 && asked <= norm.clauses.length ? asked : null;
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
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${back}/amendments/new${clause ? `?clause=${clause}` : ""}`)}`} className="font-bold">
            {t("signIn")}
          </Link>
        </p>
      ) : actor.suspension ? (
        <p>{t("suspended")}</p>
      ) : clause === null ? (
        <form method="get" className="max-w-[42rem]">
          <fieldset>
            <legend className="mb-2 text-xl font-bold sm:text-2xl">{t("chooseClause")}</legend>
            <p className="mb-4 text-muted">{t("chooseClauseHint", { version: norm.currentVersion })}</p>
            <div className="mb-6 flex flex-col gap-4" lang={norm.language}>
              {norm.clauses.map((text, i) => (
                <div key={i} className="flex items-start gap-3">
                  <input type="radio" id={`clause-${i + 1}`} name="clause" value={i + 1} defaultChecked={i === 0} className={`${radioClass} mt-1 shrink-0`} />
                  <label htmlFor={`clause-${i + 1}`} className="cursor-pointer">
                    <span className="font-bold">{t("clauseNumber", { clause: i + 1 })}</span> {text}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <Button type="submit" worksWithoutScript>
            {t("continue")}
          </Button>
        </form>
      ) : (
        <div className="max-w-[42rem]">
          <p className="mb-4">{t("lead", { version: norm.currentVersion })}</p>
          <section aria-labelledby="chosen-clause-heading" className="mb-8 bg-surface p-4 sm:p-5">
            <h2 id="chosen-clause-heading" className="mb-2 text-lg font-bold">
              {t("clauseOf", { clause, version: norm.currentVersion })}
            </h2>
            <p lang={norm.language} className="mb-3 whitespace-pre-line">
              {norm.clauses[clause - 1]}
            </p>
            <Link href={`${back}/amendments/new`}>{t("otherClause")}</Link>
          </section>
          <ProposeAmendmentForm
            normId={norm.id}
            baseVersion={norm.currentVersion}
            clause={clause}
            words={norm.clauses[clause - 1] ?? ""}
            organizations={organizations}
            labels={{
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
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("library.glossary");
  return { title: t("metaTitle"), description: t("lead") };
}

const letterOf = (term: string) => {
  const first = term.normalize("NFD").charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : "#";
};
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

/** The terms the norms use, alphabetically, each definition quoted with its source (issue 19). */
export default async function GlossaryPage() {
  const [terms, t] = await Promise.all([load(() => api.glossary.list()), getTranslations("library.glossary")]);
  const present = new Set(terms.map((term) => letterOf(term.term)));
  const firstOf = new Map<string, string>();
  for (const term of terms) if (!firstOf.has(letterOf(term.term))) firstOf.set(letterOf(term.term), term.slug);

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")}>
        <Link href="/reference">{t("back")}</Link>
      </PageHeader>

      <nav aria-label={t("azLabel")} className="mb-10">
        <ul className="flex flex-wrap gap-1">
          {LETTERS.map((letter) => (
            <li key={letter}>
              {present.has(letter) ? (
                <a href={`#letter-${letter}`} className="inline-flex size-11 items-center justify-center font-bold">
                  {letter}
                </a>
              ) : (
                <span className="inline-flex size-11 items-center justify-center text-muted" aria-hidden="true">
                  {letter}
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>

      <dl className="max-w-3xl">
        {terms.map((term) => {
          const letter = letterOf(term.term);
          return (
            <div key={term.slug} id={firstOf.get(letter) === term.slug ? `letter-${letter}` : undefined} className="scroll-mt-4 border-t border-border py-6">
              <dt id={term.slug} className="scroll-mt-4 text-xl font-bold sm:text-2xl target:bg-warning-subtle">
                {term.term}
              </dt>
              {term.aliases.length > 0 ? <dd className="mb-3 text-base text-muted">{t("also", { aliases: term.aliases.join(", ") })}</dd> : null}
              <dd>
                {term.definitions.length > 0 ? (
                  <ul aria-label={t("definitionsLabel", { term: term.term })} className="space-y-4">
                    {term.definitions.map((d, i) => {
                      const url = d.url ?? d.document?.url ?? null;
                      const source = d.document ? `${d.document.title} (${d.document.reference})` : d.source;
                      return (
                        <li key={i}>
                          <figure>
                            <blockquote className="border-s-4 border-primary ps-4 text-lg text-pretty">
                              <p>{d.text}</p>
                            </blockquote>
                            <figcaption className="mt-2 ps-5 text-base text-muted">
                              <span className="font-semibold">{t("source")}: </span>
                              {source}
                              {d.locator ? `, ${d.locator}` : ""}
                              {url ? (
                                <>
                                  {" "}
                                  <a href={url} rel="noreferrer">
                                    ({t("read")})
                                  </a>
                                </>
                              ) : null}
                            </figcaption>
                          </figure>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="font-semibold">{t("noDefinition")}</p>
                )}
                {term.note ? (
                  <p className="mt-3 text-base">
                    <span className="font-semibold">{t("note")}: </span>
                    {term.note}
                  </p>
                ) : null}
                <p className="mt-3 text-base">
                  <span className="font-semibold">{t("usedIn")}: </span>
                  {term.usedIn.length > 0
                    ? term.usedIn.map((n, i) => (
                        <span key={n.id}>
                          {i > 0 ? ", " : ""}
                          <Link href={`/reference/norms/${n.id}`}>{n.display}</Link>
                        </span>
                      ))
                    : t("notUsed")}
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

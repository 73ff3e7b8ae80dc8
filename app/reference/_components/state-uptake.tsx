// A state's profile section (issue 19): the documents that took up norms and that the state is
// party to, directly or through a group (uptake.forState: `parties && array[iso, …groups]`).
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { api, load } from "~/app/_trpc/server";
import { partyName } from "./uptake-timeline";

export async function StateUptakeSection({ iso, name, headingId }: { iso: string; name: string; headingId: string }) {
  const [records, t, format] = await Promise.all([load(() => api.uptake.forState({ iso })), getTranslations("library.uptake"), getFormatter()]);
  const collator = new Intl.Collator("en", { numeric: true });
  // One entry per document and date: a resolution that took up ten norms is one line naming them.
  const byDocument = new Map<string, typeof records>();
  for (const r of records) {
    const key = `${r.takenUpOn}|${r.document}|${r.paragraph}`;
    byDocument.set(key, [...(byDocument.get(key) ?? []), r]);
  }
  return (
    <section aria-labelledby={headingId} className="mb-10" data-testid="state-uptake">
      <h2 id={headingId} className="mb-2 text-xl font-bold sm:text-2xl">
        {t("stateTitle")}
      </h2>
      <p className="mb-4 max-w-2xl text-muted">{t("stateLead", { state: name })}</p>
      {byDocument.size === 0 ? (
        <p>{t("stateEmpty", { state: name })}</p>
      ) : (
        <ol className="max-w-3xl border-s-4 border-primary ps-5">
          {[...byDocument.values()].map((unsorted) => {
            const group = unsorted.sort((a, b) => collator.compare(a.referenceNorm?.display ?? a.norm?.title ?? "", b.referenceNorm?.display ?? b.norm?.title ?? ""));
            const first = group[0]!;
            return (
              <li key={first.id} className="mb-6 last:mb-0">
                <p className="text-base font-bold text-muted">
                  <time dateTime={first.takenUpOn}>{format.dateTime(new Date(`${first.takenUpOn}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</time>
                </p>
                <p className="text-lg font-bold break-words">
                  {first.url ? (
                    <a href={first.url} rel="noreferrer">
                      {first.document}
                    </a>
                  ) : (
                    first.document
                  )}
                  {first.paragraph ? <span className="font-normal">, {t("paragraph", { paragraph: first.paragraph })}</span> : null}
                </p>
                {first.forum ? <p className="break-words">{first.forum}</p> : null}
                <p className="text-base">
                  <span className="font-semibold">{t("stateNorm", { count: group.length })}: </span>
                  {group.map((r, i) => (
                    <span key={r.id}>
                      {i > 0 ? ", " : ""}
                      {r.referenceNorm ? (
                        <Link href={`/reference/norms/${r.referenceNorm.id}`}>{r.referenceNorm.display}</Link>
                      ) : r.norm ? (
                        <Link href={`/norms/${r.norm.slug}`}>{r.norm.title}</Link>
                      ) : null}
                    </span>
                  ))}
                </p>
                <p className="text-base text-muted">
                  {first.via.includes(iso) ? t("stateDirect") : t("stateVia", { via: format.list(first.via.map(partyName)) })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

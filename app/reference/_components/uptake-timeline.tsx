// Where a norm was taken up, as a timeline (oldest first): the date, the document (linked to its
// source), the forum, the paragraph and the parties. Server-rendered; the secretariat also sees
// its forms (record, delete), whose words come from here.
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { api, load } from "~/app/_trpc/server";
import type { Uptake } from "~/server/domain/uptake";
import { isStateGroupKey, stateGroupKeys, stateGroups } from "~/server/schemas/state-groups";
import { stateName } from "~/server/schemas/un-states";
import { DeleteUptakeForm, RecordUptakeForm } from "./uptake-forms";

/** A party as readers know it: a state's name, or a group's ("all G20 member countries"). */
export const partyName = (party: string) => (isStateGroupKey(party) ? stateGroups[party].name : stateName(party));

const MANY = 6;

export async function UptakeTimeline({
  uptake,
  headingId,
  manage,
}: {
  uptake: Uptake[];
  headingId: string;
  /** For the secretariat: the norm the forms record for, and the page to refresh. */
  manage?: { target: { normId: string } | { referenceNormId: string }; back: string } | null;
}) {
  const [t, tc, format] = await Promise.all([getTranslations("library.uptake"), getTranslations("common.errors"), getFormatter()]);
  const forums = manage ? (await load(() => api.references.forums({}))).items.map((f) => ({ id: f.id, name: f.name, year: f.year })) : [];
  return (
    <>
      <p className="mb-4 max-w-2xl text-muted">{t("lead")}</p>
      {uptake.length === 0 ? (
        <p className="mb-6">{t("empty")}</p>
      ) : (
        <ol aria-labelledby={headingId} className="mb-6 max-w-3xl border-s-4 border-primary ps-5" data-testid="uptake-timeline">
          {uptake.map((u) => {
            const parties = u.parties.map(partyName);
            return (
              <li key={u.id} className="relative mb-6 last:mb-0">
                <span aria-hidden="true" className="absolute -start-[1.65rem] top-2 size-3 rounded-full bg-primary" />
                <p className="text-base font-bold text-muted">
                  <time dateTime={u.takenUpOn}>{format.dateTime(new Date(`${u.takenUpOn}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</time>
                </p>
                <p className="text-lg font-bold break-words">
                  {u.document}
                  {u.paragraph ? <span className="font-normal">, {t("paragraph", { paragraph: u.paragraph })}</span> : null}
                </p>
                {u.forum ? (
                  <p className="break-words">
                    <span className="sr-only">{t("forum")}: </span>
                    {u.forumId ? <Link href={`/forums#${u.forumId}`}>{u.forum}</Link> : u.forum}
                  </p>
                ) : null}
                <p className="text-base break-words">
                  <span className="font-semibold">{t("parties")}: </span>
                  {parties.length === 0 ? (
                    t("noParties")
                  ) : parties.length <= MANY ? (
                    format.list(parties)
                  ) : (
                    <details className="inline">
                      <summary className="inline cursor-pointer text-link underline">{t("partiesCount", { count: parties.length })}</summary>
                      <span className="block">{format.list(parties)}</span>
                    </details>
                  )}
                </p>
                {u.url ? (
                  <p className="text-base">
                    <a href={u.url} rel="noreferrer" aria-label={t("readLabel", { document: u.document })}>
                      {t("read")}
                    </a>
                  </p>
                ) : null}
                {manage ? <DeleteUptakeForm id={u.id} back={manage.back} label={t("delete")} accessibleLabel={t("deleteLabel", { document: u.document })} /> : null}
              </li>
            );
          })}
        </ol>
      )}
      {manage ? (
        <div className="mt-6 border-s-4 border-border ps-5">
          <h3 className="mb-2 text-lg font-bold sm:text-xl">{t("formTitle")}</h3>
          <p className="mb-6 text-muted">{t("formLead")}</p>
          <RecordUptakeForm
            target={manage.target}
            back={manage.back}
            forums={forums}
            labels={{
              document: t("document"),
              documentHint: t("documentHint"),
              forumId: t("forumId"),
              forumIdHint: t("forumIdHint"),
              forumNone: t("forumNone"),
              forumName: t("forumName"),
              paragraph: t("paragraphLabel"),
              paragraphHint: t("paragraphHint"),
              takenUpOn: t("takenUpOn"),
              takenUpOnHint: t("takenUpOnHint"),
              url: t("url"),
              urlHint: t("urlHint"),
              parties: t("partiesLabel"),
              partiesHint: t("partiesHint", { groups: stateGroupKeys.join(", ") }),
              submit: t("submit"),
              saved: t("saved"),
              errorPrefix: tc("errorPrefix"),
            }}
          />
        </div>
      ) : null}
    </>
  );
}

import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { api, load } from "~/app/_trpc/server";
import { actorRecordSections, readCursors, type RecordCursors } from "~/app/states/_components/actor-record";
import { parseActorId } from "~/server/schemas/actors";

async function readRecord(id: string, cursors: RecordCursors) {
  try {
    return await load(() => api.actors.record({ id, ...cursors }));
  } catch (error) {
    // A page link that no longer decodes: the newest entries instead.
    if (Object.keys(cursors).length && error instanceof TRPCError && error.code === "BAD_REQUEST") return load(() => api.actors.record({ id }));
    throw error;
  }
}

/**
 * The organisation's record across years (issue 19), the same sections as a state's profile:
 * positions with their dates, versions and history, statements by year, and the accepted
 * observations naming it with replies; a page of each, with "more" links.
 */
export async function OrganizationRecordAcrossYears({ slug, name, searchParams }: { slug: string; name: string; searchParams: Record<string, string | string[] | undefined> }) {
  const ref = parseActorId(`org:${slug}`);
  if (!ref) return null;
  const [record, t, tp] = await Promise.all([readRecord(`org:${slug}`, readCursors(searchParams)), getTranslations("states.record"), getTranslations("states.profile")]);
  const sections = await actorRecordSections({ record, base: `/organizations/${slug}`, headingLevel: 3 });
  return (
    <section aria-labelledby="record-heading" className="mb-10" data-testid="record-across-years">
      <h2 id="record-heading" className="mb-2 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-2 max-w-2xl text-muted">{t("lead", { name })}</p>
      <p className="mb-6">
        <Link href={`/compare/actors?ids=org:${slug}`}>{tp("compareWith")}</Link>
      </p>
      {sections.map((s) => (
        <div key={s.id}>{s.content}</div>
      ))}
    </section>
  );
}

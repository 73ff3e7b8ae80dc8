import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { WithContents } from "~/app/_components/page-contents";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Badge } from "~/app/_components/ui/badge";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { StatusBadge } from "~/app/organizations/_components/status-badge";
import { findUnState, stateName, stateSlug } from "~/server/schemas/un-states";
import { StateUptakeSection } from "~/app/reference/_components/state-uptake";
import { actorRecordSections, readCursors, type RecordCursors, type RecordSection } from "../_components/actor-record";

type Params = Promise<{ iso: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const state = findUnState((await params).iso);
  return { title: state ? stateName(state.iso) : undefined };
}

/** The record with the sections' page links; a link that no longer decodes gives the newest entries. */
async function readRecord(id: string, cursors: RecordCursors) {
  try {
    return { record: await load(() => api.actors.record({ id, ...cursors })), badCursor: false };
  } catch (error) {
    if (Object.keys(cursors).length && error instanceof TRPCError && error.code === "BAD_REQUEST") return { record: await load(() => api.actors.record({ id })), badCursor: true };
    throw error;
  }
}

export default async function StatePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ iso }, query] = await Promise.all([params, searchParams]);
  if (!/^[A-Za-z]{2}$/.test(iso)) notFound();
  const state = findUnState(iso);
  if (!state) notFound();
  // One address per state: /states/ke; /states/KE leads there.
  const slug = stateSlug(state.iso);
  if (iso !== slug) {
    const rest = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])));
    permanentRedirect(`/states/${slug}${rest.size ? `?${rest}` : ""}`);
  }
  const [{ record, badCursor }, t, tr, tv] = await Promise.all([
    readRecord(`state:${state.iso}`, readCursors(query)),
    getTranslations("states.profile"),
    getTranslations("states.record"),
    getTranslations("vocabulary"),
  ]);
  const name = record.actor.name;
  const base = `/states/${slug}`;
  const organizations = record.actor.organizations;

  // The page's sections, in order: each feeds the "On this page" list. A further section (the
  // uptake documents the state is party to, for instance) is one more entry here.
  const sections: RecordSection[] = [
    {
      id: "in-the-forum",
      label: t("organizationsTitle"),
      content: (
        <section aria-labelledby="in-the-forum" className="mb-10" data-testid="state-organizations">
          <h2 id="in-the-forum" className="mb-2 text-xl font-bold sm:text-2xl">
            {t("organizationsTitle")}
          </h2>
          <p className="mb-4 max-w-2xl text-muted">{t("organizationsLead")}</p>
          {organizations.length === 0 ? (
            <>
              <p className="mb-2">{t("organizationsNone", { name })}</p>
              <p className="text-base text-muted">
                {t("organizationsHow")} <Link href="/organizations/new">{t("registerLink")}</Link>
              </p>
            </>
          ) : (
            <ul className="border-t border-border">
              {organizations.map((o) => (
                <li key={o.slug} className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border py-3">
                  <Link href={`/organizations/${o.slug}`} className="font-semibold">
                    {o.name}
                  </Link>
                  <StatusBadge status={o.verificationStatus} />
                  {o.verificationStatus !== "verified" ? <span className="text-base text-muted">{t("notVerified")}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ),
    },
    ...(await actorRecordSections({ record, base })),
    // The uptake documents the state is party to, directly or through a group (issue 19).
    { id: "uptake", label: (await getTranslations("library.uptake"))("stateTitle"), content: <StateUptakeSection iso={state.iso} name={name} headingId="uptake" /> },
  ];

  return (
    <>
      <PageHeader
        caption={t("caption")}
        title={name}
        description={
          <ul className="flex flex-wrap gap-2" aria-label={t("caption")}>
            <li>
              <Badge>{t(state.membership === "member" ? "memberState" : "observerState")}</Badge>
            </li>
            <li>
              <Badge>{state.region ? tv(`region.${state.region}`) : t("noGroup")}</Badge>
            </li>
            <li>
              <Badge>{t("isoCode", { iso: state.iso })}</Badge>
            </li>
          </ul>
        }
      >
        <Link href={`/compare/actors?ids=state:${state.iso}`} className={buttonVariants({ variant: "secondary" })} data-testid="compare-with">
          {t("compareWith")}
        </Link>
      </PageHeader>
      <p className="-mt-4 mb-8 flex flex-wrap gap-x-6 gap-y-2 text-base">
        <Link href="/states">{t("allStates")}</Link>
        <a href={`/api/v1/states/${slug}`}>{t("openData")}</a>
      </p>
      {badCursor ? (
        <Alert variant="info" className="mb-8 max-w-3xl">
          <AlertDescription>
            <p>{tr("badCursor")}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <WithContents id="contents-heading" title={t("contents")} items={sections.map((s) => ({ href: `#${s.id}`, label: s.label }))}>
        <p className="mb-8 max-w-2xl">{tr("lead", { name })}</p>
        {sections.map((s) => (
          <div key={s.id}>{s.content}</div>
        ))}
      </WithContents>
    </>
  );
}

import Link from "~/app/_components/link";
import { Pager } from "~/app/_components/pager";
import { getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { api, loadPage } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { THREADS_PAGE } from "~/server/domain/comments";
import { commentSorts } from "~/server/schemas/comments";
import { type StakeholderType, stakeholderTypes } from "~/server/schemas/vocabulary";
import { isLocale, LOCALES } from "~/server/i18n/locales";
import type { SpeakingFor } from "./discussion-composer";
import { languageName } from "./translation-notice";
import { DiscussionThreads } from "./discussion-thread";
import { CommentComposer } from "./islands";

type Query = Record<string, string | string[] | undefined>;
type Sort = (typeof commentSorts)[number];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const positive = (value: string | undefined) => (value && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : undefined);
// The filter's own parameters; any other parameter of the page is carried through the form.
const ownKeys = new Set(["sort", "clause", "version", "type", "lang", "after"]);

/** The discussion's filters from the address: ?sort=…&clause=N|whole&version=N&type=…&after=(page link) */
export function parseDiscussionQuery(query: Query) {
  const sort = one(query.sort);
  const clause = one(query.clause);
  const type = one(query.type);
  const lang = one(query.lang);
  return {
    sort: (commentSorts as readonly string[]).includes(sort ?? "") ? (sort as Sort) : "oldest",
    // "whole" keeps threads about the norm as a whole.
    clause: clause === "whole" ? ("whole" as const) : positive(clause),
    version: positive(one(query.version)),
    type: (stakeholderTypes as readonly string[]).includes(type ?? "") ? (type as StakeholderType) : undefined,
    // Threads with a comment in one of the forum's languages.
    lang: isLocale(lang) ? lang : undefined,
    after: one(query.after)?.slice(0, 500) || undefined,
  };
}

/** A norm's discussion: count, sort and filters, the threads, and the form for a new comment. */
export async function DiscussionSection({
  slug,
  clauseCount,
  query,
  amendment,
}: {
  slug: string;
  /** How many clauses the current version has. */
  clauseCount: number;
  query: Query;
  /** An amendment's discussion (on its page) instead of the text's: no version or clause filters. */
  amendment?: { id: string; number: number };
}) {
  const filters = parseDiscussionQuery(query);
  const [t, tv, ttr, locale, actor] = await Promise.all([
    getTranslations("discussion"),
    getTranslations("vocabulary"),
    getTranslations("translations.discussion"),
    getLocale(),
    getActor(),
  ]);
  const input = amendment
    ? { slug, sort: filters.sort, stakeholderType: filters.type, language: filters.lang, amendment: amendment.number }
    : { slug, sort: filters.sort, version: filters.version, clause: filters.clause === "whole" ? null : filters.clause, stakeholderType: filters.type, language: filters.lang };
  // A page link that no longer decodes shows the first page rather than an error.
  const { result: discussion } = await loadPage((cursor) => api.comments.list({ ...input, cursor }), filters.after);
  const canComment = Boolean(discussion.open && actor && !actor.suspension);
  // The verified organisations this person represents, to comment on their behalf.
  const organizations: SpeakingFor[] = canComment ? (await api.norms.formOptions()).organizations : [];
  const { norm } = discussion;
  const filtered = filters.type !== undefined || filters.lang !== undefined || (!amendment && (filters.clause !== undefined || filters.version !== undefined));
  const path = amendment ? `/norms/${norm.slug}/amendments/${amendment.number}` : `/norms/${norm.slug}`;
  const clauseMax = Math.max(clauseCount, typeof filters.clause === "number" ? filters.clause : 0);
  const carried = Object.entries(query).flatMap(([key, value]) =>
    ownKeys.has(key) || value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((v) => ({ key, value: v })),
  );
  const clearHref = (() => {
    const params = new URLSearchParams(carried.map(({ key, value }) => [key, value]));
    if (filters.sort !== "oldest") params.set("sort", filters.sort);
    const search = params.toString();
    return `${path}${search ? `?${search}` : ""}#discussion`;
  })();
  /** This discussion's address with its filters and sort, on the page after `after` (or the first). */
  const pageHref = (after?: string) => {
    const params = new URLSearchParams(carried.map(({ key, value }) => [key, value]));
    if (filters.sort !== "oldest") params.set("sort", filters.sort);
    if (filters.version !== undefined) params.set("version", String(filters.version));
    if (filters.clause !== undefined) params.set("clause", String(filters.clause));
    if (filters.type) params.set("type", filters.type);
    if (filters.lang) params.set("lang", filters.lang);
    if (after) params.set("after", after);
    const search = params.toString();
    return `${path}${search ? `?${search}` : ""}#discussion`;
  };

  return (
    <section id="discussion" aria-labelledby="discussion-heading" className="mt-12 max-w-3xl scroll-mt-4">
      <h2 id="discussion-heading" className="mb-3 text-xl font-bold sm:text-2xl">
        {t(amendment ? "amendmentTitle" : "title", { count: discussion.count })}
      </h2>
      <p className="mb-6 max-w-2xl">{t(amendment ? "amendmentLead" : "lead")}</p>

      <form method="get" action={`${path}#discussion`} className="mb-6 bg-surface p-4 sm:p-5" aria-labelledby="discussion-filters-heading">
        <h3 id="discussion-filters-heading" className="mb-3 text-lg font-bold">
          {t("filters.title")}
        </h3>
        {carried.map(({ key, value }, i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end">
          <FilterSelect id="discussion-sort" name="sort" label={t("filters.sort")} value={filters.sort}>
            <option value="oldest">{t("filters.sortOldest")}</option>
            <option value="newest">{t("filters.sortNewest")}</option>
            <option value="replies">{t("filters.sortReplies")}</option>
          </FilterSelect>
          {!amendment && (norm.currentVersion > 1 || filters.version !== undefined) ? (
            <FilterSelect id="discussion-version" name="version" label={t("filters.version")} value={filters.version ? String(filters.version) : ""}>
              <option value="">{t("filters.versionAll")}</option>
              {Array.from({ length: Math.max(norm.currentVersion, filters.version ?? 0) }, (_, i) => i + 1).map((v) => (
                <option key={v} value={v}>
                  {v === norm.currentVersion ? t("filters.versionCurrent", { version: v }) : t("filters.versionItem", { version: v })}
                </option>
              ))}
            </FilterSelect>
          ) : null}
          {amendment ? null : (
            <FilterSelect id="discussion-clause" name="clause" label={t("filters.clause")} value={filters.clause ? String(filters.clause) : ""}>
              <option value="">{t("filters.clauseAll")}</option>
              <option value="whole">{t("filters.clauseWhole")}</option>
              {Array.from({ length: clauseMax }, (_, i) => i + 1).map((c) => (
                <option key={c} value={c}>
                  {t("filters.clauseItem", { clause: c })}
                </option>
              ))}
            </FilterSelect>
          )}
          <FilterSelect id="discussion-type" name="type" label={t("filters.stakeholderType")} value={filters.type ?? ""}>
            <option value="">{t("filters.stakeholderTypeAll")}</option>
            {stakeholderTypes.map((type) => (
              <option key={type} value={type}>
                {tv(`stakeholderType.${type}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="discussion-language" name="lang" label={ttr("language")} value={filters.lang ?? ""}>
            <option value="">{ttr("languageAll")}</option>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, locale)}
              </option>
            ))}
          </FilterSelect>
          <Button type="submit" worksWithoutScript variant="secondary" className="self-start sm:self-auto">
            {t("filters.apply")}
          </Button>
        </div>
      </form>

      {filtered ? (
        <p className="mb-4" role="status">
          {t("filters.showing", { count: discussion.threadTotal })} <Link href={clearHref}>{t("filters.clear")}</Link>
        </p>
      ) : null}

      <h3 id="discussion-threads-heading" className="sr-only">
        {t("threadsLabel")}
      </h3>
      {discussion.threads.length ? (
        <DiscussionThreads discussion={discussion} organizations={organizations} labelledBy="discussion-threads-heading" />
      ) : (
        <p className="mb-6">{filtered ? t("emptyFiltered") : t("empty")}</p>
      )}
      <Pager
        label={t("pages.label")}
        back={filters.after ? { href: pageHref(), label: t("pages.first") } : null}
        next={discussion.nextCursor ? { href: pageHref(discussion.nextCursor), label: t("pages.next", { count: THREADS_PAGE }) } : null}
      />

      <div className="mt-10">
        {!discussion.open ? (
          <Alert variant="info">
            <AlertTitle as="h3">{t("form.closedTitle")}</AlertTitle>
            <AlertDescription>
              <p>{discussion.closedReason}</p>
            </AlertDescription>
          </Alert>
        ) : (
          <section id="new-comment" aria-labelledby="new-comment-heading" className="border-t-4 border-primary pt-4">
            <h3 id="new-comment-heading" className="mb-3 text-lg font-bold sm:text-xl">
              {t("form.title")}
            </h3>
            <p className="mb-5">{t.rich("form.rules", { link: (chunks) => <Link href="/house-rules">{chunks}</Link> })}</p>
            {!actor ? (
              <>
                <p className="mb-2">{t("form.visitor")}</p>
                <p>
                  <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`${path}#new-comment`)}`} className="font-bold">
                    {t("form.signIn")}
                  </Link>
                </p>
              </>
            ) : actor.suspension ? (
              <p>{t.rich("form.suspended", { link: (chunks) => <Link href="/account#suspension">{chunks}</Link> })}</p>
            ) : (
              <CommentComposer
                normId={norm.id}
                idPrefix="new-comment"
                currentVersion={norm.currentVersion}
                clauseCount={clauseCount}
                organizations={organizations}
                amendmentId={amendment?.id}
              />
            )}
          </section>
        )}
      </div>
    </section>
  );
}

function FilterSelect({ id, name, label, value, children }: { id: string; name: string; label: string; value: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <Label htmlFor={id} className="mb-1">
        {label}
      </Label>
      <NativeSelect id={id} name={name} defaultValue={value} className="w-full sm:w-auto">
        {children}
      </NativeSelect>
    </div>
  );
}

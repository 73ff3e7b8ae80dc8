import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { Button } from "~/app/_components/ui/button";
import { Input } from "~/app/_components/ui/input";
import { Label } from "~/app/_components/ui/label";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { Pagination } from "../_components/pagination";
import { SecretariatNav } from "../_components/secretariat-nav";
import { LiftSuspensionDialog } from "./_components/lift-suspension-dialog";
import { RoleForm } from "./_components/role-form";
import { SuspendDialog } from "./_components/suspend-dialog";
import { queryText } from "~/app/_components/query-text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("secretariat.users");
  return { title: t("title") };
}

const pageSize = 20;
const roleBadge = { member: "neutral", secretariat: "info", admin: "info" } as const;

export default async function SecretariatUsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const q = queryText(params.q, 100);
  const cursor = Math.max(0, Number.parseInt(typeof params.cursor === "string" ? params.cursor : "0", 10) || 0);
  const result = await load(() => api.users.list({ q: q || undefined, cursor, limit: pageSize }));
  const [t, tc, tv, format, actor] = await Promise.all([
    getTranslations("secretariat.users"),
    getTranslations("secretariat"),
    getTranslations("vocabulary.userRole"),
    getFormatter(),
    getActor(),
  ]);
  const isAdmin = can("user.setRole", actor);
  const href = (c: number) => `/secretariat/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(c ? { cursor: String(c) } : {}) })}`;

  return (
    <>
      <SecretariatNav current="users" />
      <PageHeader caption={tc("caption")} title={t("title")} description={t("lead")} />
      <form method="get" role="search" className="mb-8 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <Label htmlFor="q" className="mb-1">
            {t("search")}
          </Label>
          <Input id="q" name="q" type="search" defaultValue={q} spellCheck={false} />
        </div>
        <Button type="submit" worksWithoutScript variant="secondary">
          {t("searchSubmit")}
        </Button>
        {q ? (
          <Link href="/secretariat/users" className="self-center">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      <p className="mb-4 text-muted">{q ? t("resultsFor", { count: result.total, q }) : t("results", { count: result.total })}</p>
      {result.items.length > 0 ? (
        <ul aria-label={t("listLabel")} className="border-t border-border">
          {result.items.map((u) => {
            const self = u.id === actor?.id;
            // The server refuses a secretariat member suspending staff; don't offer it.
            const maySuspend = !self && (u.role === "member" || isAdmin);
            return (
              <li key={u.id} className="grid gap-4 border-b border-border py-5 md:grid-cols-[minmax(0,1fr)_auto] md:gap-8">
                <div className="min-w-0">
                  <h2 className="text-lg font-bold break-words sm:text-xl">
                    {u.displayName} {self ? <span className="font-normal text-muted">{t("you")}</span> : null}
                  </h2>
                  <p className="break-all text-muted">{u.email}</p>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Badge variant={roleBadge[u.role]}>{tv(u.role)}</Badge>
                    {u.suspension ? <Badge variant="danger">{t("suspended")}</Badge> : null}
                    {u.emailVerifiedAt ? null : <Badge variant="warning">{t("unverifiedEmail")}</Badge>}
                  </div>
                  {u.suspension ? (
                    <div className="mt-3 border-s-4 border-destructive ps-3">
                      <p>
                        {u.suspension.endsAt
                          ? t("suspendedUntil", { date: format.dateTime(u.suspension.endsAt, { dateStyle: "long", timeZone: "UTC" }) })
                          : t("suspendedIndefinitely")}
                      </p>
                      <p className="break-words">{t("suspensionReason", { reason: u.suspension.reason })}</p>
                    </div>
                  ) : null}
                  <p className="mt-2 text-base text-muted">{t("joined", { date: format.dateTime(u.createdAt, { dateStyle: "medium" }) })}</p>
                </div>
                <div className="flex flex-col items-start gap-4 md:items-end">
                  {u.suspension ? (
                    u.suspension.liftBlock ? (
                      <p className="max-w-xs text-base text-muted md:text-end">{t(`liftBlocked.${u.suspension.liftBlock}`)}</p>
                    ) : (
                      <LiftSuspensionDialog suspensionId={u.suspension.id} name={u.displayName} />
                    )
                  ) : maySuspend ? (
                    <SuspendDialog userId={u.id} name={u.displayName} />
                  ) : null}
                  {isAdmin ? <RoleForm userId={u.id} name={u.displayName} role={u.role} /> : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      <Pagination
        label={t("pagination")}
        previous={cursor > 0 ? { href: href(Math.max(0, cursor - pageSize)), label: t("previous") } : null}
        next={result.nextCursor !== null ? { href: href(result.nextCursor), label: t("next") } : null}
      />
    </>
  );
}

import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { languageName } from "~/app/norms/[slug]/_components/translation-notice";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { Pagination } from "~/app/secretariat/_components/pagination";
import { SecretariatNav } from "~/app/secretariat/_components/secretariat-nav";
import type { AuditAction } from "~/server/domain/audit";
import { userRoles, verificationStatuses } from "~/server/schemas/vocabulary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

const pageSize = 50;
const knownActions = new Set<string>([
  "user.role_changed",
  "user.suspended",
  "user.suspension_lifted",
  "user.appeal_decided",
  "user.account_deleted",
  "organization.verified",
  "organization.rejected",
  "organization.verification_revoked",
  "organization.returned_to_review",
  "organization.domains_confirmed",
  "organization.representation_exception",
  "organization.staff_membership_removed",
  "organization.participation_approved",
  "organization.participation_declined",
  "organization.nomination_approved",
  "organization.nomination_declined",
  "organization.representation_lapsed",
  "governance.published",
  "library.document_added",
  "library.norm_added",
  "library.forum_added",
  "uptake.recorded",
  "uptake.updated",
  "uptake.deleted",
  "observation.reviewed",
  "observation.correction_answered",
  "norm.translation_saved",
] satisfies AuditAction[]);
const isAuditAction = (a: string): a is AuditAction => knownActions.has(a);
const isRole = (v: string | null): v is (typeof userRoles)[number] => userRoles.some((r) => r === v);
const isStatus = (v: string | null): v is (typeof verificationStatuses)[number] => verificationStatuses.some((s) => s === v);

/** A string field of an entry's details, or null: details are free-form JSON written by the domain. */
const text = (details: Record<string, unknown>, key: string) => {
  const v = details[key];
  return typeof v === "string" && v !== "" ? v : null;
};

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const raw = typeof params.cursor === "string" ? Number.parseInt(params.cursor, 10) : Number.NaN;
  const cursor = Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
  const log = await load(() => api.audit.list({ cursor, limit: pageSize }));
  const [t, ta, tv, format, locale] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("admin"),
    getTranslations("vocabulary"),
    getFormatter(),
    getLocale(),
  ]);
  const role = (v: string | null) => (isRole(v) ? tv(`userRole.${v}`) : (v ?? "?"));

  const describe = (entry: (typeof log.items)[number]): string[] => {
    const d = entry.details;
    const lines: string[] = [];
    const reason = text(d, "reason");
    const from = text(d, "from");
    switch (entry.action) {
      case "user.role_changed":
        lines.push(t("roleChange", { from: role(from), to: role(text(d, "to")) }));
        break;
      case "user.suspended": {
        if (reason) lines.push(t("reason", { reason }));
        const endsAt = text(d, "endsAt");
        const date = endsAt ? new Date(endsAt) : null;
        lines.push(
          date && !Number.isNaN(date.getTime())
            ? t("until", { date: format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) })
            : t("indefinite"),
        );
        break;
      }
      case "user.suspension_lifted":
        if (reason) lines.push(t("note", { note: reason }));
        break;
      case "organization.staff_membership_removed": {
        const person = text(d, "person");
        const memberRole = text(d, "memberRole");
        if (person) lines.push(t("staffMembershipRemoved", { person, role: role(text(d, "staffRole")), memberRole: memberRole ?? "member" }));
        if (reason) lines.push(t("reason", { reason }));
        break;
      }
      case "governance.published": {
        const summary = text(d, "summary");
        if (summary) lines.push(t("note", { note: summary }));
        break;
      }
      case "user.appeal_decided": {
        const decision = text(d, "decision");
        if (decision) lines.push(t("decision", { decision }));
        const note = text(d, "note");
        if (note) lines.push(t("note", { note }));
        break;
      }
      case "observation.reviewed": {
        const decision = text(d, "decision");
        if (decision) lines.push(t("observationReview", { decision, outcome: text(d, "outcome") ?? "pending", needsThird: d.needsThird === true ? "yes" : "no" }));
        break;
      }
      default:
        if (isStatus(from)) lines.push(t("statusFrom", { status: tv(`verificationStatus.${from}`) }));
        if (reason) lines.push(t("reason", { reason }));
    }
    return lines;
  };

  const target = (entry: (typeof log.items)[number]) => {
    if (entry.targetType === "user") return t("person", { name: entry.targetUserName ?? t("deletedUser") });
    if (entry.targetType === "reference_norm") return t("referenceNorm", { id: entry.targetId });
    if (entry.targetType === "governance") return t("governanceRevision", { number: entry.targetId });
    if (entry.targetType === "reference_document") return t("referenceDocument", { key: entry.targetId });
    if (entry.targetType === "forum") return t("forum", { id: entry.targetId });
    if (entry.targetType === "observation") return t("observation", { title: text(entry.details, "title") ?? entry.targetId });
    if (entry.targetType === "norm_uptake") return t("uptake", { document: text(entry.details, "document") ?? entry.targetId });
    if (entry.targetType === "norm_translation") {
      const language = text(entry.details, "language");
      return t("normTranslation", {
        slug: text(entry.details, "slug") ?? entry.targetId,
        version: String(entry.details.version ?? "?"),
        language: language ? languageName(language, locale) : "?",
      });
    }
    const name = text(entry.details, "name");
    return name ? t("organization", { name }) : t("organizationId", { id: entry.targetId });
  };

  return (
    <>
      <SecretariatNav current="audit" />
      <PageHeader caption={ta("caption")} title={t("title")} description={t("lead")} />
      {log.items.length === 0 ? (
        <p className="text-lg">{t("empty")}</p>
      ) : (
        <ol aria-label={t("listLabel")} className="border-t border-border">
          {log.items.map((entry) => {
            const details = describe(entry);
            return (
              <li key={entry.id} className="grid gap-2 border-b border-border py-5 md:grid-cols-[13rem_minmax(0,1fr)] md:gap-8">
                <p className="text-muted">
                  <span className="sr-only">{t("when")}: </span>
                  <time dateTime={entry.createdAt.toISOString()}>
                    {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </p>
                <div className="min-w-0">
                  <p className="mb-2 text-lg font-bold sm:text-xl">
                    <span className="sr-only">{t("what")}: </span>
                    {isAuditAction(entry.action) ? t(`action.${entry.action}`) : t("action.other", { action: entry.action })}
                  </p>
                  <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[9rem_minmax(0,1fr)]">
                    <dt className="font-bold">{t("who")}</dt>
                    <dd className="mb-2 break-words sm:mb-0">
                      {entry.actorName ? (entry.actorEmail ? `${entry.actorName} (${entry.actorEmail})` : entry.actorName) : t("unknownActor")}
                    </dd>
                    <dt className="font-bold">{t("target")}</dt>
                    <dd className="mb-2 break-words sm:mb-0">{target(entry)}</dd>
                    {details.length > 0 ? (
                      <>
                        <dt className="font-bold">{t("details")}</dt>
                        <dd className="break-words whitespace-pre-line">
                          {details.map((line, i) => (
                            <p key={i}>{line}</p>
                          ))}
                        </dd>
                      </>
                    ) : null}
                  </dl>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination
        label={t("pagination")}
        previous={cursor ? { href: "/admin/audit", label: t("newer") } : null}
        next={log.nextCursor !== null ? { href: `/admin/audit?cursor=${log.nextCursor}`, label: t("older") } : null}
      />
    </>
  );
}

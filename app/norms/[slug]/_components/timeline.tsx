import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { NormEventType } from "~/db/schema";
import type { CriterionResult } from "~/server/domain/criteria";
import { CriteriaResults } from "../../_components/criteria-list";
import type { NormStatus, UserRole } from "~/server/schemas/vocabulary";

type EventType = NormEventType;

export interface TimelineEvent {
  /** Its anchor, #event-{id}: the norm's Atom feed links each entry here. */
  id: string;
  type: EventType;
  fromStatus: NormStatus | null;
  version: number | null;
  note: string | null;
  /** The stage's closing instant as the event set it (a move into a timed stage, an extension, a close). */
  closesAt: Date | null;
  createdAt: Date;
  /** Null for what the forum's clock did. */
  actorName: string | null;
  actorRole: UserRole | null;
  /** A secretariat move made although its published criteria were not met, and why. */
  override: boolean;
  overrideReason: string | null;
  /** The move's criteria as evaluated when it was made. */
  criteria: CriterionResult[] | null;
  /** The amendment an amendmentAccepted or amendmentDeclined entry decided, and who proposed it. */
  amendment: { number: number; authorName: string; organizationName: string | null } | null;
  /** The organisation a sponsorAccepted or sponsorWithdrawn entry concerns. */
  sponsor: { organizationName: string; organizationSlug: string } | null;
  /** Into endorsement: opened sealed; any later event: the sealed positions were published by it (sealed.ts). */
  sealed: boolean;
}

/** Moves whose note is the secretariat's public outcome statement. */
const secretariatMoves = new Set<NormEventType>(["openEndorsement", "returnToConsultation", "conclude", "merge"]);

const lastDayOf = (closesAt: Date) => new Date(closesAt.getTime() - 12 * 60 * 60 * 1000);

/** Every revision and transition, oldest first, in plain words. */
export async function Timeline({ events, mergedInto, slug }: { events: readonly TimelineEvent[]; mergedInto: { title: string } | null; slug: string }) {
  const [t, format] = await Promise.all([getTranslations("norms.timeline"), getFormatter()]);
  return (
    <ol className="border-s-4 border-border ps-5">
      {events.map((e) => {
        const staff = e.actorRole === "secretariat" || e.actorRole === "admin";
        const closingDay = e.closesAt ? format.dateTime(lastDayOf(e.closesAt), { dateStyle: "long", timeZone: "UTC" }) : "";
        const what =
          e.type === "revised"
            ? t("revised", { version: e.version ?? 0 })
            : e.type === "merge" && mergedInto
              ? t("mergeInto", { title: mergedInto.title })
              : e.type === "stageClosed"
                ? t("stageClosed", { stage: e.fromStatus ?? "consultation", date: closingDay })
                : e.type === "extended"
                  ? t("extended", { stage: e.fromStatus ?? "consultation", date: closingDay })
                  : e.type === "amendmentAccepted" || e.type === "amendmentDeclined" || e.type === "sponsorAccepted" || e.type === "sponsorWithdrawn"
                    ? ""
                    : t(e.type);
        const amendment = e.amendment;
        const sponsor = e.sponsor;
        return (
          <li key={e.id} id={`event-${e.id}`} className="relative mb-6 scroll-mt-4 last:mb-0">
            <span aria-hidden="true" className="absolute -start-[1.75rem] top-2 size-3 rounded-full bg-foreground" />
            <p className="font-bold">
              {amendment
                ? t.rich(e.type === "amendmentAccepted" ? "amendmentAccepted" : "amendmentDeclined", {
                    number: amendment.number,
                    version: e.version ?? 0,
                    name: amendment.organizationName ? `${amendment.authorName} (${amendment.organizationName})` : amendment.authorName,
                    link: (chunks) => <Link href={`/norms/${slug}/amendments/${amendment.number}`}>{chunks}</Link>,
                  })
                : sponsor && (e.type === "sponsorAccepted" || e.type === "sponsorWithdrawn")
                  ? t.rich(e.type, {
                      organization: sponsor.organizationName,
                      link: (chunks) => <Link href={`/organizations/${sponsor.organizationSlug}`}>{chunks}</Link>,
                    })
                  : what}
            </p>
            <p className="text-base text-muted">
              {e.actorName === null ? t("byClock") : staff ? t("byStaff", { name: e.actorName }) : t("by", { name: e.actorName })}
              {" · "}
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            {e.closesAt && e.type !== "stageClosed" && e.type !== "extended" ? (
              <p className="mt-1">{t("closesOn", { stage: e.type === "openEndorsement" ? "endorsement" : "consultation", date: closingDay })}</p>
            ) : null}
            {e.sealed ? <p className="mt-1 font-bold">{t(e.type === "openEndorsement" ? "openedSealed" : "revealed")}</p> : null}
            {e.note ? (
              <p className="mt-1 max-w-2xl whitespace-pre-line">
                {e.type === "revised" || e.type === "amendmentAccepted"
                  ? t("changeSummary", { summary: e.note })
                  : e.type === "amendmentDeclined" || e.type === "extended"
                    ? t("reason", { reason: e.note })
                      : secretariatMoves.has(e.type)
                        ? t("statement", { statement: e.note })
                        : t("note", { note: e.note })}
              </p>
            ) : null}
            {e.override ? (
              <div className="mt-2 max-w-2xl border-s-4 border-destructive ps-3">
                <p className="font-bold">{t("override")}</p>
                {e.overrideReason ? <p className="whitespace-pre-line">{t("overrideReason", { reason: e.overrideReason })}</p> : null}
              </div>
            ) : null}
            {e.criteria && (e.type === "openEndorsement" || e.type === "conclude") ? (
              <details className="mt-2 max-w-2xl">
                <summary className="cursor-pointer">{t("criteriaAtTheTime")}</summary>
                <CriteriaResults move={e.type} results={e.criteria} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

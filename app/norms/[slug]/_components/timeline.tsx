import { getFormatter, getTranslations } from "next-intl/server";
import type { UserRole } from "~/server/schemas/vocabulary";

type EventType = "created" | "revised" | "submit" | "withdraw" | "openEndorsement" | "returnToConsultation" | "conclude" | "merge";

export interface TimelineEvent {
  type: EventType;
  version: number | null;
  note: string | null;
  createdAt: Date;
  actorName: string;
  actorRole: UserRole;
}

/** Every revision and transition, oldest first, in plain words. */
export async function Timeline({ events, mergedInto }: { events: readonly TimelineEvent[]; mergedInto: { title: string } | null }) {
  const [t, format] = await Promise.all([getTranslations("norms.timeline"), getFormatter()]);
  return (
    <ol className="border-s-4 border-border ps-5">
      {events.map((e, i) => {
        const staff = e.actorRole === "secretariat" || e.actorRole === "admin";
        const what =
          e.type === "revised"
            ? t("revised", { version: e.version ?? 0 })
            : e.type === "merge" && mergedInto
              ? t("mergeInto", { title: mergedInto.title })
              : t(e.type);
        return (
          <li key={i} className="relative mb-6 last:mb-0">
            <span aria-hidden="true" className="absolute -start-[1.75rem] top-2 size-3 rounded-full bg-foreground" />
            <p className="font-bold">{what}</p>
            <p className="text-base text-muted">
              {staff ? t("byStaff", { name: e.actorName }) : t("by", { name: e.actorName })}
              {" · "}
              <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            {e.note ? (
              <p className="mt-1 max-w-2xl whitespace-pre-line">
                {e.type === "revised" ? t("changeSummary", { summary: e.note }) : t("note", { note: e.note })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { buttonVariants } from "~/app/_components/ui/button";
import type { Stance } from "~/server/schemas/vocabulary";
import { RecordPosition } from "./islands";
import type { ViewerOrganization } from "./record-position";

export type PositionsViewer =
  | { kind: "visitor" }
  | { kind: "suspended" }
  | { kind: "signedIn"; organizations: ViewerOrganization[] };

/** A sealed endorsement stage as the recording organisation's representative sees it (positions.sealed). */
export interface SealedForViewer {
  stage: { lastDay: string } | null;
  entries: { organizationId: string; stance: Stance; statement: string; recordedAt: Date }[];
}

/**
 * Where a representative records their organisation's position; shown only while positions are open,
 * and on a concluded norm, where it records adherence or its withdrawal.
 * Server markup; only a representative's form is a client component, loaded for them alone.
 */
export async function PositionsPanel({
  normId,
  slug,
  currentVersion,
  clauses,
  positionCount,
  viewer,
  concluded = false,
  sealed = null,
}: {
  normId: string;
  slug: string;
  currentVersion: number;
  /** The current version's clauses, which a reservation or objection may name. */
  clauses: string[];
  positionCount: number;
  viewer: PositionsViewer;
  /** A concluded norm takes adherence only (docs/adherence.md). */
  concluded?: boolean;
  /** While the endorsement stage is sealed: the reader's organisations' sealed entries. */
  sealed?: SealedForViewer | null;
}) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.panel"), getTranslations("vocabulary"), getFormatter()]);
  const representative = viewer.kind === "signedIn" && viewer.organizations.length > 0;
  const title = concluded ? (representative ? t("titleAdherenceRepresentative") : t("titleAdherence")) : representative ? t("titleRepresentative") : t("title");
  return (
    <section id="record-position" className="border-t-4 border-primary pt-4">
      <h2 id="record-position-heading" className="mb-3 text-xl font-bold sm:text-2xl">
        {title}
      </h2>
      <p className="mb-4">
        {t("summary", { count: positionCount })} <Link href="#positions">{t("seeAll")}</Link>
      </p>
      {concluded ? <p className="mb-4">{t("adherenceLead")}</p> : null}
      {viewer.kind === "visitor" ? (
        <>
          <p className="mb-4">{concluded ? t("visitorAdherence") : t("visitor")}</p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/norms/${slug}`)}`} className={buttonVariants({ variant: "secondary" })}>
            {t("signIn")}
          </Link>
        </>
      ) : viewer.kind === "suspended" ? (
        <p>{t("suspended")}</p>
      ) : viewer.organizations.length === 0 ? (
        <>
          <p className="mb-2">{t("notRepresentative")}</p>
          <Link href="/organizations/mine">{t("yourOrganizations")}</Link>
        </>
      ) : (
        <>
          {sealed?.stage ? (
            <Alert variant="info" className="mb-6" data-testid="sealed-notice">
              <AlertTitle as="h3">{t("sealedTitle", { date: format.dateTime(new Date(`${sealed.stage.lastDay}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })}</AlertTitle>
              <AlertDescription>
                <p>{t("sealedText")}</p>
                {viewer.organizations.map((o) => {
                  const entry = sealed.entries.find((e) => e.organizationId === o.id);
                  return entry ? (
                    <div key={o.id} data-testid="sealed-entry">
                      <p>
                        {t("sealedEntry", {
                          name: o.name,
                          stance: tv(`stance.${entry.stance}`),
                          recorded: format.dateTime(entry.recordedAt, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC",
                        })}
                      </p>
                      {entry.statement ? <p className="break-words">{t("sealedStatement", { statement: entry.statement })}</p> : null}
                    </div>
                  ) : (
                    <p key={o.id}>{t("sealedNone", { name: o.name })}</p>
                  );
                })}
              </AlertDescription>
            </Alert>
          ) : null}
          <RecordPosition normId={normId} currentVersion={currentVersion} clauses={clauses} organizations={viewer.organizations} concluded={concluded} />
        </>
      )}
    </section>
  );
}


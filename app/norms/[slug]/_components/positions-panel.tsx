import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";
import { RecordPosition } from "./islands";
import type { ViewerOrganization } from "./record-position";

export type PositionsViewer =
  | { kind: "visitor" }
  | { kind: "suspended" }
  | { kind: "signedIn"; organizations: ViewerOrganization[] };

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
}) {
  const t = await getTranslations("positions.panel");
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
        <RecordPosition normId={normId} currentVersion={currentVersion} clauses={clauses} organizations={viewer.organizations} concluded={concluded} />
      )}
    </section>
  );
}


import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import { ClausesNamed } from "./clauses-named";
import type { NormPosition } from "./positions-load";
import { StanceSwatch } from "./positions-stance";

/** Organisations' current positions, one entry each, with who recorded them and on which version. */
export async function PositionsList({ positions }: { positions: readonly NormPosition[] }) {
  const [t, tv, format] = await Promise.all([getTranslations("positions.list"), getTranslations("vocabulary"), getFormatter()]);
  return (
    <ul className="border-t border-border">
      {positions.map((p) => (
        <li key={p.organization.slug} className="border-b border-border py-4">
          <p className="font-bold">
            <Link href={`/organizations/${p.organization.slug}`}>{p.organization.name}</Link>
          </p>
          <p className="mb-2 text-base text-muted">
            {t("typeRegion", { type: tv(`stakeholderType.${p.organization.stakeholderType}`), region: tv(`region.${p.organization.region}`) })}
          </p>
          <p className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2">
            <span className="flex items-center gap-2 font-bold">
              <StanceSwatch stance={p.stance} />
              {tv(`stance.${p.stance}`)}
            </span>
            {p.current ? null : <Badge>{t("givenOn", { version: p.version })}</Badge>}
            {p.organization.verified ? null : <Badge variant="warning">{t("verificationRevoked")}</Badge>}
          </p>
          <ClausesNamed clauses={p.clauses} />
          {p.statement ? <p className="mb-2 max-w-2xl whitespace-pre-line break-words">{p.statement}</p> : null}
          <p className="text-base text-muted">
            {t("recordedBy", {
              name: p.recordedBy,
              date: format.dateTime(p.recordedAt, { dateStyle: "long" }),
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

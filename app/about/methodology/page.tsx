import { connection } from "next/server";
import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableFooter, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { bridgingShare, GROUP_COUNT, type GroupFigures, wilsonLowerBound } from "~/server/domain/measures";
import { appUrl } from "~/server/app-url";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { comparison, exampleMeasures, examplePositions } from "./example";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("methodology");
  return { title: t("metaTitle"), description: t("lead") };
}

const sections = ["counted", "counts", "support", "breadth", "bridging", "contestation", "ranking", "example", "rounding", "recompute", "verify"] as const;

function Formula({ children }: { children: React.ReactNode }) {
  return <p className="border-s-[10px] border-primary bg-surface px-4 py-3 font-semibold">{children}</p>;
}

export default async function MethodologyPage() {
  const [t, tv, format] = await Promise.all([getTranslations("methodology"), getTranslations("vocabulary"), getFormatter()]);
  // Rendered per request: the examples use the site's address, known only when it runs (APP_URL).
  await connection();
  const siteUrl = appUrl();
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const number = (value: number) => format.number(value, { maximumFractionDigits: 2 });

  // Every figure below comes from computeMeasures over the example's positions.
  const m = exampleMeasures;
  const endorsing = m.counts.endorse + m.counts.endorse_with_reservations;
  const shareSum = [...m.byStakeholderType, ...m.byRegion].reduce((sum, g) => sum + bridgingShare(g.counts), 0);
  const fiveRegions = regions.filter((r) => r !== "global");

  const groupRows = (groups: readonly GroupFigures<string>[], label: (group: string) => string) =>
    groups.map((g) => {
      const groupEndorsing = g.counts.endorse + g.counts.endorse_with_reservations;
      return (
        <TableRow key={g.group}>
          <TableHead scope="row" className="font-normal">
            {label(g.group)}
          </TableHead>
          <TableCell className="tabular-nums">{groupEndorsing}</TableCell>
          <TableCell className="tabular-nums">{g.counts.object}</TableCell>
          <TableCell className="tabular-nums">{g.counts.abstain}</TableCell>
          <TableCell className="tabular-nums">{groupEndorsing > 0 ? percent(bridgingShare(g.counts)) : 0}</TableCell>
        </TableRow>
      );
    });

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />

      <WithContents id="contents-heading" title={t("contentsTitle")} items={sections.map((s) => ({ href: `#${s}`, label: t(`${s}.title`) }))}>
      <div className="prose-forum">

        <h2 id="counted">{t("counted.title")}</h2>
        <p>{t("counted.verified")}</p>
        <p>{t("counted.revoked")}</p>
        <p>{t("counted.versions")}</p>
        <p>{t("counted.oneState")}</p>

        <h2 id="counts">{t("counts.title")}</h2>
        <p>{t("counts.text")}</p>
        <p>{t("counts.groups")}</p>
        <ul>
          <li>{t("counts.types", { list: format.list(stakeholderTypes.map((s) => tv(`stakeholderType.${s}`))) })}</li>
          <li>{t("counts.regions", { list: format.list(fiveRegions.map((r) => tv(`region.${r}`))), global: tv("region.global") })}</li>
        </ul>

        <h2 id="support">{t("support.title")}</h2>
        <Formula>{t("support.formula")}</Formula>
        <p>{t("support.text")}</p>
        <p>{t("support.abstain")}</p>
        <p>{t("support.reservations")}</p>

        <h2 id="breadth">{t("breadth.title")}</h2>
        <p>{t("breadth.text")}</p>

        <h2 id="bridging">{t("bridging.title")}</h2>
        <h3>{t("bridging.whyTitle")}</h3>
        <p>{t("bridging.why")}</p>

        <h3>{t("bridging.howTitle")}</h3>
        <p>{t("bridging.share")}</p>
        <Formula>{t("bridging.shareFormula")}</Formula>
        <p>{t("bridging.mean")}</p>
        <Formula>{t("bridging.meanFormula")}</Formula>
        <p>{t("bridging.weights")}</p>

        <h3>{t("bridging.declaredTitle")}</h3>
        <p>{t("bridging.declared")}</p>
        <p>{t("bridging.declaredDivides")}</p>

        <h3>{t("bridging.relatedTitle")}</h3>
        <p>{t("bridging.polis")}</p>
        <p>{t("bridging.notes")}</p>
        <p>{t("bridging.differences")}</p>

        <h3>{t("bridging.propertiesTitle")}</h3>
        <ul>
          <li>{t("bridging.propertyRange")}</li>
          <li>{t("bridging.propertyObjection")}</li>
          <li>{t("bridging.propertySpan")}</li>
          <li>{t("bridging.propertyGroups")}</li>
          <li>{t("bridging.propertyOrder")}</li>
        </ul>
        <p>{t("bridging.propertiesLead")}</p>

        <h3>{t("bridging.limitsTitle")}</h3>
        <ul>
          <li>{t("bridging.limitOne")}</li>
          <li>{t("bridging.limitSize")}</li>
          <li>{t("bridging.limitVeto")}</li>
          <li>{t("bridging.limitWithin")}</li>
          <li>{t("bridging.limitSummary")}</li>
        </ul>

        <h2 id="contestation">{t("contestation.title")}</h2>
        <Formula>{t("contestation.formula")}</Formula>
        <p>{t("contestation.text")}</p>
        <p>{t("contestation.catalogue")}</p>

        <h2 id="ranking">{t("ranking.title")}</h2>
        <p>{t("ranking.text")}</p>
        <Formula>{t("ranking.formula")}</Formula>
        <p>{t("ranking.terms")}</p>
        <p>{t("ranking.example", { one: number(wilsonLowerBound(1, 1)!), many: number(wilsonLowerBound(30, 40)!) })}</p>
        <p>{t("ranking.published")}</p>

        <h2 id="example">{t("example.title")}</h2>
        <p>{t("example.lead")}</p>
      </div>

      <div className="mt-6 max-w-[42rem]">
        <Table className="mb-8 text-base sm:text-base">
          <TableCaption>{t("example.positionsCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("example.colOrganization")}</TableHead>
              <TableHead scope="col">{t("example.colGroups")}</TableHead>
              <TableHead scope="col">{t("example.colStance")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {examplePositions.map((p) => (
              <TableRow key={p.organization}>
                <TableHead scope="row" className="font-semibold">
                  {t(`example.organizations.${p.organization}`)}
                </TableHead>
                <TableCell>
                  {t("example.groupsValue", { type: tv(`stakeholderType.${p.stakeholderType}`), region: tv(`region.${p.region}`) })}
                </TableCell>
                <TableCell>
                  {tv(`stance.${p.stance}`)}
                  {!p.verified ? <span className="block text-muted">{t("example.notCounted")}</span> : null}
                  {p.verified && !p.current ? <span className="block text-muted">{t("example.earlierVersion")}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Table className="mb-3 text-sm sm:text-base [&_td]:pe-2 [&_th]:pe-2 sm:[&_td]:pe-4 sm:[&_th]:pe-4 [&_th]:hyphens-auto">
          <TableCaption>{t("example.sharesCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("example.colGroup")}</TableHead>
              <TableHead scope="col">{t("example.colEndorse")}</TableHead>
              <TableHead scope="col">{t("example.colObject")}</TableHead>
              <TableHead scope="col">{t("example.colAbstain")}</TableHead>
              <TableHead scope="col">{t("example.colShare")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow className="bg-surface">
              <TableHead scope="colgroup" colSpan={5} className="ps-2">
                {t("example.typesHeading")}
              </TableHead>
            </TableRow>
            {groupRows(m.byStakeholderType, (g) => tv(`stakeholderType.${g as (typeof stakeholderTypes)[number]}`))}
            <TableRow className="bg-surface">
              <TableHead scope="colgroup" colSpan={5} className="ps-2">
                {t("example.regionsHeading")}
              </TableHead>
            </TableRow>
            {groupRows(m.byRegion, (g) => tv(`region.${g as (typeof regions)[number]}`))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableHead scope="row" colSpan={4}>
                {t("example.sumRow")}
              </TableHead>
              <TableCell className="tabular-nums">{number(shareSum)}</TableCell>
            </TableRow>
          </TableFooter>
        </Table>
        <p className="mb-8 text-muted">{t("example.sharesNote")}</p>

        <h3 className="mb-3 text-lg font-bold sm:text-xl">{t("example.figuresTitle")}</h3>
        <ul className="mb-10 list-disc space-y-1.5 ps-5">
          <li>{t("example.counted", { counted: m.counts.total, listed: examplePositions.length, uncounted: m.uncounted })}</li>
          <li>{t("example.current", { current: m.onCurrentText, counted: m.counts.total })}</li>
          <li>
            {m.support === null
              ? t("example.none")
              : t("example.supportLine", { endorsing, objecting: m.counts.object, value: percent(m.support) })}
          </li>
          <li>
            {m.contestation === null
              ? t("example.none")
              : t("example.contestationLine", { objecting: m.counts.object, counted: m.counts.total, value: percent(m.contestation) })}
          </li>
          <li>
            {t("example.breadthLine", {
              types: m.breadth.stakeholderTypes,
              ofTypes: m.breadth.ofStakeholderTypes,
              regions: m.breadth.regions,
              ofRegions: m.breadth.ofRegions,
            })}
          </li>
          <li>{t("example.bridgingLine", { sum: number(shareSum), groups: GROUP_COUNT, value: percent(m.bridging) })}</li>
        </ul>

        <h3 className="mb-3 text-lg font-bold sm:text-xl">{t("example.comparisonTitle")}</h3>
        <p className="mb-5">{t("example.comparisonLead")}</p>
        <Table className="mb-4 text-base sm:text-base">
          <TableCaption className="sr-only">{t("example.comparisonCaption")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t("example.colNorm")}</TableHead>
              <TableHead scope="col">{t("example.colSupport")}</TableHead>
              <TableHead scope="col">{t("example.colBridging")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(["oneGroup", "everyGroup"] as const).map((key) => {
              const c = comparison[key];
              return (
                <TableRow key={key}>
                  <TableHead scope="row" className="font-normal">
                    {t(`example.${key}`, { count: c.counts.endorse + c.counts.endorse_with_reservations })}
                  </TableHead>
                  <TableCell className="tabular-nums">{c.support === null ? t("example.none") : percent(c.support)}</TableCell>
                  <TableCell className="tabular-nums">{percent(c.bridging)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>

      <div className="prose-forum">
        <h2 id="rounding">{t("rounding.title")}</h2>
        <p>{t("rounding.text")}</p>

        <h2 id="recompute">{t("recompute.title")}</h2>
        <p>{t("recompute.text")}</p>
        <pre className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          <code>
            GET /api/v1/norms/<var>slug</var>/positions
            {"\n"}GET /api/v1/norms/<var>slug</var>/measures
          </code>
        </pre>
        <p>{t.rich("recompute.check", { link: (chunks) => <Link href="/open-data">{chunks}</Link> })}</p>

        <h2 id="verify">{t("verify.title")}</h2>
        <p>{t("verify.text")}</p>
        <h3>{t("verify.hashTitle")}</h3>
        <p>{t("verify.hashText")}</p>
        <pre className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          <code>
            curl -s {siteUrl}/api/v1/stocktakes/<var>year</var>/snapshot.json \{"\n"}
            {"  "}| sha256sum
          </code>
        </pre>
        <p>{t.rich("verify.hashMetadata", { code })}</p>
        <pre className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          <code>
            curl -s {siteUrl}/api/v1/stocktakes/<var>year</var>
          </code>
        </pre>
        <p>{t("verify.hashNote")}</p>
        <h3>{t("verify.figuresTitle")}</h3>
        <p>{t.rich("verify.figuresItems", { code })}</p>
        <p>{t.rich("verify.figuresOrganizations", { code })}</p>
        <p>{t.rich("verify.figuresOther", { code })}</p>
        <p>{t.rich("verify.figuresChanges", { code })}</p>
        <p>{t.rich("verify.figuresNarrative", { code })}</p>
      </div>
      </WithContents>
    </>
  );
}

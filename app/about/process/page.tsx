import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { cn } from "~/app/_components/ui/cn";
import { CellLabel, stack } from "~/app/_components/ui/stacked-table";
import { api, load } from "~/app/_trpc/server";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";
import { closesAtAfter, lastOpenDay } from "~/server/domain/stage-clock";
import { PublishedCriteria } from "~/app/norms/_components/criteria-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("process.about");
  return { title: t("metaTitle"), description: t("lead") };
}

const sections = ["stages", "clock", "closing", "amendments", "after", "criteria", "extensions", "changes"] as const;
const lifecycle = ["draft", "consultation", "endorsement", "concluded", "withdrawn", "merged"] as const;

// The example's start: any date serves, the lengths are the ones in force (process.rules).
const EXAMPLE_START = new Date("2026-12-01T10:00:00Z");

/**
 * How a norm moves through the forum: its stages in plain words, and the consultation clock's
 * rules as the database holds them now, with every change an administrator made and why. Public,
 * and rendered per request from the database (the page cache keeps it until the rules change).
 */
export default async function ProcessPage() {
  const [{ rules, criteria, changes }, t, format, actor] = await Promise.all([
    load(() => api.process.rules()),
    getTranslations("process.about"),
    getFormatter(),
    getActor(),
  ]);
  const utcDay = (at: Date) => format.dateTime(at, { dateStyle: "long", timeZone: "UTC" });
  const dayOf = (isoDay: string) => utcDay(new Date(`${isoDay}T00:00:00Z`));
  const days = (count: number) => t("clock.days", { count });
  const consultation = rules.find((r) => r.stage === "consultation")!;
  const exampleCloses = closesAtAfter(EXAMPLE_START, consultation.defaultDays);
  const fromTo = (from: number, to: number) => (from === to ? t("changes.unchanged", { value: days(to) }) : t("changes.fromTo", { from: days(from), to: days(to) }));

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      {can("process.changeRule", actor) ? (
        <p className="-mt-4 mb-8">
          <Link href="/admin/process">{t("adminLink")}</Link>
        </p>
      ) : null}

      <WithContents id="contents-heading" title={t("contentsTitle")} items={sections.map((s) => ({ href: `#${s}`, label: t(`${s}.title`) }))}>
        <div className="prose-forum">
          <h2 id="stages">{t("stages.title")}</h2>
          <p>{t("stages.lead")}</p>
          <dl className="space-y-4">
            {lifecycle.map((stage) => (
              <div key={stage}>
                <dt className="font-bold">{t(`stages.${stage}Title`)}</dt>
                <dd>{t(`stages.${stage}`)}</dd>
              </div>
            ))}
          </dl>
          <h3>{t("stages.whoTitle")}</h3>
          <p>{t("stages.who")}</p>

          <h2 id="clock">{t("clock.title")}</h2>
          <p>{t("clock.lead")}</p>
          <ul data-testid="stage-rules">
            {rules.map((rule) => (
              <li key={rule.stage}>{t("clock.sentence", { stage: rule.stage, defaultDays: rule.defaultDays, minimumDays: rule.minimumDays })}</li>
            ))}
          </ul>
        </div>
        <div className="max-w-[42rem]">
          <Table className="mb-6">
            <TableCaption>{t("clock.caption")}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead scope="col">{t("clock.colStage")}</TableHead>
                <TableHead scope="col">{t("clock.colDefault")}</TableHead>
                <TableHead scope="col">{t("clock.colMinimum")}</TableHead>
                <TableHead scope="col">{t("clock.colSince")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.map((rule) => (
                <TableRow key={rule.stage}>
                  <TableHead scope="row">{t("clock.stage", { stage: rule.stage })}</TableHead>
                  <TableCell className="tabular-nums">{days(rule.defaultDays)}</TableCell>
                  <TableCell className="tabular-nums">{days(rule.minimumDays)}</TableCell>
                  <TableCell>
                    <time dateTime={rule.updatedAt.toISOString()}>{utcDay(rule.updatedAt)}</time>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <div className="prose-forum">
          <p>{t("clock.untimed")}</p>
          <p>{t("clock.future")}</p>

          <h2 id="closing">{t("closing.title")}</h2>
          <p>{t("closing.endOfDay")}</p>
          <p>
            {t("closing.example", {
              start: utcDay(EXAMPLE_START),
              days: consultation.defaultDays,
              lastDay: dayOf(lastOpenDay(exampleCloses)),
              closedFrom: utcDay(exampleCloses),
            })}
          </p>
          <p>{t("closing.stopsLead")}</p>
          <ul>
            <li>{t("closing.stopsConsultation")}</li>
            <li>{t("closing.stopsEndorsement")}</li>
          </ul>
          <p>{t("closing.keeps")}</p>

          <h2 id="amendments">{t("amendments.title")}</h2>
          <p>{t("amendments.lead")}</p>
          <ul>
            <li>{t("amendments.kinds")}</li>
            <li>{t("amendments.support")}</li>
            <li>{t("amendments.decide")}</li>
            <li>{t("amendments.conflict")}</li>
            <li>{t("amendments.end")}</li>
          </ul>

          <h2 id="after">{t("after.title")}</h2>
          <p>{t("after.status")}</p>
          <ul>
            <li>{t("after.consultation")}</li>
            <li>{t("after.endorsement")}</li>
          </ul>
          <p>{t("after.statement")}</p>

          <h2 id="criteria">{t("criteria.title")}</h2>
          <p>{t("criteria.lead")}</p>
          <h3>{t("criteria.openEndorsement")}</h3>
          <PublishedCriteria move="openEndorsement" criteria={criteria.openEndorsement} />
          <h3>{t("criteria.conclude")}</h3>
          <PublishedCriteria move="conclude" criteria={criteria.conclude} />
          <p>{t("criteria.override")}</p>
          <p>{t("criteria.others")}</p>

          <h2 id="extensions">{t("extensions.title")}</h2>
          <p>{t("extensions.text")}</p>
          <p>{t("extensions.reason")}</p>

          <h2 id="changes">{t("changes.title")}</h2>
          <p>{t("changes.lead")}</p>
          {changes.length === 0 ? <p data-testid="rule-changes-empty">{t("changes.empty")}</p> : null}
        </div>
        {changes.length > 0 ? (
          // On a phone each change is a block of labelled lines; from 640 px, a table.
          <Table className={cn("text-base sm:text-base", stack.table)} role="table" data-testid="rule-changes">
            <TableCaption className="sr-only">{t("changes.caption")}</TableCaption>
            <TableHeader className="max-sm:sr-only">
              <TableRow>
                <TableHead scope="col">{t("changes.colDate")}</TableHead>
                <TableHead scope="col">{t("changes.colStage")}</TableHead>
                <TableHead scope="col">{t("changes.colDefault")}</TableHead>
                <TableHead scope="col">{t("changes.colMinimum")}</TableHead>
                <TableHead scope="col">{t("changes.colReason")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody className={stack.body} role="rowgroup">
              {changes.map((c) => (
                <TableRow key={c.id} className={stack.row} role="row">
                  <TableCell role="cell" className={cn("sm:whitespace-nowrap", stack.cell)}>
                    <CellLabel>{t("changes.colDate")}</CellLabel>
                    <time dateTime={c.changedAt.toISOString()}>{utcDay(c.changedAt)}</time>
                  </TableCell>
                  <TableCell role="cell" className={stack.cell}>
                    <CellLabel>{t("changes.colStage")}</CellLabel>
                    {t("clock.stage", { stage: c.stage })}
                  </TableCell>
                  <TableCell role="cell" className={stack.cell}>
                    <CellLabel>{t("changes.colDefault")}</CellLabel>
                    {fromTo(c.defaultDaysFrom, c.defaultDaysTo)}
                  </TableCell>
                  <TableCell role="cell" className={stack.cell}>
                    <CellLabel>{t("changes.colMinimum")}</CellLabel>
                    {fromTo(c.minimumDaysFrom, c.minimumDaysTo)}
                  </TableCell>
                  <TableCell role="cell" className={cn("sm:min-w-[12rem]", stack.cell)}>
                    <CellLabel>{t("changes.colReason")}</CellLabel>
                    <p className="whitespace-pre-line break-words">{c.reason}</p>
                    <p className="mt-1 text-muted">{t("changes.by", { name: c.changedBy })}</p>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </WithContents>
    </>
  );
}

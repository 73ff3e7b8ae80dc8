import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { CellLabel, stack } from "~/app/_components/ui/stacked-table";

interface Revision {
  number: number;
  summary: string;
  createdAt: Date;
  editedBy: string;
}

/** Every revision of /about/governance, newest first, each linked to the page as it stood. */
export async function GovernanceHistory({ history }: { history: Revision[] }) {
  const [t, format] = await Promise.all([getTranslations("governance.about.history"), getFormatter()]);
  if (history.length === 0) return <p>{t("none")}</p>;
  return (
    <>
      <p className="mb-4 max-w-[42rem]">{t("lead")}</p>
      <Table className={stack.table} role="table" data-testid="governance-history">
        <TableCaption className="sr-only">{t("caption")}</TableCaption>
        <TableHeader className="max-sm:sr-only">
          <TableRow>
            <TableHead scope="col">{t("colRevision")}</TableHead>
            <TableHead scope="col">{t("colDate")}</TableHead>
            <TableHead scope="col">{t("colBy")}</TableHead>
            <TableHead scope="col">{t("colSummary")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className={stack.body} role="rowgroup">
          {history.map((revision) => (
            <TableRow key={revision.number} className={stack.row} role="row">
              <TableCell role="cell" className={stack.cell}>
                <CellLabel>{t("colRevision")}</CellLabel>
                <Link href={`/about/governance/revisions/${revision.number}`}>{t("revision", { number: revision.number })}</Link>
              </TableCell>
              <TableCell role="cell" className={stack.cell}>
                <CellLabel>{t("colDate")}</CellLabel>
                {format.dateTime(revision.createdAt, { dateStyle: "long" })}
              </TableCell>
              <TableCell role="cell" className={stack.cell}>
                <CellLabel>{t("colBy")}</CellLabel>
                {revision.editedBy}
              </TableCell>
              <TableCell role="cell" className={stack.cell}>
                <CellLabel>{t("colSummary")}</CellLabel>
                {revision.summary}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

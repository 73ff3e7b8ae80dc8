import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cn } from "~/app/_components/ui/cn";
import { CellLabel, stack } from "~/app/_components/ui/stacked-table";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import type { NormSponsors, Sponsor } from "~/server/domain/sponsors";
import { MAX_SPONSOR_MESSAGE } from "~/server/schemas/sponsors";
import { SponsorDecisionForm, SponsorRequestForm } from "./islands";

/** Who is reading: a visitor, a suspended person, or someone signed in with what they may do here. */
export type SponsorsViewer = { kind: "visitor" } | { kind: "suspended" } | { kind: "signedIn"; data: NormSponsors };

/**
 * The norm's co-sponsors with their stakeholder type and region (a table, a block per sponsor on a
 * phone); for the authors the open requests to accept or decline; for a representative their
 * organisations' standing, a way to withdraw, and the form to ask. Forms are islands: a visitor's
 * page loads no script for them.
 */
export async function SponsorsSection({
  slug,
  normId,
  sponsors,
  open,
  viewer,
}: {
  slug: string;
  normId: string;
  sponsors: readonly Sponsor[];
  /** Whether the norm takes new co-sponsors (consultation, endorsement, concluded). */
  open: boolean;
  viewer: SponsorsViewer;
}) {
  const [t, tr, ty, tq, tv, te, format] = await Promise.all([
    getTranslations("sponsors.section"),
    getTranslations("sponsors.requests"),
    getTranslations("sponsors.yours"),
    getTranslations("sponsors.request"),
    getTranslations("vocabulary"),
    getTranslations("common.errors"),
    getFormatter(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const data = viewer.kind === "signedIn" ? viewer.data : null;
  const mine = data?.viewer.organizations ?? [];
  const canAsk = mine.filter((o) => o.verified && !o.observer && !o.proposer && o.state === null);
  // The authors answer requests here; a representative sees their own under "Your organisations".
  const requests = data?.viewer.canDecide ? data.requests : [];
  return (
    <section aria-labelledby="sponsors-heading" className="mb-10" data-testid="sponsors">
      <h2 id="sponsors-heading" className="mb-3 text-xl font-bold sm:text-2xl">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-2xl">{t("lead")}</p>
      {sponsors.length ? (
        <Table className={cn("mb-6", stack.table)} role="table">
          <TableCaption className="sr-only">{t("caption")}</TableCaption>
          <TableHeader className="max-sm:sr-only">
            <TableRow>
              <TableHead scope="col">{t("colOrganization")}</TableHead>
              <TableHead scope="col">{t("colType")}</TableHead>
              <TableHead scope="col">{t("colRegion")}</TableHead>
              <TableHead scope="col">{t("colSince")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody className={stack.body} role="rowgroup">
            {sponsors.map((s) => (
              <TableRow key={s.id} className={stack.row} role="row" data-testid="sponsor-row">
                <TableHead scope="row" role="rowheader" className={cn("font-normal", stack.cell)}>
                  <Link href={`/organizations/${s.organization.slug}`} className="font-bold">
                    {s.organization.name}
                  </Link>
                  {s.organization.verificationStatus !== "verified" ? <span className="block text-base text-muted">{t("notVerified")}</span> : null}
                </TableHead>
                <TableCell role="cell" className={stack.cell}>
                  <CellLabel>{t("colType")}</CellLabel>
                  {tv(`stakeholderType.${s.organization.stakeholderType}`)}
                </TableCell>
                <TableCell role="cell" className={stack.cell}>
                  <CellLabel>{t("colRegion")}</CellLabel>
                  {tv(`region.${s.organization.region}`)}
                </TableCell>
                <TableCell role="cell" className={stack.cell}>
                  <CellLabel>{t("colSince")}</CellLabel>
                  {date(s.since)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="mb-6">{t("none")}</p>
      )}

      {requests.length ? (
        <section aria-labelledby="sponsor-requests-heading" className="mb-6 bg-surface p-4 sm:p-5">
          <h3 id="sponsor-requests-heading" className="mb-2 text-lg font-bold">
            {tr("title")} ({requests.length})
          </h3>
          <p className="mb-3 text-base">{tr("lead")}</p>
          {!data?.viewer.canAccept ? <p className="mb-3 text-base">{tr("acceptClosed")}</p> : null}
          <ul className="border-t border-border">
            {requests.map((r) => (
              <li key={r.id} className="border-b border-border py-3" data-testid="sponsor-request-item">
                <p className="font-bold">
                  <Link href={`/organizations/${r.organization.slug}`}>{r.organization.name}</Link>
                </p>
                <p className="text-base text-muted">
                  {tv(`stakeholderType.${r.organization.stakeholderType}`)} · {tv(`region.${r.organization.region}`)}
                </p>
                <p className="text-base text-muted">{tr("asked", { name: r.requestedBy, date: date(r.requestedAt) })}</p>
                {r.message ? <p className="mt-1 max-w-2xl whitespace-pre-line">{tr("message", { message: r.message })}</p> : null}
                <div className="mt-3 flex flex-wrap gap-3">
                  {data?.viewer.canAccept ? (
                    <SponsorDecisionForm sponsorId={r.id} intent="accept" submit={tr("accept")} context={r.organization.name} testId="sponsor-accept" />
                  ) : null}
                  <SponsorDecisionForm
                    sponsorId={r.id}
                    intent="decline"
                    submit={tr("decline")}
                    context={r.organization.name}
                    testId="sponsor-decline"
                    variant="destructive-secondary"
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {mine.length ? (
        <section aria-labelledby="sponsor-yours-heading" className="mb-6">
          <h3 id="sponsor-yours-heading" className="mb-2 text-lg font-bold">
            {ty("title")}
          </h3>
          <ul className="border-t border-border">
            {mine
              .filter((o) => o.state !== null || o.proposer || !o.verified || o.observer)
              .map((o) => (
                <li key={o.id} className="border-b border-border py-3" data-testid="sponsor-yours-item">
                  <p className="mb-2">
                    {o.state === "accepted"
                      ? ty("accepted", { organization: o.name })
                      : o.state === "requested"
                        ? ty("requested", { organization: o.name })
                        : o.proposer
                          ? ty("proposer", { organization: o.name })
                          : !o.verified
                            ? ty("notVerified", { organization: o.name })
                            : ty("observer", { organization: o.name })}
                  </p>
                  {o.state && o.sponsorId ? (
                    <SponsorDecisionForm
                      sponsorId={o.sponsorId}
                      intent="withdraw"
                      submit={o.state === "accepted" ? ty("withdraw", { organization: o.name }) : ty("withdrawRequest", { organization: o.name })}
                      testId="sponsor-withdraw"
                      variant="destructive-secondary"
                    />
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ) : null}

      {!open ? (
        <p className="text-muted">{t("closed")}</p>
      ) : canAsk.length ? (
        <section aria-labelledby="sponsor-request-heading" className="border-t-4 border-primary pt-4">
          <h3 id="sponsor-request-heading" className="mb-2 text-lg font-bold">
            {tq("title")}
          </h3>
          <p className="mb-4 max-w-2xl text-base">{tq("lead")}</p>
          <SponsorRequestForm
            normId={normId}
            organizations={canAsk.map((o) => ({ id: o.id, name: o.name }))}
            maxLength={MAX_SPONSOR_MESSAGE}
            words={{
              organization: tq("organization"),
              organizationHint: tq("organizationHint"),
              askingFor: tq("askingFor", { organization: canAsk[0]!.name }),
              message: tq("message"),
              messageHint: tq("messageHint"),
              submit: tq("submit"),
              errorPrefix: te("errorPrefix"),
            }}
          />
        </section>
      ) : viewer.kind === "visitor" ? (
        <p className="text-base">{t.rich("signIn", { link: (chunks) => <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/norms/${slug}#sponsors-heading`)}`}>{chunks}</Link> })}</p>
      ) : viewer.kind === "suspended" ? (
        <p className="text-base text-muted">{t("suspended")}</p>
      ) : !mine.length && !data?.viewer.canDecide ? (
        <p className="text-base text-muted">{t("notRepresentative")}</p>
      ) : null}
    </section>
  );
}

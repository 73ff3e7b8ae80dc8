import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { CellLabel, stack } from "~/app/_components/ui/stacked-table";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { cn } from "~/app/_components/ui/cn";
import { api } from "~/app/_trpc/server";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/root";
import { COMPARE_ACTORS_MAX, parseActorId, splitIdsParam } from "~/server/schemas/actors";
import { unStatesByName } from "~/server/schemas/un-states";
import { regions } from "~/server/schemas/vocabulary";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("states.compare");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
type Comparison = inferRouterOutputs<AppRouter>["actors"]["compare"];
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
const slots = Array.from({ length: COMPARE_ACTORS_MAX }, (_, i) => i + 1);
/** Ids in the address stay readable: `state:KE,org:some-slug`. */
const encodeId = (id: string) => encodeURIComponent(id).replace(/%3A/gi, ":");

/** A table with a row per norm or year and a column per actor, stacked on a phone. */
function ActorTable(props: { caption: string; testId: string; first: string; actors: { id: string; name: string }[]; children: React.ReactNode }) {
  return (
    <Table className={stack.table} role="table" data-testid={props.testId}>
      <TableCaption className="sr-only">{props.caption}</TableCaption>
      <TableHeader className="max-sm:sr-only">
        <TableRow>
          <TableHead scope="col">{props.first}</TableHead>
          {props.actors.map((a, i) => (
            <TableHead key={a.id} scope="col">
              {i + 1}. {a.name}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={stack.body} role="rowgroup">
        {props.children}
      </TableBody>
    </Table>
  );
}

/** An organisation as typed: its address name, or its page's address (the last part is taken). */
function organizationSlug(typed: string) {
  const last = typed.replace(/[?#].*$/, "").replace(/\/+$/, "").split("/").at(-1) ?? "";
  return last.toLowerCase();
}

/**
 * The chooser submits, per slot, a state (`s1`…) and an organisation (`o1`…); an organisation given
 * wins over the state. The page turns them into the canonical, shareable `?ids=…` address. Plain
 * GET, so it works without script.
 */
function readChooser(params: SearchParams): string[] | null {
  if (!slots.some((n) => `s${n}` in params || `o${n}` in params)) return null;
  return slots
    .map((n) => {
      const organization = organizationSlug(one(params[`o${n}`]).slice(0, 300));
      if (organization) return `org:${organization}`;
      const iso = one(params[`s${n}`]);
      return /^[A-Za-z]{2}$/.test(iso) ? `state:${iso.toUpperCase()}` : "";
    })
    .filter(Boolean);
}

export default async function CompareActorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const chosen = readChooser(params);
  if (chosen) await localeRedirect(chosen.length ? `/compare/actors?ids=${chosen.map(encodeId).join(",")}` : "/compare/actors");

  const ids = splitIdsParam(params.ids).slice(0, 20);
  const after = one(params.after).slice(0, 1300) || undefined;
  const [t, tv] = await Promise.all([getTranslations("states.compare"), getTranslations("vocabulary")]);

  let comparison: Comparison | null = null;
  let error: string | null = null;
  if (ids.length >= 2) {
    try {
      comparison = await api.actors.compare({ ids, after });
    } catch (e) {
      if (!(e instanceof TRPCError) || (e.code !== "NOT_FOUND" && e.code !== "BAD_REQUEST")) throw e;
      // A "more norms" link that no longer decodes: the first norms instead.
      if (after && e.code === "BAD_REQUEST") comparison = await api.actors.compare({ ids }).catch(() => null);
      if (!comparison) error = e.message;
    }
  }

  const states = unStatesByName();
  const byGroup = [...regions.filter((r) => r !== "global"), null].map((region) => ({ region, states: states.filter((s) => s.region === region) }));
  const slot = (n: number) => parseActorId(ids[n - 1] ?? "");

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("description")} />

      {/* Above the chooser, where it is seen first, as an error summary is. */}
      {error ? (
        <Alert variant="destructive" role="alert" className="mb-10" data-testid="compare-error">
          <AlertTitle>{t("errorTitle")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}


      <section aria-labelledby="picker-heading" className="mb-10">
        <h2 id="picker-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("pickerTitle")}
        </h2>
        <p className="mb-6 max-w-[42rem] text-muted">{t("pickerLead")}</p>
        <form method="get" action={await localePath("/compare/actors")}>
          <div className="grid gap-6 md:grid-cols-3">
            {slots.map((n) => {
              const current = slot(n);
              return (
                <fieldset key={n} className="min-w-0 border-s-4 border-border ps-4" data-testid={`actor-slot-${n}`}>
                  <legend className="mb-3 text-lg font-bold">{t("slotLegend", { number: n })}</legend>
                  <Field id={`s${n}`} label={t("stateLabel")}>
                    <NativeSelect name={`s${n}`} defaultValue={current?.kind === "state" ? current.iso : ""} className="w-full" {...fieldAria(`s${n}`)}>
                      <NativeSelectOption value="">{t("stateNone")}</NativeSelectOption>
                      {byGroup.map((g) => (
                        <NativeSelectOptGroup key={g.region ?? "none"} label={g.region ? tv(`region.${g.region}`) : "—"}>
                          {g.states.map((s) => (
                            <NativeSelectOption key={s.iso} value={s.iso}>
                              {s.name}
                            </NativeSelectOption>
                          ))}
                        </NativeSelectOptGroup>
                      ))}
                    </NativeSelect>
                  </Field>
                  <Field id={`o${n}`} label={t("organizationLabel")} hint={t("organizationHint")}>
                    <Input name={`o${n}`} defaultValue={current?.kind === "organization" ? current.slug : ""} maxLength={300} autoComplete="off" {...fieldAria(`o${n}`, { hint: t("organizationHint") })} />
                  </Field>
                </fieldset>
              );
            })}
          </div>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <Button type="submit" worksWithoutScript>
              {t("submit")}
            </Button>
            {ids.length > 0 ? (
              <Link href="/compare/actors" className={buttonVariants({ variant: "link" })}>
                {t("clear")}
              </Link>
            ) : null}
          </div>
        </form>
        <p className="mt-6 max-w-[42rem] text-base text-muted">{t("idsHelp")}</p>
      </section>

      {!comparison && !error ? (
        <p className="mb-10 text-lg" role="status">
          {t("needTwo")}
        </p>
      ) : null}

      {comparison ? <ComparisonView comparison={comparison} ids={ids} after={after} /> : null}
    </>
  );
}

async function ComparisonView({ comparison, ids, after }: { comparison: Comparison; ids: string[]; after: string | undefined }) {
  const [t, tv, ts] = await Promise.all([getTranslations("states.compare"), getTranslations("vocabulary"), getTranslations("stocktakes.status")]);
  const { actors } = comparison;
  const base = `/compare/actors?ids=${ids.map(encodeId).join(",")}`;
  const columns = actors.length === 3 ? "md:grid-cols-3" : "md:grid-cols-2";
  return (
    <>
      <ol className={`mb-12 grid gap-6 ${columns}`} data-testid="compared-actors">
        {actors.map((a, i) => (
          <li key={a.id} className="min-w-0 border-t-4 border-primary bg-surface p-5">
            <p className="text-sm font-semibold text-muted">{t(a.state ? "state" : "organization")}</p>
            <h2 className="mb-2 text-lg font-bold break-words">
              {i + 1}. {a.name}
            </h2>
            <Link href={a.href}>{t("profile", { name: a.name })}</Link>
          </li>
        ))}
      </ol>

      <section aria-labelledby="positions-heading" className="mb-12">
        <h2 id="positions-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("positionsTitle")}
        </h2>
        <p className="mb-4 max-w-[42rem] text-muted">{t("positionsLead")}</p>
        {comparison.norms.length === 0 ? (
          <p>{t("positionsNone")}</p>
        ) : (
          <ActorTable caption={t("positionsTitle")} testId="compare-positions" first={t("norm")} actors={actors}>
              {comparison.norms.map((n) => (
                <TableRow key={n.slug} className={stack.row} role="row">
                  <TableHead scope="row" role="rowheader" className={cn("min-w-[12rem] font-normal", stack.cell)}>
                    <Link href={`/norms/${n.slug}`} className="font-bold break-words">
                      {n.title}
                    </Link>
                  </TableHead>
                  {n.cells.map((cell, i) => (
                    <TableCell key={actors[i]!.id} role="cell" className={stack.cell}>
                      <CellLabel>
                        {i + 1}. {actors[i]!.name}
                      </CellLabel>
                      {cell.length === 0 ? (
                        <span className="text-muted">{t("noPosition")}</span>
                      ) : (
                        cell.map((p, j) => (
                          <span key={j} className="block">
                            <span className="font-semibold">{tv(`stance.${p.stance}`)}</span>
                            {!p.current ? <span className="text-muted"> ({t("onEarlier", { version: p.version })})</span> : null}
                            {!p.counted ? <span className="text-muted"> ({t("notCounted")})</span> : null}
                            {actors[i]!.organizations.length > 1 ? <span className="block text-sm text-muted">{p.organizationName}</span> : null}
                          </span>
                        ))
                      )}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
          </ActorTable>
        )}
        {comparison.next || after ? (
          <p className="mt-4 flex flex-wrap gap-x-6">
            {comparison.next ? (
              <Link href={`${base}&after=${encodeURIComponent(comparison.next)}#positions-heading`} rel="nofollow">
                {t("morePositions")}
              </Link>
            ) : null}
            {after ? <Link href={`${base}#positions-heading`}>{t("firstPositions")}</Link> : null}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="years-heading" className="mb-10">
        <h2 id="years-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("yearsTitle")}
        </h2>
        <p className="mb-4 max-w-[42rem] text-muted">{t("yearsLead")}</p>
        {comparison.years.length === 0 ? (
          <p>{t("yearsNone")}</p>
        ) : (
          <ActorTable caption={t("yearsTitle")} testId="compare-years" first={t("year")} actors={actors}>
              {comparison.years.map((y) => (
                <TableRow key={y.year} className={stack.row} role="row">
                  <TableHead scope="row" role="rowheader" className={cn("font-normal", stack.cell)}>
                    <Link href={`/stocktakes/${y.year}`} className="font-bold">
                      {y.year}
                    </Link>
                  </TableHead>
                  {actors.map((a, i) => {
                    const s = y.statements[i]!;
                    return (
                      <TableCell key={a.id} role="cell" className={stack.cell}>
                        <CellLabel>
                          {i + 1}. {a.name}
                        </CellLabel>
                        <span className="block">{t("statements", { count: s.total })}</span>
                        {Object.entries(s.byStatus).map(([status, n]) => (
                          <span key={status} className="block text-sm text-muted">
                            {ts(status as "implemented")}: {n}
                          </span>
                        ))}
                        <span className="block">{t("observations", { count: y.observations[i] ?? 0 })}</span>
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
          </ActorTable>
        )}
      </section>
    </>
  );
}

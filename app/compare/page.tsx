import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { TitleCombobox } from "./_components/title-combobox";
import { DiffText } from "~/app/norms/[slug]/redline/_components/diff-text";
import type { CompareChoices, Comparison } from "~/server/domain/compare";
import { COMPARE_MAX, splitItemsParam } from "~/server/schemas/compare";
import { localePath } from "~/app/_components/locale-redirect";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
/** Items in the address: readable (`ref:x`, `norm:y@2`), everything else escaped. */
const encodeItem = (item: string) => encodeURIComponent(item).replace(/%3A/gi, ":").replace(/%40/g, "@");
const slots = Array.from({ length: COMPARE_MAX }, (_, i) => i + 1);
const SEARCH_MAX = 100;
const asItem = (value: string) => (!value || value.startsWith("norm:") || value.startsWith("ref:") ? value : `norm:${value}`);

interface SlotState {
  /** What the slot holds: `ref:…` or `norm:…`, or "". */
  choice: string;
  /** The title search typed for this slot. */
  q: string;
  /** Whether the page should list matches for `q` in this slot (rather than compare). */
  searching: boolean;
}

/**
 * The picker submits, per slot: a select of reference norms (`s1`…), the slot's current choice as a
 * checkbox (`p1`…, a slug also accepted, as older links used), a title search (`q1`…) and, after a
 * search, the matches as radios (`r1`…); "Find" buttons send `find=<slot>`. A match picked wins over
 * the select, the select over the current choice. A slot with a search and nothing newly picked (or
 * whose "Find" was pressed) lists its matches; otherwise the page turns the choices into the
 * canonical, shareable `?items=…` address. A search that led to a pick is not shown again, so it
 * does not search again on the next submit. Without script, all of this is plain GET.
 */
function readPicker(params: SearchParams): SlotState[] | null {
  if (!slots.some((n) => [`s${n}`, `p${n}`, `q${n}`, `r${n}`].some((k) => k in params)) && !("find" in params)) return null;
  const find = one(params.find);
  return slots.map((n) => {
    const picked = one(params[`r${n}`]);
    const selected = one(params[`s${n}`]);
    const q = one(params[`q${n}`]).slice(0, SEARCH_MAX);
    const choice = picked || selected || asItem(one(params[`p${n}`]));
    return { choice, q, searching: q.length > 0 && (find === String(n) || (!picked && !selected)) };
  });
}

const pairIndex = (value: string | string[] | undefined, count: number, fallback: number) => {
  const n = Number(one(value));
  return Number.isInteger(n) && n >= 0 && n < count ? n : fallback;
};

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const picker = readPicker(params);
  if (picker && !picker.some((slot) => slot.searching)) {
    const picked = picker.map((slot) => slot.choice).filter(Boolean);
    await localeRedirect(picked.length ? `/compare?items=${picked.map(encodeItem).join(",")}` : "/compare");
  }

  const items = picker ? [] : splitItemsParam(params.items);
  const state: SlotState[] = picker ?? slots.map((_, i) => ({ choice: items[i] ?? "", q: "", searching: false }));
  const [t, matrix, matches] = await Promise.all([
    getTranslations("compare"),
    load(() => api.references.matrix()),
    Promise.all(state.map((slot) => (slot.searching && slot.q.length >= 2 ? api.references.compareChoices({ q: slot.q }) : null))),
  ]);

  let comparison: Comparison | null = null;
  let error: string | null = null;
  if (items.length >= 2 || items.length > COMPARE_MAX) {
    try {
      comparison = await api.references.compare({ items });
    } catch (e) {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) error = e.message;
      else throw e;
    }
  }

  // While searching, the slots' current choices are named by title too: the comparison of just
  // those items (one item twice when there is one) gives their labels; an unknown one keeps its name.
  const labels = new Map<string, string>();
  for (const [i, item] of (comparison?.items ?? []).entries()) labels.set(items[i]!, item.label);
  const chosenProposals = picker ? [...new Set(state.map((slot) => slot.choice).filter((c) => c.startsWith("norm:")))].slice(0, COMPARE_MAX) : [];
  if (chosenProposals.length) {
    const named = await api.references
      .compare({ items: chosenProposals.length === 1 ? [chosenProposals[0]!, chosenProposals[0]!] : chosenProposals })
      .catch(() => null);
    for (const [i, item] of chosenProposals.entries()) if (named?.items[i]) labels.set(item, named.items[i].label);
  }

  const normsByDocument = matrix.documents.map((d) => ({ document: d, norms: matrix.norms.filter((n) => n.documentKey === d.key) }));
  const documentTitles = new Map(matrix.documents.map((d) => [d.key, d.title]));
  const references = new Map(matrix.norms.map((n) => [`ref:${n.id}`, `${n.display} (${documentTitles.get(n.documentKey) ?? ""})`]));
  /** A readable name for a slot's current choice: the reference norm's name, or the proposal's title and version. */
  const choiceLabel = (item: string) => {
    const known = references.get(item) ?? labels.get(item);
    if (known) return known;
    const proposal = /^norm:([^@]+)(?:@(\d+))?$/.exec(item);
    return proposal ? (proposal[2] ? t("choiceSlugVersion", { slug: proposal[1]!, version: Number(proposal[2]) }) : proposal[1]!) : item;
  };

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("description")} />

      <section aria-labelledby="picker-heading" className="mb-10">
        <h2 id="picker-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("pickerTitle")}
        </h2>
        <p className="mb-6 max-w-[42rem] text-muted">{t("pickerLead")}</p>
        <form method="get" action={await localePath("/compare")}>
          <div className="grid gap-6 md:grid-cols-2">
            {slots.map((n, i) => {
              const slot = state[i]!;
              const found = matches[i];
              const searchError = slot.searching && slot.q.length < 2 ? t("searchTooShort") : undefined;
              return (
                <fieldset key={n} className="min-w-0 border-s-4 border-border ps-4" data-testid={`compare-slot-${n}`}>
                  <legend className="mb-3 text-lg font-bold">{t("slotLegend", { number: n })}</legend>
                  <div className="space-y-4">
                    {slot.choice ? (
                      <div className="flex items-start gap-3">
                        <input type="checkbox" id={`p${n}`} name={`p${n}`} value={slot.choice} defaultChecked className={checkClass} />
                        <label htmlFor={`p${n}`} className="min-w-0 cursor-pointer break-words">
                          <span className="block text-sm font-semibold text-muted">{t("chosen")}</span>
                          {choiceLabel(slot.choice)}
                        </label>
                      </div>
                    ) : null}
                    <Field id={`q${n}`} label={t("searchLabel")} hint={t("searchHint")} error={searchError}>
                      <div className="flex flex-wrap gap-3">
                        <TitleCombobox
                          slot={n}
                          defaultValue={slot.searching ? slot.q : ""}
                          maxLength={SEARCH_MAX}
                          className="min-w-0 flex-1 basis-48"
                          describedBy={fieldAria(`q${n}`, { hint: t("searchHint"), error: searchError })["aria-describedby"]}
                          invalid={Boolean(searchError)}
                        />
                        <Button type="submit" worksWithoutScript variant="secondary" id={`find${n}`} name="find" value={String(n)} aria-label={t("findLabel", { number: n })}>
                          {t("find")}
                        </Button>
                      </div>
                    </Field>
                    {found ? <Matches slot={n} choices={found} /> : null}
                    <Field id={`s${n}`} label={slot.choice ? t("referenceReplaceLabel") : t("referenceLabel")}>
                      <NativeSelect name={`s${n}`} defaultValue="" className="w-full" {...fieldAria(`s${n}`)}>
                        <NativeSelectOption value="">{t("referenceNone")}</NativeSelectOption>
                        {normsByDocument.map(({ document, norms }) => (
                          <NativeSelectOptGroup key={document.key} label={document.title}>
                            {norms.map((norm) => (
                              <NativeSelectOption key={norm.id} value={`ref:${norm.id}`}>
                                {norm.display}
                              </NativeSelectOption>
                            ))}
                          </NativeSelectOptGroup>
                        ))}
                      </NativeSelect>
                    </Field>
                  </div>
                </fieldset>
              );
            })}
          </div>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <Button type="submit" worksWithoutScript>{t("submit")}</Button>
            {items.length > 0 || picker ? (
              <Link href="/compare" className={buttonVariants({ variant: "link" })}>
                {t("clear")}
              </Link>
            ) : null}
          </div>
        </form>
      </section>

      {error ? (
        <Alert variant="destructive" role="alert" className="mb-10">
          <AlertTitle>{t("errorTitle")}</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}

      {!comparison && !error && !picker ? <p className="mb-10 text-lg">{t("needTwo")}</p> : null}

      {comparison ? <ComparisonView comparison={comparison} params={params} /> : null}
    </>
  );
}

const checkClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none rounded-none border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";
const radioClass = `${checkClass} rounded-full`;

/** A slot's matches for its title search, as radios: every version of each proposal, then reference norms. */
async function Matches({ slot, choices }: { slot: number; choices: CompareChoices }) {
  const t = await getTranslations("compare");
  const options = [
    ...choices.proposals.flatMap((p) =>
      p.versions.map((v) => ({
        item: v.item,
        label: v.number === p.currentVersion ? t("matchCurrent", { title: v.title, version: v.number }) : t("matchVersion", { title: v.title, version: v.number }),
        detail: t("kind.proposal"),
      })),
    ),
    ...choices.referenceNorms.map((r) => ({ item: r.item, label: r.display, detail: r.document })),
  ];
  return (
    <fieldset className="min-w-0" aria-describedby={`r${slot}-status`}>
      <legend className="mb-1 font-semibold">{t("matchesLegend", { q: choices.q })}</legend>
      <p id={`r${slot}-status`} role="status" className="mb-3 text-muted">
        {options.length ? t("matchesHint") : t("matchesNone", { q: choices.q })}
      </p>
      <ul className="max-h-96 space-y-3 overflow-y-auto">
        {options.map((o, j) => (
          <li key={o.item} className="flex items-start gap-3">
            <input type="radio" id={`r${slot}-${j}`} name={`r${slot}`} value={o.item} className={radioClass} />
            <label htmlFor={`r${slot}-${j}`} className="min-w-0 cursor-pointer break-words">
              {o.label}
              <span className="block text-sm text-muted">{o.detail}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

async function ComparisonView({ comparison, params }: { comparison: Comparison; params: SearchParams }) {
  const t = await getTranslations("compare");
  const { items, diffs } = comparison;
  const count = items.length;
  let a = pairIndex(params.a, count, 0);
  let b = pairIndex(params.b, count, 1);
  if (a === b) b = a === 0 ? 1 : 0;
  if (a > b) [a, b] = [b, a];
  const diff = diffs.find((d) => d.a === a && d.b === b);
  const base = `/compare?items=${items.map((i) => encodeItem(i.item)).join(",")}`;
  const name = (i: number) => `${i + 1}. ${items[i]!.label}`;
  const itemA = items[a]!;
  const itemB = items[b]!;
  const columns = count === 3 ? "md:grid-cols-2 lg:grid-cols-3" : "md:grid-cols-2";

  return (
    <>
      <section aria-labelledby="texts-heading" className="mb-12">
        <h2 id="texts-heading" className="mb-6 text-xl font-bold sm:text-2xl">
          {t("textsTitle")}
        </h2>
        <ol className={`grid gap-6 ${columns}`}>
          {items.map((item, i) => (
            <li key={i} className="min-w-0 border-t-4 border-primary bg-surface p-5">
              <p className="text-sm font-semibold text-muted">{t(`kind.${item.kind}`)}</p>
              <h3 className="mb-1 text-lg font-bold">{name(i)}</h3>
              <p className="mb-3 text-muted">{item.source}</p>
              {item.version !== null && item.currentVersion !== null && item.version !== item.currentVersion ? (
                <p className="mb-3 text-sm">{t("notCurrent", { current: item.currentVersion })}</p>
              ) : null}
              <div lang={item.language ?? undefined} className="mb-4 space-y-3 break-words">
                {item.text.split(/\n{2,}/).map((para, j) => (
                  <p key={j}>{para}</p>
                ))}
              </div>
              <Link href={item.link}>{t("open", { label: item.label })}</Link>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="diff-heading" className="mb-10">
        <h2 id="diff-heading" className="mb-4 text-xl font-bold sm:text-2xl">
          {t("diffTitle")}
        </h2>
        {count > 2 ? (
          <nav aria-label={t("pairsLabel")} className="mb-6">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {diffs.map((d) => {
                const current = d.a === a && d.b === b;
                return (
                  <li key={`${d.a}-${d.b}`}>
                    <Link
                      href={`${base}&a=${d.a}&b=${d.b}`}
                      aria-current={current ? "true" : undefined}
                      className={current ? "font-bold no-underline" : undefined}
                    >
                      {t("pair", { a: d.a + 1, b: d.b + 1 })}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
        <p className="mb-4 max-w-[42rem] text-muted">{t("diffLead", { a: name(a), b: name(b) })}</p>
        {diff && diff.parts.some((p) => p.type !== "equal") ? (
          <div className="border-s-4 border-border ps-5">
            <DiffText parts={diff.parts} show="inline" lang={itemA.language ?? itemB.language ?? undefined} />
          </div>
        ) : (
          <p>{t("identical")}</p>
        )}
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { Field, fieldAria } from "~/app/_components/ui/field";
import { Input } from "~/app/_components/ui/input";
import { NativeSelect, NativeSelectOptGroup, NativeSelectOption } from "~/app/_components/ui/native-select";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { DiffText } from "~/app/norms/[slug]/redline/_components/diff-text";
import type { Comparison } from "~/server/domain/compare";
import { COMPARE_MAX, splitItemsParam } from "~/server/schemas/compare";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("compare");
  return { title: t("metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
/** Items in the address: readable (`ref:x`, `norm:y@2`), everything else escaped. */
const encodeItem = (item: string) => encodeURIComponent(item).replace(/%3A/gi, ":").replace(/%40/g, "@");
const slots = Array.from({ length: COMPARE_MAX }, (_, i) => i + 1);

/**
 * The picker submits one select (`s1`…) and one text box (`p1`…) per slot; the page turns them into
 * the canonical, shareable `?items=…` address. A proposal typed in the box wins over the select.
 */
function pickedItems(params: SearchParams): string[] | null {
  if (!slots.some((n) => `s${n}` in params || `p${n}` in params)) return null;
  return slots
    .map((n) => {
      const typed = one(params[`p${n}`]);
      if (typed) return typed.startsWith("norm:") ? typed : `norm:${typed}`;
      return one(params[`s${n}`]);
    })
    .filter(Boolean);
}

const pairIndex = (value: string | string[] | undefined, count: number, fallback: number) => {
  const n = Number(one(value));
  return Number.isInteger(n) && n >= 0 && n < count ? n : fallback;
};

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const picked = pickedItems(params);
  if (picked) redirect(picked.length ? `/compare?items=${picked.map(encodeItem).join(",")}` : "/compare");

  const items = splitItemsParam(params.items);
  const [t, matrix] = await Promise.all([getTranslations("compare"), load(() => api.references.matrix())]);

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

  const normsByDocument = matrix.documents.map((d) => ({ document: d, norms: matrix.norms.filter((n) => n.documentKey === d.key) }));
  const referenceIds = new Set(matrix.norms.map((n) => n.id));
  const slotValue = (i: number) => {
    const item = items[i] ?? "";
    const ref = item.startsWith("ref:") && referenceIds.has(item.slice(4)) ? item : "";
    const proposal = item.startsWith("norm:") ? item.slice(5) : "";
    return { ref, proposal };
  };

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("description")} />

      <section aria-labelledby="picker-heading" className="mb-10">
        <h2 id="picker-heading" className="mb-2 text-xl font-bold sm:text-2xl">
          {t("pickerTitle")}
        </h2>
        <p className="mb-6 max-w-[42rem] text-muted">{t("pickerLead")}</p>
        <form method="get" action="/compare">
          <div className="grid gap-6 md:grid-cols-2">
            {slots.map((n, i) => {
              const value = slotValue(i);
              return (
                <fieldset key={n} className="border-s-4 border-border ps-4">
                  <legend className="mb-3 text-lg font-bold">{t("slotLegend", { number: n })}</legend>
                  <div className="space-y-4">
                    <Field id={`s${n}`} label={t("referenceLabel")}>
                      <NativeSelect name={`s${n}`} defaultValue={value.ref} className="w-full" {...fieldAria(`s${n}`)}>
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
                    <Field id={`p${n}`} label={t("proposalLabel")} hint={t("proposalHint")}>
                      <Input
                        name={`p${n}`}
                        defaultValue={value.proposal}
                        autoComplete="off"
                        spellCheck={false}
                        className="w-full"
                        {...fieldAria(`p${n}`, { hint: t("proposalHint") })}
                      />
                    </Field>
                  </div>
                </fieldset>
              );
            })}
          </div>
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <Button type="submit">{t("submit")}</Button>
            {items.length > 0 ? (
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

      {!comparison && !error ? <p className="mb-10 text-lg">{t("needTwo")}</p> : null}

      {comparison ? <ComparisonView comparison={comparison} params={params} /> : null}
    </>
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

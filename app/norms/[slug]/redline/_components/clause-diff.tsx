import { getTranslations } from "next-intl/server";
import type { ClauseChange, DiffPart } from "~/server/domain/diff";
import { DiffText } from "./diff-text";

/** What each side of a clause shows: the whole old wording as deleted and the new as inserted for a rewrite. */
function sides(change: ClauseChange): { before: DiffPart[]; after: DiffPart[]; inline: DiffPart[][] } {
  switch (change.kind) {
    case "unchanged": {
      const parts = [{ type: "equal" as const, text: change.text }];
      return { before: parts, after: parts, inline: [parts] };
    }
    case "edited":
      return { before: change.parts, after: change.parts, inline: [change.parts] };
    case "rewritten": {
      const before = [{ type: "delete" as const, text: change.before }];
      const after = [{ type: "insert" as const, text: change.after }];
      return { before, after, inline: [before, after] };
    }
    case "added": {
      const parts = [{ type: "insert" as const, text: change.text }];
      return { before: [], after: parts, inline: [parts] };
    }
    case "removed": {
      const parts = [{ type: "delete" as const, text: change.text }];
      return { before: parts, after: [], inline: [parts] };
    }
  }
}

/**
 * The text's changes clause by clause, each numbered as in the later version (or the earlier one
 * for a removed clause). A small edit keeps word-level marks; a clause that was largely rewritten
 * shows its old wording, then its new, so it reads as two sentences rather than fragments.
 */
export async function ClauseDiff({
  clauses,
  view,
  from,
  to,
}: {
  clauses: readonly ClauseChange[];
  view: "inline" | "side";
  from: number;
  to: number;
}) {
  const t = await getTranslations("norms.redline");
  const label = (c: ClauseChange) => {
    if (c.kind === "removed") return t("clauseRemoved", { number: c.from, version: from });
    const number = t("clause", { number: c.to });
    const moved = c.kind !== "added" && c.from !== c.to ? ` ${t("clauseWas", { number: c.from, version: from })}` : "";
    const state = c.kind === "unchanged" ? "" : ` · ${t(`clauseKind.${c.kind}`)}`;
    return `${number}${moved}${state}`;
  };
  return (
    <ol className="list-none space-y-6 p-0">
      {clauses.map((c, i) => {
        const s = sides(c);
        return (
          <li key={i} className={c.kind === "unchanged" ? "border-s-4 border-border ps-4" : "border-s-4 border-foreground ps-4"}>
            <h3 className="mb-2 text-base font-bold sm:text-lg">{label(c)}</h3>
            {view === "inline" ? (
              c.kind === "rewritten" ? (
                <div className="space-y-3">
                  <div>
                    <p className="mb-1 text-base text-muted">{t("oldWording", { version: from })}</p>
                    <DiffText parts={s.inline[0]!} show="inline" />
                  </div>
                  <div>
                    <p className="mb-1 text-base text-muted">{t("newWording", { version: to })}</p>
                    <DiffText parts={s.inline[1]!} show="inline" />
                  </div>
                </div>
              ) : (
                <DiffText parts={s.inline[0]!} show="inline" />
              )
            ) : (
              <div className="grid gap-4 md:grid-cols-2 md:gap-8">
                <div className="min-w-0">
                  <p className="mb-1 text-base text-muted">{t("before", { version: from })}</p>
                  {s.before.length ? <DiffText parts={s.before} show="before" /> : <p className="text-muted">{t("notInVersion")}</p>}
                </div>
                <div className="min-w-0">
                  <p className="mb-1 text-base text-muted">{t("after", { version: to })}</p>
                  {s.after.length ? <DiffText parts={s.after} show="after" /> : <p className="text-muted">{t("notInVersion")}</p>}
                </div>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

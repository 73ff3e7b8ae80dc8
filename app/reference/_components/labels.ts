import type { getTranslations } from "next-intl/server";

type T = Awaited<ReturnType<typeof getTranslations<"reference">>>;

const shortNames = ["CoC", "USG", "UNGGE", "Tallinn", "MSFT"] as const;
const forumKinds = ["academic", "bilateral", "global", "industry", "multi-stakeholder", "multilateral", "regional"] as const;
const normTypes = ["legal", "political", "mixed"] as const;

const member = <K extends string>(list: readonly K[], value: string): value is K => (list as readonly string[]).includes(value);

/** A document's short name, e.g. "UN GGE 2015"; its full title when the data gains a new document. */
export const documentShortName = (t: T, document: { key: string; title: string }) =>
  member(shortNames, document.key) ? t(`documentShort.${document.key}`) : document.title;

export const forumKindLabel = (t: T, kind: string) => (member(forumKinds, kind) ? t(`forumKind.${kind}`) : kind);

export const normTypeLabel = (t: T, type: string) => (member(normTypes, type) ? t(`normType.${type}`) : type);

/** A forum proposal's support as the library lists it, e.g. "78% support of 15 positions". */
export function proposalSupportLabel(
  t: T,
  percent: (value: number) => string,
  proposal: { support: number | null; positionCount: number },
) {
  if (proposal.positionCount === 0) return t("proposalSupport.none");
  if (proposal.support === null) return t("proposalSupport.noFigure", { count: proposal.positionCount });
  return t("proposalSupport.value", { support: percent(proposal.support), count: proposal.positionCount });
}

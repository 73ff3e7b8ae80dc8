import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "~/app/_components/ui/badge";
import type { Bindingness, CategoryCode, NormKind, NormStatus } from "~/server/schemas/vocabulary";

// Phase colours only tell the phases apart; the label always says which phase it is.
const statusVariants: Record<NormStatus, BadgeProps["variant"]> = {
  draft: "neutral",
  consultation: "info",
  endorsement: "success",
  concluded: "neutral",
  withdrawn: "warning",
  merged: "neutral",
};

export function NormStatusBadge({ status }: { status: NormStatus }) {
  const t = useTranslations("vocabulary.normStatus");
  return <Badge variant={statusVariants[status]}>{t(status)}</Badge>;
}

/** Category, kind and bindingness as a list of badges; status first when given. */
export function NormBadges({
  status,
  categories,
  kind,
  bindingness,
  language,
  label,
}: {
  status?: NormStatus;
  categories: readonly string[];
  kind: NormKind;
  bindingness: Bindingness;
  language?: string;
  label: string;
}) {
  const t = useTranslations("vocabulary");
  const tn = useTranslations("norms.badges");
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {status ? (
        <li>
          <NormStatusBadge status={status} />
        </li>
      ) : null}
      {categories.map((code) => (
        <li key={code}>
          <Badge className="whitespace-normal" title={isCategory(code) ? t(`category.${code}`) : undefined}>
            {tn("category", { code })}
          </Badge>
        </li>
      ))}
      <li>
        <Badge>{t(`normKind.${kind}`)}</Badge>
      </li>
      <li>
        <Badge>{tn("bindingness", { label: t(`bindingness.${bindingness}`) })}</Badge>
      </li>
      {language ? (
        <li>
          <Badge>{tn("language", { language })}</Badge>
        </li>
      ) : null}
    </ul>
  );
}

const categoryCodes = ["I", "II", "III", "IV", "V"] as const satisfies readonly CategoryCode[];
export const isCategory = (code: string): code is CategoryCode => (categoryCodes as readonly string[]).includes(code);

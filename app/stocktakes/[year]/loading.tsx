import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the report's data loads: whether the year exists is settled in the layout above, before streaming, so it keeps its 404. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="report" />;
}

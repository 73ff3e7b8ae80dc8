import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the list's data loads: the search runs. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="list" />;
}

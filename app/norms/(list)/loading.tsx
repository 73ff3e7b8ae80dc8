import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the list's data loads: in a route group of its own, so it does not wrap the pages below, which must answer 404 or 403 before streaming starts. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="list" />;
}

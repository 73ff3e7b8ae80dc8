import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the list's data loads: who may see it is settled in the layout above, before streaming, so refusals keep their 401 and 403. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="list" />;
}

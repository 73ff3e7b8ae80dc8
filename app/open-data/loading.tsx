import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the article's data loads: a public page, it can only be found. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="article" />;
}

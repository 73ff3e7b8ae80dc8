import { useTranslations } from "next-intl";
import { PageSkeleton } from "~/app/_components/page-skeleton";

/** Shown at once while the article's data loads: whether the norm exists is settled in the layout above, before streaming, so a hidden norm keeps its 404. */
export default function Loading() {
  return <PageSkeleton label={useTranslations("common")("loading")} shape="article" />;
}

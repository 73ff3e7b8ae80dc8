import { getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";

type WindowState = "upcoming" | "open" | "closed";

/** Where a year's stock-take stands: its window, or its published revision. */
export async function StateBadge({ window, published }: { window: WindowState; published: { revision: number } | null }) {
  const t = await getTranslations("stocktakeAdmin.state");
  if (published) return <Badge variant="success">{t("published", { revision: published.revision })}</Badge>;
  if (window === "open") return <Badge variant="info">{t("open")}</Badge>;
  if (window === "upcoming") return <Badge variant="neutral">{t("upcoming")}</Badge>;
  return <Badge variant="warning">{t("closed")}</Badge>;
}

import { getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";

/** The submission window's state, in words (the colour only repeats them). */
export async function WindowBadge({ state }: { state: "upcoming" | "open" | "closed" }) {
  const t = await getTranslations("stocktakes.windowState");
  return <Badge variant={state === "open" ? "success" : state === "upcoming" ? "info" : "neutral"}>{t(state)}</Badge>;
}

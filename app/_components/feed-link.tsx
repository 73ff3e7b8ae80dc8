import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { absoluteUrl } from "~/server/open-data/urls";

type Lead = "subscribeNorms" | "subscribeNorm" | "subscribeStocktakes" | "subscribeModerationLog";

/**
 * The `<link rel="alternate" type="application/atom+xml">` a page's metadata carries for its feed
 * (server/open-data/feeds.ts), so feed readers and browsers find it from the page's address.
 * Absolute: the app sets no metadataBase, and a feed reader resolves nothing.
 */
export const feedAlternates = (path: string, title: string): Metadata["alternates"] => ({
  types: { "application/atom+xml": [{ url: absoluteUrl(path), title }] },
});

/** A plain line saying what the page's feed carries, and the link to it. */
export async function FeedLink({ href, lead, className }: { href: string; lead: Lead; className?: string }) {
  const t = await getTranslations("openData.feeds");
  return (
    <p className={className ?? "mt-10 max-w-[42rem]"} data-testid="feed-link">
      {t(lead)}{" "}
      <a href={href} type="application/atom+xml">
        {t("subscribe")}
      </a>
    </p>
  );
}

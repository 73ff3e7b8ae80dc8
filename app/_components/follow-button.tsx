import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { api, load } from "~/app/_trpc/server";
import type { Actor } from "~/server/policy";
import type { FollowTargetType } from "~/server/schemas/notification-vocabulary";
import { followAction } from "./follow-action";
import { Button } from "./ui/button";
import { cn } from "./ui/cn";

const followingKey = {
  norm: "followingNorm",
  organization: "followingOrganization",
  stocktake: "followingStocktake",
  thread: "followingThread",
  forum: "followingForum",
} as const satisfies Record<FollowTargetType, string>;

/**
 * Follow or unfollow a norm, an organisation, a stock-take, a discussion or the forum's new
 * proposals: a form posting to a server action, so it works before the page's script has loaded and
 * without it. A visitor gets a link to sign in and come back, the same for every visitor, so a page
 * kept in the page cache for visitors shows nobody's state (server/page-cache: signed-in requests
 * are never cached).
 */
export async function FollowButton({
  actor,
  type,
  targetKey = "",
  back,
  className,
}: {
  actor: Actor | null;
  type: FollowTargetType;
  /** A norm's or organisation's slug, a stock-take's year, a thread's first comment; "" for the forum. */
  targetKey?: string;
  /** The page the button is on, to come back to. */
  back: string;
  className?: string;
}) {
  const t = await getTranslations("notificationCentre.follow");
  if (!actor) {
    return (
      <p className={className} data-testid="follow">
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}>{type === "forum" ? t("signInForum") : t("signIn")}</Link>
      </p>
    );
  }
  const { following } = await load(() => api.notifications.following({ type, key: targetKey }));
  return (
    <form action={followAction} className={cn("flex flex-wrap items-center gap-x-4 gap-y-2", className)} data-testid="follow" data-following={following ? "yes" : "no"}>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="key" value={targetKey} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      {following ? (
        <p className="font-semibold">
          <span aria-hidden="true">✓ </span>
          {t(followingKey[type])}
        </p>
      ) : null}
      <Button type="submit" worksWithoutScript variant="secondary" size={following ? "sm" : "default"}>
        {following ? t("unfollow") : t(type)}
      </Button>
    </form>
  );
}

import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "~/app/_components/ui/button";

/**
 * What a visitor (not signed in) or a staff account sees about joining: server markup, no script
 * (membership-panel.tsx has the rest). Staff accounts belong to no organisation: the secretariat is neutral.
 */
export async function VisitorMembershipPanel({ slug, staff = false }: { slug: string; staff?: boolean }) {
  const t = await getTranslations("organizations.membership");
  return (
    <section aria-labelledby="membership-heading" className="self-start border-t-4 border-primary pt-4">
      <h2 id="membership-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {t("joinTitle")}
      </h2>
      {staff ? (
        <p data-testid="staff-no-membership">{t("staff")}</p>
      ) : (
        <>
          <p className="mb-6">{t("visitorText")}</p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/organizations/${slug}`)}`} className={buttonVariants({ variant: "secondary" })}>
            {t("signIn")}
          </Link>
        </>
      )}
    </section>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "~/app/_components/ui/cn";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";

export type SecretariatPage = "overview" | "verification" | "organizations" | "users" | "appeals" | "audit";

/** The secretariat's own navigation, shared by its pages and the admin pages. */
export async function SecretariatNav({ current }: { current: SecretariatPage }) {
  const [t, actor] = await Promise.all([getTranslations("secretariat.nav"), getActor()]);
  const items: { key: SecretariatPage; href: string }[] = [
    { key: "overview", href: "/secretariat" },
    { key: "verification", href: "/secretariat/verification" },
    { key: "organizations", href: "/secretariat/organizations" },
    { key: "users", href: "/secretariat/users" },
    { key: "appeals", href: "/secretariat/appeals" },
    ...(can("audit.list", actor) ? [{ key: "audit" as const, href: "/admin/audit" }] : []),
  ];
  return (
    <nav aria-label={t("label")} className="mb-8 border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-x-6 gap-y-1">
        {items.map((item) => {
          const active = item.key === current;
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-block border-b-4 py-2 text-base no-underline sm:text-lg",
                  active ? "border-primary font-bold text-foreground" : "border-transparent text-link underline hover:text-link-hover",
                )}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

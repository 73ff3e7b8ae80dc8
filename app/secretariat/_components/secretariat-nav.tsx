import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { cn } from "~/app/_components/ui/cn";
import { getActor } from "~/server/context";
import { can } from "~/server/policy";

export type SecretariatPage = "overview" | "verification" | "organizations" | "users" | "appeals" | "moderation" | "stocktakes" | "audit" | "decisions" | "process" | "governance" | "library";

/** The secretariat's own navigation, shared by its pages and the admin pages. */
export async function SecretariatNav({ current }: { current: SecretariatPage }) {
  const [t, tm, ts, actor] = await Promise.all([
    getTranslations("secretariat.nav"),
    getTranslations("moderation.queue"),
    getTranslations("stocktakeAdmin"),
    getActor(),
  ]);
  const items: { key: SecretariatPage; href: string; label: string }[] = [
    { key: "overview", href: "/secretariat", label: t("overview") },
    { key: "decisions", href: "/secretariat/decisions", label: t("decisions") },
    { key: "verification", href: "/secretariat/verification", label: t("verification") },
    { key: "organizations", href: "/secretariat/organizations", label: t("organizations") },
    { key: "users", href: "/secretariat/users", label: t("users") },
    { key: "appeals", href: "/secretariat/appeals", label: t("appeals") },
    { key: "moderation", href: "/secretariat/moderation", label: tm("nav") },
    { key: "stocktakes", href: "/secretariat/stocktakes", label: ts("nav") },
    ...(can("audit.list", actor) ? [{ key: "audit" as const, href: "/admin/audit", label: t("audit") }] : []),
    ...(can("process.changeRule", actor) ? [{ key: "process" as const, href: "/admin/process", label: t("process") }] : []),
    ...(can("governance.publish", actor) ? [{ key: "governance" as const, href: "/admin/governance", label: t("governance") }] : []),
    ...(can("library.addDocument", actor) ? [{ key: "library" as const, href: "/admin/library", label: t("library") }] : []),
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
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

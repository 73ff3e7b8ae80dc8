import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { api } from "~/app/_trpc/server";
import { isStaff, type Actor } from "~/server/policy";
import { SignInLink } from "./sign-in-link";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader({ actor, switcher, languageMenu }: { actor: Actor | null; switcher?: React.ReactNode; languageMenu?: React.ReactNode }) {
  const t = await getTranslations("common");
  const tSearch = await getTranslations("search");
  const tn = await getTranslations("notificationCentre.header");
  // The signed-in person's unread count, read on every request (their pages are never in the page
  // cache: server/page-cache/routes.ts); capped at 100 by the query. Without it, the link stays.
  const unread = actor ? await api.notifications.unreadCount().catch(() => null) : null;
  const links = [
    { href: "/norms", label: t("nav.norms") },
    { href: "/organizations", label: t("nav.organizations") },
    { href: "/states", label: t("nav.states") },
    { href: "/reference", label: t("nav.reference") },
    { href: "/stocktakes", label: t("nav.stocktakes") },
    ...(isStaff(actor) && !actor?.suspension ? [{ href: "/secretariat", label: t("nav.secretariat") }] : []),
    ...(actor?.role === "admin" && !actor.suspension ? [{ href: "/admin/users", label: t("nav.admin") }] : []),
  ];
  // The same lists in a row on wide screens and behind a "Menu" button on small ones; only one
  // is displayed at a time, so the other is out of the accessibility tree and tab order.
  const lists = (
    <>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="font-semibold text-background underline-offset-4 hover:underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
          <ul className="ms-auto flex flex-wrap items-center gap-x-6 gap-y-2">
            <li>
              <Link href="/search" className="text-background underline-offset-4 hover:underline">
                {tSearch("headerLink")}
              </Link>
            </li>
            {actor ? (
              <>
                <li>
                  <Link href="/notifications" className="text-background underline-offset-4 hover:underline" data-unread={unread ?? 0}>
                    {tn("link")}
                    {unread ? (
                      <>
                        <span aria-hidden="true" className="ms-1.5 inline-block min-w-7 bg-background px-1.5 text-center font-bold text-foreground" data-testid="header-unread">
                          {unread >= 100 ? "99+" : unread}
                        </span>
                        <span className="sr-only">, {unread >= 100 ? tn("unreadMany") : tn("unread", { count: unread })}</span>
                      </>
                    ) : null}
                  </Link>
                </li>
                <li>
                  <Link href="/account" className="text-background underline-offset-4 hover:underline">
                    <span className="sr-only">{t("nav.signedInAs", { name: actor.displayName })} – </span>
                    {t("nav.account")}
                  </Link>
                </li>
                <li>
                  <SignOutButton label={t("nav.signOut")} />
                </li>
              </>
            ) : (
              <>
                <li>
                  <SignInLink className="text-background underline-offset-4 hover:underline">{t("nav.signIn")}</SignInLink>
                </li>
                <li>
                  <Link href="/sign-up" className="text-background underline-offset-4 hover:underline">
                    {t("nav.signUp")}
                  </Link>
                </li>
              </>
            )}
          </ul>
    </>
  );
  return (
    <header className="relative border-b-8 border-primary bg-foreground text-background">
      {switcher}
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-4 sm:px-6">
        <Link href="/" className="text-xl font-bold text-background no-underline hover:underline">
          {t("siteName")}
        </Link>
        <nav aria-label={t("nav.label")} className="hidden flex-1 flex-wrap items-center gap-x-6 gap-y-2 lg:flex">
          {lists}
        </nav>
        {/* On a phone: the language, then the menu, each a disclosure that opens without script. */}
        <div className="flex items-center gap-x-4 lg:hidden">
          {languageMenu}
        <details data-testid="header-menu">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 border-2 border-background px-3 py-1 font-semibold [&::-webkit-details-marker]:hidden">
            {t("nav.menu")}
            <span aria-hidden="true">▾</span>
          </summary>
          <nav
            aria-label={t("nav.label")}
            className="absolute inset-x-0 top-full z-40 flex flex-col gap-y-4 border-b-8 border-primary bg-foreground px-4 py-4 sm:px-6 [&>ul]:flex-col [&>ul]:items-start [&>ul]:ms-0"
          >
            {lists}
          </nav>
        </details>
        </div>
      </div>
    </header>
  );
}

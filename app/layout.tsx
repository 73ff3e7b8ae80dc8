import "./globals.css";
import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { preload } from "react-dom";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages } from "~/server/i18n/client-messages";
import { getActor } from "~/server/context";
import { isRtl, LANGUAGE_TAGS } from "~/server/i18n/locales";
import { localeCode } from "~/server/i18n/paths";
import { absoluteUrl } from "~/server/open-data/urls";
import { latinFontHref } from "~/server/font-preload";
import { HydrationMarker } from "./_components/hydration-marker";
import { LanguageAlternates, LanguageMenu, LanguageSwitcher } from "./_components/language-switcher";
import { NavigationSkeleton } from "./_components/navigation-skeleton";
import { SiteFooter } from "./_components/site-footer";
import { SiteHeader } from "./_components/site-header";
import { SuspendedBanner } from "./_components/suspended-banner";
import { ToasterSlot } from "./_components/toaster-slot";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("siteName"), template: `%s – ${t("siteName")}` },
    description: t("tagline"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // getActor() reads the session, so every page renders per request and Next.js can put the
  // middleware's CSP nonce on its scripts.
  const [formatLocale, t, actor, messages] = await Promise.all([getLocale(), getTranslations("common"), getActor(), getMessages()]);
  const locale = localeCode(formatLocale);
  // The header and the first screen are set in Source Sans 3's Latin face: ask for it with the
  // page rather than once the stylesheet has been read (the fallback faces in globals.css keep the
  // layout where it will be meanwhile). A font is fetched in CORS mode, so the preload must be too.
  const fontHref = latinFontHref();
  if (fontHref) preload(fontHref, { as: "font", type: "font/woff2", crossOrigin: "anonymous" });
  return (
    <html lang={LANGUAGE_TAGS[locale]} dir={isRtl(locale) ? "rtl" : "ltr"}>
      <body className="flex min-h-screen flex-col bg-background font-sans text-foreground antialiased">
        <LanguageAlternates absolute={absoluteUrl} />
        {/* The Arabic and Chinese faces, only where the page is in them (app/fonts). */}
        {/* eslint-disable-next-line @next/next/no-css-tags -- a route of this app (app/fonts), linked only on Arabic pages */}
        {locale === "ar" ? <link rel="stylesheet" href="/fonts/noto-sans-arabic/index.css" precedence="default" /> : null}
        {/* eslint-disable-next-line @next/next/no-css-tags -- likewise, only on Chinese pages */}
        {locale === "zh" ? <link rel="stylesheet" href="/fonts/noto-sans-sc/index.css" precedence="default" /> : null}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-focus focus:px-3 focus:py-2 focus:text-focus-text"
        >
          {t("skipToContent")}
        </a>
        {/* Only the messages the frame's client components use; each part of the site adds its own in its
            folder's layout (app/_components/scoped-messages.tsx): the whole catalogue would travel with every page. */}
        <NextIntlClientProvider messages={pickMessages(messages, CLIENT_NAMESPACES)}>
          {/* No tRPC or query provider here: client components that call the API bring their own
              client (app/_trpc/react.tsx), so pages without them do not load it. */}
          <SiteHeader actor={actor} switcher={<LanguageSwitcher />} languageMenu={<LanguageMenu />} />
          {actor?.suspension ? <SuspendedBanner suspension={actor.suspension} /> : null}
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 outline-none sm:px-6 sm:py-12">
            <NavigationSkeleton label={t("loading")}>{children}</NavigationSkeleton>
          </main>
          <SiteFooter />
          <ToasterSlot />
          <HydrationMarker />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

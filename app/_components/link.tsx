"use client";
// next/link that keeps the reader in their language (issue 20): a path inside the forum ("/norms")
// gets the page's language prefix ("/fr/norms"), English staying unprefixed; the API, static files
// and other sites are left as they are. Used everywhere instead of next/link, in server and client
// components alike (the locale comes from NextIntlClientProvider in the root layout).
import NextLink from "next/link";
import { useLocale } from "next-intl";
import type { ComponentProps } from "react";
import { localizePath } from "~/server/i18n/paths";

type Props = ComponentProps<typeof NextLink>;

export default function Link({ href, ...props }: Props) {
  const locale = useLocale();
  const localized = typeof href === "string" ? localizePath(href, locale) : href.pathname ? { ...href, pathname: localizePath(href.pathname, locale) } : href;
  return <NextLink href={localized} {...props} />;
}

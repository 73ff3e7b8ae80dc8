import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import { getActor } from "~/server/context";
import { SignUpForm } from "./_components/sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage() {
  if (await getActor()) await localeRedirect("/account");
  const t = await getTranslations("privacy");
  return (
    <div className="max-w-xl">
      <SignUpForm />
      <p className="mt-8">{t.rich("signUpNote", { link: (chunks) => <Link href="/privacy">{chunks}</Link> })}</p>
    </div>
  );
}

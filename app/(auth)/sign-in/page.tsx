import type { Metadata } from "next";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { PageHeader } from "~/app/_components/ui/page-header";
import { getActor } from "~/server/context";
import { callbackFromQuery } from "../callback-url";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

const notices = ["passwordChanged", "signedOutEverywhere", "verified"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = callbackFromQuery(params);
  if (await getActor()) await localeRedirect(callbackUrl ?? "/account");
  const t = await getTranslations("auth.signIn");
  const notice = notices.find((n) => n === params.notice);
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("lead")} />
      {notice ? (
        <Alert variant="success" role="status" className="mb-8">
          <AlertDescription>{t(notice)}</AlertDescription>
        </Alert>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyEmail } from "./_components/verify-email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.verifyEmail");
  return { title: t("title") };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await searchParams;
  return (
    <div className="max-w-xl">
      <VerifyEmail token={token ?? ""} />
    </div>
  );
}

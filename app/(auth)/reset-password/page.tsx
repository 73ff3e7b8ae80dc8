import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { resetPasswordInput } from "~/server/schemas/accounts";
import { ResetPasswordForm } from "./_components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token = "" } = await searchParams;
  return (
    <div className="max-w-xl">
      {/* A link cut short says so at once; whether it is known, used or expired, the procedure says. */}
      <ResetPasswordForm token={token} linkError={!resetPasswordInput.shape.token.safeParse(token).success} />
    </div>
  );
}

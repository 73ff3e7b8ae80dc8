import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { ConfirmAddress } from "./_components/confirm-address";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.addresses.confirm");
  return { title: t("title") };
}

export default async function ConfirmAddressPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { token } = await searchParams;
  // Signed in, as the account that added the address: otherwise the sign-in page, which comes back here.
  const me = await load(() => api.account.me());
  const t = await getTranslations("account.addresses.confirm");
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("signedInAs", { email: me.email })} />
      <ConfirmAddress token={token ?? ""} />
    </div>
  );
}

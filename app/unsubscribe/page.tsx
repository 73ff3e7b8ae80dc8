import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { localeRedirect } from "~/app/_components/locale-redirect";
import { getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { api } from "~/app/_trpc/server";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import { buttonVariants } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";

// Stopping a kind of notification mail from the link in it, without signing in: the page names what
// stops, and the button (a plain form: it works without the page's script) stops it.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function stop(formData: FormData) {
  "use server";
  const token = String(formData.get("token") ?? "");
  try {
    await api.mail.unsubscribe({ token });
  } catch (error) {
    if (error instanceof TRPCError) await localeRedirect(`/unsubscribe?token=${encodeURIComponent(token)}&failed=1`);
    throw error;
  }
  await localeRedirect(`/unsubscribe?token=${encodeURIComponent(token)}&done=1`);
}

export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : "";
  const t = await getTranslations("notifications");
  let info: Awaited<ReturnType<typeof api.mail.unsubscribeInfo>> | null = null;
  let refusal: string | null = null;
  try {
    info = await api.mail.unsubscribeInfo({ token });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    refusal = error.code === "TOO_MANY_REQUESTS" ? error.message : t("unsubscribe.invalid");
  }
  const names = info?.categories.map((c) => t(`categories.${c}`)) ?? [];
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("unsubscribe.title")} />
      {refusal ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>{t("unsubscribe.invalidTitle")}</AlertTitle>
          <AlertDescription>{refusal}</AlertDescription>
        </Alert>
      ) : query.done === "1" || info?.alreadyOff ? (
        <Alert variant="success" role="status">
          <AlertTitle>{t("unsubscribe.doneTitle")}</AlertTitle>
          <AlertDescription>
            <p>{t("unsubscribe.done")}</p>
            <ul className="mt-2 list-disc ps-6">
              {names.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : (
        <>
          <p className="mb-3 text-lg">{t("unsubscribe.lead")}</p>
          <ul className="mb-6 list-disc ps-6 text-lg">
            {names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {query.failed === "1" ? (
            <Alert variant="destructive" role="alert" className="mb-4">
              <AlertDescription>{t("unsubscribe.failed")}</AlertDescription>
            </Alert>
          ) : null}
          <form action={stop}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={buttonVariants()}>
              {t("unsubscribe.button")}
            </button>
          </form>
        </>
      )}
      <p className="mt-8 text-base">
        {t("unsubscribe.settingsBefore")} <Link href="/account/notifications" className="underline">{t("unsubscribe.settingsLink")}</Link>
      </p>
    </div>
  );
}

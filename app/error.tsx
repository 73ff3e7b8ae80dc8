"use client";

import { useTranslations } from "next-intl";
import { Button } from "~/app/_components/ui/button";
import { PageHeader } from "~/app/_components/ui/page-header";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errors");
  return (
    <>
      <PageHeader title={t("errorTitle")} description={t("errorText")} />
      <Button onClick={reset}>{t("tryAgain")}</Button>
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CURRENT_CODEBOOK } from "~/server/codebook";
import { CodebookView } from "./_components/codebook-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("codebook");
  return { title: t("metaTitle"), description: t("lead") };
}

/** The current codebook for behaviour observations; earlier versions at /about/codebook/<version>. */
export default function CodebookPage() {
  return <CodebookView version={CURRENT_CODEBOOK} />;
}

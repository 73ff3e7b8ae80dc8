import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CURRENT_CODEBOOK, isCodebookVersion } from "~/server/codebook";
import { CodebookView } from "../_components/codebook-view";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  const t = await getTranslations("codebook");
  return { title: isCodebookVersion(version) ? t("versionMetaTitle", { version }) : t("metaTitle") };
}

/** A version of the codebook, as published: observations coded under it link here. */
export default async function CodebookVersionPage({ params }: Props) {
  const { version } = await params;
  if (!isCodebookVersion(version)) notFound();
  if (version === CURRENT_CODEBOOK) permanentRedirect("/about/codebook");
  return <CodebookView version={version} />;
}

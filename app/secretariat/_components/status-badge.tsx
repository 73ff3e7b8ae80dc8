import { getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/ui/badge";
import type { VerificationStatus } from "~/server/schemas/vocabulary";

const variants = { pending: "warning", verified: "success", rejected: "danger", revoked: "danger" } as const;

export async function StatusBadge({ status }: { status: VerificationStatus }) {
  const t = await getTranslations("vocabulary.verificationStatus");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}

import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "~/app/_components/ui/badge";
import type { VerificationStatus } from "~/server/schemas/vocabulary";

const variants: Record<VerificationStatus, BadgeProps["variant"]> = {
  verified: "success",
  pending: "info",
  revoked: "warning",
  rejected: "danger",
};

export function StatusBadge({ status }: { status: VerificationStatus }) {
  const t = useTranslations("vocabulary.verificationStatus");
  return <Badge variant={variants[status]}>{t(status)}</Badge>;
}

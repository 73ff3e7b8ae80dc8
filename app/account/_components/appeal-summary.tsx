import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeProps } from "~/app/_components/ui/badge";
import { DescriptionList } from "~/app/_components/ui/description-list";
import type { appealStatuses } from "~/db/schema";

type AppealStatus = (typeof appealStatuses)[number];

const statusBadge: Record<AppealStatus, BadgeProps["variant"]> = {
  pending: "info",
  upheld: "neutral",
  lifted: "success",
};

interface Appeal {
  text: string;
  status: AppealStatus;
  createdAt: Date;
  decisionNote: string | null;
}

export async function AppealSummary({ appeal }: { appeal: Appeal }) {
  const [t, format] = await Promise.all([getTranslations("account.suspension"), getFormatter()]);
  return (
    <>
      <h3 className="mb-4 text-xl font-bold sm:text-2xl">{t("yourAppeal")}</h3>
      <DescriptionList
        className="mb-0 sm:mb-0"
        items={[
          { id: "status", term: t("status"), details: <Badge variant={statusBadge[appeal.status]}>{t(`appealStatus.${appeal.status}`)}</Badge> },
          { id: "sent", term: t("sentOn"), details: format.dateTime(appeal.createdAt, { dateStyle: "long" }) },
          ...(appeal.decisionNote
            ? [{ id: "note", term: t("decisionNote"), details: <p className="whitespace-pre-line">{appeal.decisionNote}</p> }]
            : []),
          { id: "text", term: t("text"), details: <p className="whitespace-pre-line">{appeal.text}</p> },
        ]}
      />
    </>
  );
}

import Link from "~/app/_components/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "~/app/_components/local-time";
import { Alert, AlertDescription, AlertTitle } from "~/app/_components/ui/alert";
import type { StageClock } from "~/server/domain/stage-clock";

/** The last open day, as a date in UTC (noon, so no zone moves it to another day). */
const lastDayDate = (stage: StageClock) => new Date(`${stage.lastDay}T12:00:00Z`);

/** When the stage closes, or that it has and awaits a decision, as one sentence. */
export async function StageDeadlineText({ stage }: { stage: StageClock }) {
  const [t, format] = await Promise.all([getTranslations("norms.stage"), getFormatter()]);
  const date = format.dateTime(lastDayDate(stage), { dateStyle: "long", timeZone: "UTC" });
  if (stage.closed) return t("closedLine", { stage: stage.stage, date });
  const line = t("openLine", { stage: stage.stage, date, days: stage.daysLeft });
  return stage.sealed ? `${line} ${t("sealedLine")}` : line;
}

/** The sentence as a paragraph, for lists and cards. */
export async function StageDeadlineLine({ stage }: { stage: StageClock }) {
  return (
    <p className="text-base">
      <StageDeadlineText stage={stage} />
    </p>
  );
}

/**
 * The norm page's notice: when the stage closes, in UTC and the reader's time, and what closes with
 * it; for a sealed endorsement stage, that positions are published at its close. `sealedPending`:
 * the stage's date has passed and its sealed positions wait for the tick to publish them.
 */
export async function StageDeadlineNotice({ stage, sealedPending = false }: { stage: StageClock; sealedPending?: boolean }) {
  const [t, format, locale] = await Promise.all([getTranslations("norms.stage"), getFormatter(), getLocale()]);
  const date = format.dateTime(lastDayDate(stage), { dateStyle: "long", timeZone: "UTC" });
  const rules = (chunks: React.ReactNode) => <Link href="/about/process">{chunks}</Link>;
  if (stage.closed) {
    return (
      <Alert variant="warning">
        <AlertTitle>{t("closedTitle", { stage: stage.stage })}</AlertTitle>
        <AlertDescription>
          <p>{t("closedText", { stage: stage.stage, date })}</p>
          <p>{t(stage.stage === "consultation" ? "closedConsultation" : "closedEndorsement")}</p>
          {stage.sealed && sealedPending ? <p>{t("sealedRevealing")}</p> : null}
          <p>{t.rich("rules", { link: rules })}</p>
        </AlertDescription>
      </Alert>
    );
  }
  if (stage.sealed) {
    return (
      <Alert variant="info">
        <AlertTitle>{t("sealedTitle")}</AlertTitle>
        <AlertDescription>
          <p>{t("sealedText", { date })}</p>
          <p>{t("sealedBefore")}</p>
          <p>
            {t("openText", { days: stage.daysLeft })}
            <LocalTime at={stage.closesAt.toISOString()} locale={locale} label={t("localTime")} />
          </p>
          <p>{t.rich("rules", { link: rules })}</p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert variant="info">
      <AlertTitle>{t("openTitle", { stage: stage.stage, date })}</AlertTitle>
      <AlertDescription>
        <p>
          {t("openText", { days: stage.daysLeft })}
          <LocalTime at={stage.closesAt.toISOString()} locale={locale} label={t("localTime")} />
        </p>
        <p>{t(stage.stage === "consultation" ? "openConsultation" : "openEndorsement")}</p>
        <p>{t.rich("rules", { link: rules })}</p>
      </AlertDescription>
    </Alert>
  );
}

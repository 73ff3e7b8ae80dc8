import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "~/server/policy";

export async function SuspendedBanner({ suspension }: { suspension: NonNullable<Actor["suspension"]> }) {
  const [t, format] = await Promise.all([getTranslations("common.suspendedBanner"), getFormatter()]);
  return (
    <div role="region" aria-labelledby="suspended-title" className="border-b-4 border-warning bg-warning-tint">
      <div className="mx-auto w-full max-w-5xl px-4 py-4 sm:px-6">
        <h2 id="suspended-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        <p>
          {suspension.endsAt
            ? t("until", { date: format.dateTime(suspension.endsAt, { dateStyle: "long" }) })
            : t("indefinite")}{" "}
          {t("reason", { reason: suspension.reason })}
        </p>
        <p>
          <Link href="/account#suspension">{t("appeal")}</Link>
        </p>
      </div>
    </div>
  );
}

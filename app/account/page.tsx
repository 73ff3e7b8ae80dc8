import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DescriptionList } from "~/app/_components/ui/description-list";
import { PageHeader } from "~/app/_components/ui/page-header";
import { api, load } from "~/app/_trpc/server";
import { mailLocale } from "~/server/i18n/mail";
import { AppealForm } from "./_components/appeal-form";
import { AddressesSection } from "./_components/addresses-section";
import { AppealSummary } from "./_components/appeal-summary";
import { ChangePasswordForm } from "./_components/change-password-form";
import { DeleteAccount } from "./_components/delete-account";
import { EmailLanguageForm } from "./_components/email-language-form";
import { ProfileForm } from "./_components/profile-form";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { YourComments } from "./_components/your-comments";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountPage() {
  const [me, comments, addresses] = await Promise.all([load(() => api.account.me()), load(() => api.comments.mine()), load(() => api.account.addresses())]);
  const [t, tv, tn, te, format] = await Promise.all([
    getTranslations("account"),
    getTranslations("vocabulary"),
    getTranslations("notificationCentre.account"),
    getTranslations("common.errors"),
    getFormatter(),
  ]);
  const suspended = Boolean(me.suspension);

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />

      {me.suspension ? (
        <section id="suspension" aria-labelledby="suspension-title" className="mb-12 scroll-mt-6 border-s-8 border-warning ps-4 sm:ps-6">
          <h2 id="suspension-title" className="mb-4 text-2xl font-bold sm:text-3xl">
            {t("suspension.title")}
          </h2>
          <p className="mb-6 max-w-[42rem]">{t("suspension.lead")}</p>
          <DescriptionList
            items={[
              { id: "reason", term: t("suspension.reason"), details: <p className="whitespace-pre-line">{me.suspension.reason}</p> },
              {
                id: "until",
                term: t("suspension.until"),
                details: me.suspension.endsAt
                  ? format.dateTime(me.suspension.endsAt, { dateStyle: "long" })
                  : t("suspension.indefinitely"),
              },
            ]}
          />
          {me.appeal ? <AppealSummary appeal={me.appeal} /> : <AppealForm />}
        </section>
      ) : null}

      <section aria-labelledby="details-title" className="mb-12">
        <h2 id="details-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("details.title")}
        </h2>
        <DescriptionList
          items={[
            {
              id: "name",
              term: t("details.name"),
              details: me.displayName,
              actions: suspended ? undefined : (
                <a href="#displayName">
                  {t("details.change")}
                  <span className="sr-only"> {t("details.changeName")}</span>
                </a>
              ),
            },
            { id: "email", term: t("details.email"), details: me.email },
            { id: "role", term: t("details.role"), details: tv(`userRole.${me.role}`) },
            { id: "since", term: t("details.memberSince"), details: format.dateTime(me.createdAt, { dateStyle: "long" }) },
          ]}
        />
      </section>

      <AddressesSection addresses={addresses} suspended={suspended} />

      <section aria-labelledby="organizations-title" className="mb-12 max-w-[42rem]">
        <h2 id="organizations-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("organizations.title")}
        </h2>
        <p className="mb-4">{t("organizations.text")}</p>
        <p>
          <Link href="/organizations/mine">{t("organizations.link")}</Link>
        </p>
      </section>

      <section aria-labelledby="notifications-title" className="mb-12 max-w-[42rem]">
        <h2 id="notifications-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {tn("title")}
        </h2>
        <p className="mb-4">{tn("text")}</p>
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/account/notifications">{tn("link")}</Link>
          </li>
          <li>
            <Link href="/notifications">{tn("centre")}</Link>
          </li>
        </ul>
      </section>

      <section id="email-language" aria-labelledby="email-language-title" className="mb-12 max-w-[42rem] scroll-mt-6">
        <h2 id="email-language-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("emailLanguage.title")}
        </h2>
        <p className="mb-6">{t("emailLanguage.lead")}</p>
        <EmailLanguageForm
          locale={mailLocale(me.locale)}
          words={{
            label: t("emailLanguage.label"),
            hint: t("emailLanguage.hint"),
            submit: t("emailLanguage.submit"),
            saved: t("emailLanguage.saved"),
            errorPrefix: te("errorPrefix"),
          }}
        />
      </section>

      <YourComments comments={comments} />

      <section aria-labelledby="change-name-title" className="mb-12 max-w-xl">
        <h2 id="change-name-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("profile.title")}
        </h2>
        {suspended ? <p>{t("profile.suspended")}</p> : <ProfileForm displayName={me.displayName} />}
      </section>

      <section aria-labelledby="password-title" className="mb-12 max-w-xl">
        <h2 id="password-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("password.title")}
        </h2>
        <p className="mb-6">{t("password.lead")}</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sign-out-everywhere-title" className="mb-12 max-w-xl">
        <h2 id="sign-out-everywhere-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("signOutEverywhere.title")}
        </h2>
        <p className="mb-6">{t("signOutEverywhere.lead")}</p>
        <SignOutEverywhere />
      </section>

      <section id="your-data" aria-labelledby="your-data-title" className="mb-12 max-w-[42rem] scroll-mt-6">
        <h2 id="your-data-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("yourData.title")}
        </h2>
        <p className="mb-6">{t("yourData.lead")}</p>
        {/* A plain link: the download works before any script has loaded. */}
        <p className="mb-6">
          <a href="/account/export" download className="font-semibold">
            {t("yourData.download")}
          </a>
        </p>
        <p>{t.rich("yourData.notice", { link: (chunks) => <Link href="/privacy">{chunks}</Link> })}</p>
      </section>

      <section aria-labelledby="delete-title" className="max-w-[42rem]">
        <h2 id="delete-title" className="mb-4 text-2xl font-bold sm:text-3xl">
          {t("delete.title")}
        </h2>
        <p className="mb-2">{t("delete.lead")}</p>
        <ul className="mb-6 list-disc space-y-2 ps-6">
          {(["signIn", "name", "comments", "organisations", "records", "undo"] as const).map((k) => (
            <li key={k}>{t(`delete.points.${k}`)}</li>
          ))}
        </ul>
        <p className="mb-6">{t("delete.representativeNote")}</p>
        <DeleteAccount />
      </section>
    </>
  );
}

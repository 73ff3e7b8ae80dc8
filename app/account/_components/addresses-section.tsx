import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AddAddressForm, RemoveAddressButton, ResendAddressButton } from "./address-forms";

interface Representing {
  name: string;
  slug: string;
}
export interface Addresses {
  signIn: { email: string; confirmedAt: Date | null; representing: Representing[] };
  further: { id: string; email: string; confirmedAt: Date | null; createdAt: Date; representing: Representing[] }[];
}

/** The account page's "Your email addresses": the sign-in address and further ones. */
export async function AddressesSection({ addresses, suspended }: { addresses: Addresses; suspended: boolean }) {
  const [t, format] = await Promise.all([getTranslations("account.addresses"), getFormatter()]);
  const represents = (list: Representing[]) =>
    list.length ? (
      <span className="block text-base text-muted">
        {t("represents")}{" "}
        {list.map((o, i) => (
          <span key={o.slug}>
            {i > 0 ? ", " : null}
            <Link href={`/organizations/${o.slug}`}>{o.name}</Link>
          </span>
        ))}
      </span>
    ) : null;
  return (
    <section id="addresses" aria-labelledby="addresses-title" className="mb-12 max-w-[42rem] scroll-mt-6">
      <h2 id="addresses-title" className="mb-4 text-2xl font-bold sm:text-3xl">
        {t("title")}
      </h2>
      <p className="mb-6">{t("lead")}</p>
      <ul className="mb-8 border-t border-border" aria-label={t("listLabel")} data-testid="addresses">
        <li className="border-b border-border py-4">
          <span className="block font-bold break-all">{addresses.signIn.email}</span>
          <span className="block text-base text-muted">
            {addresses.signIn.confirmedAt ? t("signInConfirmed") : t("signInUnconfirmed")}
          </span>
          {represents(addresses.signIn.representing)}
        </li>
        {addresses.further.map((a) => (
          <li key={a.id} className="border-b border-border py-4">
            <span className="block font-bold break-all">{a.email}</span>
            <span className="mb-2 block text-base text-muted">
              {a.confirmedAt
                ? t("confirmedOn", { date: format.dateTime(a.confirmedAt, { dateStyle: "medium" }) })
                : t("waiting", { date: format.dateTime(a.createdAt, { dateStyle: "medium" }) })}
            </span>
            {represents(a.representing)}
            {suspended ? null : (
              <div className="mt-2 flex flex-wrap items-start gap-2">
                {a.confirmedAt ? null : <ResendAddressButton email={a.email} />}
                <RemoveAddressButton addressId={a.id} email={a.email} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {suspended ? <p>{t("suspended")}</p> : (
        <>
          <h3 className="mb-4 text-xl font-bold sm:text-2xl">{t("addTitle")}</h3>
          <AddAddressForm />
        </>
      )}
    </section>
  );
}

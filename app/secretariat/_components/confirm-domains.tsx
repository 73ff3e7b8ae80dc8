"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";

/**
 * Confirms domains a verified organisation registered since its verification: the organisation
 * stays verified meanwhile (a domain is not who it is).
 */
export function ConfirmDomains({ organization }: { organization: { id: string; name: string; domains: { id: string; domain: string }[] } }) {
  const t = useTranslations("secretariat.verification");
  const trpc = useTRPC();
  const router = useRouter();
  const [ticked, setTicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const confirm = useMutation(
    trpc.verification.confirmDomains.mutationOptions({
      onSuccess: (result) => {
        toast.success(t("domainsConfirmedNow", { domains: result.confirmed.join(", ") }));
        setTicked([]);
        router.refresh();
      },
      onError: (e) => setError(serverError(e).message),
    }),
  );
  return (
    <form
      method="post"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        confirm.mutate({ organizationId: organization.id, domainIds: ticked });
      }}
    >
      {error ? (
        <Alert variant="destructive" role="alert" className="mb-4">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <fieldset className="mb-4">
        <legend className="sr-only">{t("domainsAwaitingLegend", { name: organization.name })}</legend>
        {organization.domains.map((d) => (
          <CheckboxField
            key={d.id}
            id={`await-${d.id}`}
            checked={ticked.includes(d.id)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setTicked((list) => (on ? [...list, d.id] : list.filter((x) => x !== d.id)));
            }}
            label={t("confirmDomain", { domain: d.domain })}
          />
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" pending={confirm.isPending} disabled={ticked.length === 0}>
        {t("confirmDomainsSubmit", { name: organization.name })}
      </Button>
    </form>
  );
}

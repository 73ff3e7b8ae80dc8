"use client";

import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, SelectField, TextareaField, TextField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { FieldError, FieldHint } from "~/app/_components/ui/field";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { createOrganizationInput } from "~/server/schemas/organizations";
import { participations, regions, type Region, type StakeholderType, stakeholderTypes } from "~/server/schemas/vocabulary";

const fields = ["name", "stakeholderType", "region", "country", "website", "description", "domains", "participation"] as const;
/** The fields whose change sends a verified organisation back to review (as the server decides). */
const identityFields = ["name", "stakeholderType", "region", "country", "website"] as const;

export interface OrganizationValues {
  name: string;
  stakeholderType: StakeholderType;
  region: Region;
  country: string | null;
  website: string | null;
  description: string;
}

type Props = {
  /** Country options, named on the server so the names match what the page rendered. */
  countries: { code: string; name: string }[];
} & (
  | { mode: "create" }
  | { mode: "update"; organizationId: string; slug: string; values: OrganizationValues; verified: boolean }
);

/** Registers an organisation, or edits one's details (representatives). */
export function OrganizationForm(props: Props) {
  const t = useTranslations("organizations.form");
  const tv = useTranslations("vocabulary");
  const te = useTranslations("common.errors");
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const [message, setMessage] = useState<string | null>(null);
  const initial = props.mode === "update" ? props.values : undefined;
  const form = useZodForm(createOrganizationInput, {
    name: initial?.name ?? "",
    stakeholderType: initial?.stakeholderType,
    region: initial?.region,
    country: initial?.country ?? "",
    website: initial?.website ?? "",
    description: initial?.description ?? "",
    domains: "",
    participation: "participant",
  });

  const onError = (error: unknown) => setMessage(applyServerError(form, error));
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onError,
      onSuccess: (created, values) => {
        toast.success(t("created", { name: values.name }));
        router.push(localizePath(`/organizations/${created.slug}`, locale));
      },
    }),
  );
  const update = useMutation(
    trpc.organizations.update.mutationOptions({
      onError,
      onSuccess: (result) => {
        toast.success(result.returnedToQueue ? t("savedRequeued") : t("saved"));
        router.refresh();
      },
    }),
  );
  const pending = create.isPending || update.isPending || (props.mode === "create" && create.isSuccess);

  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    // Domains are registered with the organisation; later, on its page (the update has none).
    // How it takes part is chosen at registration; an observer asks the secretariat to change it.
    const { domains, participation, ...details } = values;
    if (props.mode === "create") create.mutate({ ...details, domains, participation });
    else update.mutate({ ...details, organizationId: props.organizationId });
  });

  // Changing who a verified organisation is sends it back to review: say so before saving.
  const watched = form.watch(identityFields);
  const changedIdentity =
    props.mode === "update" && props.verified
      ? identityFields.filter((f, i) => (watched[i] ?? "") !== (props.values[f] ?? ""))
      : [];

  const typeError = form.formState.errors.stakeholderType?.message;
  const typeDescribedBy = ["stakeholderType-hint", typeError ? "stakeholderType-error" : null].filter(Boolean).join(" ");

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl">
      <FormErrors form={form} fields={[...fields]} message={message} />
      <Alert variant="info" className="mb-8">
        <AlertDescription>
          <p>{props.mode === "create" ? t("verificationNote") : t("updateNote")}</p>
        </AlertDescription>
      </Alert>

      <TextField form={form} name="name" label={t("name")} hint={t("nameHint")} autoComplete="organization" maxLength={160} />

      <div
        data-invalid={typeError ? "true" : undefined}
        className={typeError ? "mb-6 border-s-4 border-destructive ps-4 sm:mb-8" : "mb-6 sm:mb-8"}
      >
        <fieldset aria-describedby={typeDescribedBy}>
          <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("stakeholderType")}</legend>
          <FieldHint id="stakeholderType-hint">{t("stakeholderTypeHint")}</FieldHint>
          {typeError ? (
            <FieldError id="stakeholderType-error" prefix={te("errorPrefix")}>
              {typeError}
            </FieldError>
          ) : null}
          <div className="flex flex-col gap-4">
            {stakeholderTypes.map((s, index) => {
              // The first radio carries the field's id, so the error summary can link to it.
              const id = index === 0 ? "stakeholderType" : `stakeholderType-${s}`;
              return (
                <RadioOption key={s} id={id} value={s} label={tv(`stakeholderType.${s}`)} hint={tv(`stakeholderTypeHint.${s}`)} {...form.register("stakeholderType")} />
              );
            })}
          </div>
        </fieldset>
      </div>

      <SelectField
        form={form}
        name="region"
        label={t("region")}
        hint={t("regionHint")}
        placeholder={t("regionPlaceholder")}
        options={regions.map((r) => ({ value: r, label: tv(`region.${r}`) }))}
      />
      <SelectField
        form={form}
        name="country"
        label={t("country")}
        hint={t("countryHint")}
        placeholder={t("noCountry")}
        options={props.countries.map((c) => ({ value: c.code, label: c.name }))}
      />
      <TextField
        form={form}
        name="website"
        label={t("website")}
        hint={t("websiteHint")}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        maxLength={300}
      />
      <TextareaField form={form} name="description" label={t("description")} hint={t("descriptionHint")} rows={5} maxLength={2000} />
      {props.mode === "create" ? (
        <>
          <TextareaField form={form} name="domains" label={t("domains")} hint={t("domainsHint")} rows={3} maxLength={2000} spellCheck={false} autoCapitalize="none" />
          <fieldset aria-describedby="participation-hint" className="mb-6 sm:mb-8">
            <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("participation")}</legend>
            <FieldHint id="participation-hint">{t("participationHint")}</FieldHint>
            <div className="flex flex-col gap-4">
              {participations.map((p, index) => (
                <RadioOption
                  key={p}
                  id={index === 0 ? "participation" : `participation-${p}`}
                  value={p}
                  label={t(`participationOption.${p}`)}
                  hint={t(`participationOptionHint.${p}`)}
                  {...form.register("participation")}
                />
              ))}
            </div>
          </fieldset>
        </>
      ) : null}

      {changedIdentity.length > 0 ? (
        <Alert variant="warning" role="status" className="mb-6" data-testid="review-warning">
          <AlertDescription>
            <p>{t("reviewWarning", { fields: changedIdentity.map((f) => t(f)).join(", ") })}</p>
          </AlertDescription>
        </Alert>
      ) : null}
      <Button type="submit" pending={pending}>
        {pending ? t("saving") : props.mode === "create" ? t("create") : t("update")}
      </Button>
    </form>
  );
}

/** One radio of a group, with its label and hint beside it (GOV.UK's large radios). */
function RadioOption({ id, label, hint, ...input }: { id: string; label: string; hint: string } & Omit<React.ComponentProps<"input">, "id" | "type">) {
  return (
    <div className="flex items-start gap-3">
      <input
        {...input}
        type="radio"
        id={id}
        aria-describedby={`${id}-item-hint`}
        className="m-0 size-7 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]"
      />
      <div className="min-w-0 pt-0.5 sm:pt-0">
        <label htmlFor={id} className="block cursor-pointer">
          {label}
        </label>
        <div id={`${id}-item-hint`} className="text-base text-muted sm:text-lg">
          {hint}
        </div>
      </div>
    </div>
  );
}

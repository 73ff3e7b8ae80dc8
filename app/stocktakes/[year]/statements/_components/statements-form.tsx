"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { applyServerError, useZodForm } from "~/app/_components/form";
import { Button } from "~/app/_components/ui/button";
import { Field } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toaster";
import { useMutation, useTRPC } from "~/app/_trpc/react";
import { linesOf, PrefixedErrors, PrefixedTextarea, RadioGroup, toLines } from "~/app/_components/prefixed-fields";
import { statementInput } from "~/server/schemas/stocktakes";
import { type ImplementationStatus, implementationStatuses } from "~/server/schemas/vocabulary";

interface Item {
  id: string;
  title: string;
  kind: "forum" | "reference";
  href: string;
}

interface Statement {
  itemId: string;
  organizationId: string;
  status: ImplementationStatus;
  text: string;
  links: string[];
  savedOn: string;
}

/** The representative's statements, one form per covered norm, for the organisation chosen. */
export function StatementsForm({
  year,
  open,
  organizations,
  items,
  statements,
}: {
  year: number;
  open: boolean;
  organizations: { id: string; name: string }[];
  items: Item[];
  statements: Statement[];
}) {
  const t = useTranslations("stocktakes.statements");
  const [organizationId, setOrganizationId] = useState(organizations[0]!.id);
  const organization = organizations.find((o) => o.id === organizationId)!;
  const filed = statements.filter((s) => s.organizationId === organizationId);

  return (
    <>
      <div className="mb-10 max-w-[42rem]">
        {organizations.length > 1 ? (
          <Field id="organisation" label={t("organisation")} hint={t("organisationHint")}>
            <NativeSelect id="organisation" aria-describedby="organisation-hint" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        ) : (
          <p className="text-lg">{t("filingFor", { name: organization.name })}</p>
        )}
        <p className="text-muted" aria-live="polite">
          {t("filedCount", { count: filed.length, total: items.length, name: organization.name })}
        </p>
      </div>

      {items.map((item) => {
        const existing = filed.find((s) => s.itemId === item.id) ?? null;
        return open ? (
          <StatementItemForm key={`${organizationId}-${item.id}`} year={year} item={item} organization={organization} existing={existing} />
        ) : (
          <StatementReadOnly key={`${organizationId}-${item.id}`} item={item} organization={organization} existing={existing} />
        );
      })}
    </>
  );
}

function ItemHeading({ id, item, existing }: { id: string; item: Item; existing: Statement | null }) {
  const t = useTranslations("stocktakes.statements");
  return (
    <>
      <h2 id={id} className="mb-1 text-xl font-bold sm:text-2xl">
        {item.title}
      </h2>
      <p className="mb-4 text-base text-muted sm:text-lg">
        {item.kind === "forum" ? t("forumNorm") : t("referenceNorm")}
        {" · "}
        <Link href={item.href}>{t("readNorm")}</Link>
        {" · "}
        {existing ? t("savedOn", { date: existing.savedOn }) : t("notFiled")}
      </p>
    </>
  );
}

function StatementItemForm({
  year,
  item,
  organization,
  existing,
}: {
  year: number;
  item: Item;
  organization: { id: string; name: string };
  existing: Statement | null;
}) {
  const t = useTranslations("stocktakes.statements");
  const ts = useTranslations("stocktakes.status");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const schema = useMemo(
    () => statementInput.extend({ links: linesOf(statementInput.shape.links, (value, m) => t("lineError", { value, message: m })) }),
    [t],
  );
  const form = useZodForm(schema, {
    year,
    itemId: item.id,
    organizationId: organization.id,
    status: existing?.status,
    text: existing?.text ?? "",
    links: toLines(existing?.links ?? []),
  });
  const prefix = `statement-${item.id}`;
  const save = useMutation(
    trpc.stocktakes.fileStatement.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("saved"));
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    save.mutate(values);
  });

  return (
    <div className="mb-12 max-w-[42rem] border-t-4 border-border pt-6" data-testid="statement-item">
      <form method="post" onSubmit={onSubmit} noValidate>
        <PrefixedErrors form={form} prefix={prefix} fields={["status", "text", "links"]} message={message} />
        <fieldset>
          <legend className="w-full">
            <ItemHeading id={`${prefix}-title`} item={item} existing={existing} />
          </legend>
          <RadioGroup
            form={form}
            prefix={prefix}
            name="status"
            legend={t("status")}
            hint={t("statusHint", { name: organization.name })}
            options={implementationStatuses.map((s) => ({ value: s, label: ts(s) }))}
          />
          <PrefixedTextarea form={form} prefix={prefix} name="text" label={t("text")} hint={t("textHint")} rows={5} maxLength={5000} />
          <PrefixedTextarea form={form} prefix={prefix} name="links" label={t("links")} hint={t("linksHint")} rows={3} spellCheck={false} />
          <Button type="submit" pending={save.isPending}>
            {t("save")}
          </Button>
        </fieldset>
      </form>
    </div>
  );
}

function StatementReadOnly({ item, organization, existing }: { item: Item; organization: { id: string; name: string }; existing: Statement | null }) {
  const t = useTranslations("stocktakes.statements");
  const ts = useTranslations("stocktakes.status");
  const id = `statement-${item.id}-title`;
  return (
    <div className="mb-10 max-w-[42rem] border-t-4 border-border pt-6" data-testid="statement-item">
      <ItemHeading id={id} item={item} existing={existing} />
      {existing ? (
        <dl className="grid gap-3">
          <div>
            <dt className="font-bold">{t("status")}</dt>
            <dd>{ts(existing.status)}</dd>
          </div>
          <div>
            <dt className="font-bold">{t("text")}</dt>
            <dd className="whitespace-pre-line">{existing.text || t("noText")}</dd>
          </div>
          {existing.links.length ? (
            <div>
              <dt className="font-bold">{t("linksReadOnly")}</dt>
              <dd>
                <ul>
                  {existing.links.map((l) => (
                    <li key={l} className="break-all">
                      {/^https?:\/\//i.test(l) ? (
                        <a href={l} rel="nofollow ugc noopener" target="_blank">
                          {l}
                        </a>
                      ) : (
                        l
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p>{t("noStatement", { name: organization.name })}</p>
      )}
    </div>
  );
}

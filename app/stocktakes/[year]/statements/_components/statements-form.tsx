"use client";

import Link from "~/app/_components/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ChoiceGroup, FormProblems, TextareaField, useActionForm } from "~/app/_components/action-form";
import { initialState, valueOf } from "~/app/_components/action-state";
import { toLines } from "~/app/_components/lines";
import { radioClass } from "~/app/_components/prefixed-fields";
import { Button } from "~/app/_components/ui/button";
import { Field } from "~/app/_components/ui/field";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { toast } from "~/app/_components/ui/toast-bus";
import { type ImplementationStatus, implementationStatuses } from "~/server/schemas/vocabulary";
import { fileStatementAction, type StatementSaved } from "../../../_components/actions";

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
  initialOrganizationId,
}: {
  year: number;
  open: boolean;
  organizations: { id: string; name: string }[];
  items: Item[];
  statements: Statement[];
  /** The organisation asked for in the address (?organisation=), else the first. */
  initialOrganizationId?: string;
}) {
  const t = useTranslations("stocktakes.statements");
  // Choosing another organisation shows its statements: in place with script; without it (or
  // before it has loaded), the choice is a GET form that reloads the page for that organisation.
  const [organizationId, setOrganizationId] = useState(initialOrganizationId ?? organizations[0]!.id);
  const organization = organizations.find((o) => o.id === organizationId) ?? organizations[0]!;
  const filed = statements.filter((s) => s.organizationId === organization.id);
  // A choice made before the script had loaded (the select is uncontrolled, so hydration keeps it).
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (select.current) setOrganizationId(select.current.value);
  }, []);

  return (
    <>
      <div className="mb-10 max-w-[42rem]">
        {organizations.length > 1 ? (
          <form method="get">
            <Field id="organisation" label={t("organisation")} hint={t("organisationHint")}>
              <NativeSelect
                ref={select}
                id="organisation"
                name="organisation"
                aria-describedby="organisation-hint"
                defaultValue={organization.id}
                onChange={(e) => setOrganizationId(e.target.value)}
              >
                {organizations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </NativeSelect>
              <noscript>
                <Button type="submit" variant="secondary" className="mt-4" worksWithoutScript>
                  {t("showOrganisation")}
                </Button>
              </noscript>
            </Field>
          </form>
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
          <StatementItemForm key={`${organization.id}-${item.id}`} year={year} item={item} organization={organization} existing={existing} />
        ) : (
          <StatementReadOnly key={`${organization.id}-${item.id}`} item={item} organization={organization} existing={existing} />
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
  const tc = useTranslations("clearance.form");
  const { state, pending, sending, formProps } = useActionForm(
    fileStatementAction,
    initialState<StatementSaved>({ status: existing?.status ?? "", text: existing?.text ?? "", links: toLines(existing?.links ?? []) }),
  );
  // Once per answer that saved it (the state is a new object with each answer).
  useEffect(() => {
    if (state.done === "pending") toast.success(tc("statementPending"));
    else if (state.done === "draft") toast.success(tc("draftSaved", { name: organization.name }));
    else if (state.done) toast.success(t("saved"));
  }, [state, t, tc, organization.name]);
  const prefix = `statement-${item.id}`;
  const status = valueOf(state.values, "status");
  const statusError = state.fieldErrors.status;

  return (
    <div className="mb-12 max-w-[42rem] border-t-4 border-border pt-6" data-testid="statement-item">
      <form {...formProps}>
        <FormProblems state={state} prefix={prefix} fields={["status", "text", "links"]} headingLevel="h3" className="mb-6" />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="organizationId" value={organization.id} />
        <fieldset>
          <legend className="w-full">
            <ItemHeading id={`${prefix}-title`} item={item} existing={existing} />
          </legend>
          <ChoiceGroup state={state} id={`${prefix}-status`} name="status" legend={t("status")} hint={t("statusHint", { name: organization.name })}>
            <div className="flex flex-col gap-3">
              {implementationStatuses.map((s, index) => {
                const optionId = index === 0 ? `${prefix}-status` : `${prefix}-status-${s}`;
                return (
                  <div key={s} className="flex items-center gap-3">
                    <input
                      type="radio"
                      id={optionId}
                      name="status"
                      value={s}
                      defaultChecked={status === s}
                      aria-invalid={statusError ? true : undefined}
                      className={radioClass}
                    />
                    <label htmlFor={optionId} className="cursor-pointer">
                      {ts(s)}
                    </label>
                  </div>
                );
              })}
            </div>
          </ChoiceGroup>
          <TextareaField state={state} id={`${prefix}-text`} name="text" label={t("text")} hint={t("textHint")} rows={5} maxLength={5000} />
          <TextareaField state={state} id={`${prefix}-links`} name="links" label={t("links")} hint={t("linksHint")} rows={3} spellCheck={false} />
          <div className="flex flex-wrap gap-4">
            <Button type="submit" pending={sending(null)} disabled={pending} worksWithoutScript>
              {t("save")}
            </Button>
            <Button type="submit" name="intent" value="draft" variant="secondary" pending={sending("draft")} disabled={pending} worksWithoutScript>
              {tc("saveDraft")}
            </Button>
          </div>
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

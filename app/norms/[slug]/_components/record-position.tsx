"use client";

import Link from "~/app/_components/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextareaField, useFormDialog, useZodForm } from "~/app/_components/form";
import { DialogActions } from "~/app/_components/dialog-actions";
import { Button } from "~/app/_components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "~/app/_components/ui/dialog";
import { useHydrated } from "~/app/_components/ui/submit-button";
import { FieldError, FieldHint } from "~/app/_components/ui/field";
import { cn } from "~/app/_components/ui/cn";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { MAX_STATEMENT, recordPositionInput, stancesNeedingStatement, withdrawAdherenceInput } from "~/server/schemas/positions";
import { type Stance, stances } from "~/server/schemas/vocabulary";
import { clauseExcerpt } from "./clause-excerpt";
import type { NormPositions } from "./positions-load";
import { initialOrganization, needingReaffirmation } from "./stale-positions";

export type ViewerOrganization = NormPositions["viewer"]["organizations"][number];

/** What an organisation may record on a concluded norm: adherence, with or without reservations. */
const adheringStances = ["endorse", "endorse_with_reservations"] as const satisfies readonly Stance[];
const adheres = (stance: Stance | undefined) => stance === "endorse" || stance === "endorse_with_reservations";
/** Reservations and objections give reasons, and may name the clauses they concern. */
const reasoned = (stance: Stance | undefined) => (stancesNeedingStatement as readonly (Stance | undefined)[]).includes(stance);

const checkboxClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";
const radioClass =
  "m-0 size-7 shrink-0 cursor-pointer appearance-none rounded-full border-2 border-foreground bg-background checked:bg-foreground checked:shadow-[inset_0_0_0_5px_var(--color-background)] aria-invalid:border-destructive focus-visible:outline-offset-0 focus-visible:shadow-[0_0_0_5px_var(--color-foreground),inset_0_0_0_5px_var(--color-background)]";

/** A representative's form to record their organisation's position (positions-panel.tsx places it). */
export function RecordPosition({
  normId,
  currentVersion,
  clauses,
  organizations,
  concluded = false,
}: {
  normId: string;
  currentVersion: number;
  /** The current version's clauses, which a reservation or objection may name. */
  clauses: string[];
  organizations: ViewerOrganization[];
  /** The norm is concluded: only adherence (the two endorsing stances) and its withdrawal. */
  concluded?: boolean;
}) {
  const t = useTranslations("positions.panel");
  // A position given on an earlier version is chosen first, so it cannot be missed behind another name.
  const [organizationId, setOrganizationId] = useState(() => initialOrganization(organizations).id);
  const organization = organizations.find((o) => o.id === organizationId) ?? organizations[0]!;
  const stale = needingReaffirmation(organizations);
  const status = (o: ViewerOrganization) =>
    !o.position
      ? t("organizationNoPosition")
      : o.position.current
        ? t("organizationCurrent", { version: o.position.version })
        : t("organizationEarlier", { version: o.position.version, current: currentVersion });
  return (
    <>
      {organizations.length > 1 ? (
        <>
          {stale.length > 0 ? (
            <p className="mb-4 border-s-4 border-primary bg-surface p-4" data-testid="stale-positions">
              {stale.length === 1
                ? t("staleOne", { name: stale[0]!.name, version: stale[0]!.position!.version, current: currentVersion })
                : t("staleMany", { count: stale.length, names: stale.map((o) => o.name).join("; "), name: stale[0]!.name })}
            </p>
          ) : null}
          {/* Radios rather than a select: every name is shown in full, with where its position stands. */}
          <fieldset className="mb-6" aria-describedby="position-organization-hint">
            <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("organization")}</legend>
            <FieldHint id="position-organization-hint">{t("organizationHint")}</FieldHint>
            <div className="flex flex-col gap-4">
              {organizations.map((o, index) => {
                const id = index === 0 ? "position-organization" : `position-organization-${o.id}`;
                return (
                  <div key={o.id} className="flex items-start gap-3">
                    <input
                      type="radio"
                      id={id}
                      name="position-organization"
                      value={o.id}
                      checked={o.id === organization.id}
                      onChange={() => setOrganizationId(o.id)}
                      aria-describedby={`${id}-status`}
                      className={radioClass}
                    />
                    <div className="min-w-0 pt-0.5 break-words sm:pt-0">
                      <label htmlFor={id} className="block cursor-pointer">
                        {o.name}
                      </label>
                      <div id={`${id}-status`} className={cn("text-base", o.position && !o.position.current ? "font-semibold" : "text-muted")}>
                        {status(o)}
                      </div>
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </>
      ) : (
        <p className="mb-4 font-bold">{t("recordingFor", { name: organization.name })}</p>
      )}
      {/* Keyed by organisation, so choosing another one starts from that organisation's position. */}
      <RecordForm key={organization.id} normId={normId} currentVersion={currentVersion} clauses={clauses} organization={organization} concluded={concluded} />
    </>
  );
}

function RecordForm({
  normId,
  currentVersion,
  clauses,
  organization,
  concluded,
}: {
  normId: string;
  currentVersion: number;
  clauses: string[];
  organization: ViewerOrganization;
  concluded: boolean;
}) {
  const t = useTranslations("positions.panel");
  const tv = useTranslations("vocabulary");
  const te = useTranslations("common.errors");
  const tc = useTranslations("clearance.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const position = organization.position;
  const form = useZodForm(recordPositionInput, {
    normId,
    organizationId: organization.id,
    // After conclusion an objection or abstention is not offered again: the form starts empty.
    stance: concluded && !adheres(position?.stance) ? undefined : position?.stance,
    statement: concluded && !adheres(position?.stance) ? "" : (position?.statement ?? ""),
    // Clause numbers given on an earlier version may point at other words now: start from none.
    clauses: position?.current && reasoned(position.stance) ? position.clauses : [],
  });
  const hydrated = useHydrated();
  const stance = form.watch("stance");
  const named = form.watch("clauses") ?? [];
  const toggleClause = (n: number, on: boolean) =>
    form.setValue("clauses", on ? [...named.filter((c) => c !== n), n].sort((a, b) => a - b) : named.filter((c) => c !== n), { shouldDirty: true });
  const offered = concluded ? adheringStances : stances;

  const record = useMutation(
    trpc.positions.record.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: (data) => {
        if (data.pendingEntryId) toast.success(tc("pending", { name: organization.name }));
        else if (data.changed) toast.success(t("recorded", { name: organization.name }));
        else toast.info(t("unchanged", { name: organization.name }));
        router.refresh();
      },
    }),
  );
  const reaffirm = useMutation(
    trpc.positions.reaffirm.mutationOptions({
      onError: (error) => setMessage(serverError(error).message),
      onSuccess: (data) => {
        toast.success(t("reaffirmed", { name: organization.name, version: data.version }));
        router.refresh();
      },
    }),
  );
  // An organisation draft (issue 17): saved for its representatives only, cleared and submitted from its clearance page.
  const [draftSaved, setDraftSaved] = useState(false);
  const saveDraft = useMutation(
    trpc.clearance.savePosition.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => setDraftSaved(true),
    }),
  );
  const pending = record.isPending || reaffirm.isPending || saveDraft.isPending;
  const onSaveDraft = form.handleSubmit((values) => {
    setMessage(null);
    setDraftSaved(false);
    saveDraft.mutate({ position: { ...values, clauses: reasoned(values.stance) ? values.clauses : [] } });
  });

  const submit = form.handleSubmit((values) => {
    setMessage(null);
    record.mutate(values);
  });
  // Clauses ticked under a reservation stay ticked if the stance changes, but only a reservation
  // or objection sends them (the server refuses them with an endorsement or abstention).
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    if (!reasoned(form.getValues("stance"))) form.setValue("clauses", []);
    return submit(event);
  };
  const clausesError = (form.formState.errors.clauses as { message?: string } | undefined)?.message;

  const stanceError = (form.formState.errors.stance as { message?: string } | undefined)?.message;

  return (
    <>
      <div className="mb-6 bg-surface p-4">
        <h3 className="mb-1 text-lg font-bold">{t("currentTitle")}</h3>
        {position ? (
          <>
            <p>
              {position.current
                ? t("currentStance", { stance: tv(`stance.${position.stance}`), version: position.version })
                : t("currentEarlier", { stance: tv(`stance.${position.stance}`), version: position.version, current: currentVersion })}
            </p>
            {position.current || (concluded && !adheres(position.stance)) ? null : (
              <div className="mt-3">
                <Button
                  type="button"
                  variant="secondary"
                  // Stays off once done: the refreshed page no longer offers it.
                  pending={pending} disabled={reaffirm.isSuccess}
                  aria-describedby="reaffirm-hint"
                  onClick={() => {
                    setMessage(null);
                    reaffirm.mutate({ normId, organizationId: organization.id });
                  }}
                >
                  {t("reaffirm", { version: currentVersion })}
                </Button>
                <p id="reaffirm-hint" className="mt-2 text-base text-muted">
                  {t("reaffirmHint")}
                </p>
              </div>
            )}
          </>
        ) : (
          <p>{t("currentNone", { name: organization.name })}</p>
        )}
        {concluded && position && adheres(position.stance) ? <WithdrawAdherence normId={normId} organization={organization} /> : null}
      </div>

      <form method="post" onSubmit={onSubmit} noValidate>
        <FormErrors form={form} fields={["stance", "clauses", "statement"]} message={message} />
        <div className={cn("mb-6 sm:mb-8", stanceError && "border-s-4 border-destructive ps-4")} data-invalid={stanceError ? "true" : undefined}>
          <fieldset aria-describedby={["stance-hint", stanceError ? "stance-error" : null].filter(Boolean).join(" ")}>
            <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("stance")}</legend>
            <FieldHint id="stance-hint">{concluded ? t("adherenceHint", { name: organization.name }) : t("stanceHint", { name: organization.name })}</FieldHint>
            {stanceError ? (
              <FieldError id="stance-error" prefix={te("errorPrefix")}>
                {stanceError}
              </FieldError>
            ) : null}
            <div className="flex flex-col gap-4">
              {offered.map((stance, index) => {
                // The first radio carries the field's id, so the error summary can link to it.
                const id = index === 0 ? "stance" : `stance-${stance}`;
                return (
                  <div key={stance} className="flex items-start gap-3">
                    <input
                      type="radio"
                      id={id}
                      value={stance}
                      aria-describedby={`${id}-item-hint`}
                      aria-invalid={stanceError ? true : undefined}
                      className={radioClass}
                      {...form.register("stance")}
                    />
                    <div className="min-w-0 pt-0.5 sm:pt-0">
                      <label htmlFor={id} className="block cursor-pointer">
                        {tv(`stance.${stance}`)}
                      </label>
                      <div id={`${id}-item-hint`} className="text-base text-muted">
                        {tv(`stanceHint.${stance}`)}
                      </div>
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        {reasoned(stance) && clauses.length > 0 ? (
          <div className={cn("mb-6 sm:mb-8", clausesError && "border-s-4 border-destructive ps-4")} data-invalid={clausesError ? "true" : undefined}>
            <fieldset aria-describedby={["clauses-hint", clausesError ? "clauses-error" : null].filter(Boolean).join(" ")}>
              <legend className="mb-1 text-base leading-snug font-semibold sm:text-lg">{t("clauses")}</legend>
              <FieldHint id="clauses-hint">{t("clausesHint", { version: currentVersion })}</FieldHint>
              {clausesError ? (
                <FieldError id="clauses-error" prefix={te("errorPrefix")}>
                  {clausesError}
                </FieldError>
              ) : null}
              <div className="flex flex-col gap-4">
                {clauses.map((text, index) => {
                  const n = index + 1;
                  // The first box carries the field's id, so the error summary can link to it.
                  const id = index === 0 ? "clauses" : `clauses-${n}`;
                  return (
                    <div key={n} className="flex items-start gap-3">
                      <input
                        type="checkbox"
                        id={id}
                        name="clauses"
                        value={n}
                        checked={named.includes(n)}
                        onChange={(e) => toggleClause(n, e.target.checked)}
                        // Ticking needs the page's script (the form sends through it): until then it is visibly off.
                        disabled={!hydrated}
                        aria-invalid={clausesError ? true : undefined}
                        className={checkboxClass}
                      />
                      <label htmlFor={id} className="min-w-0 cursor-pointer pt-0.5 break-words sm:pt-0">
                        <span className="font-bold">{t("clauseNumber", { number: n })}</span>{" "}
                        <span className="text-muted">{clauseExcerpt(text, 120)}</span>
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ) : null}
        <TextareaField form={form} name="statement" label={t("statement")} hint={t("statementHint")} rows={6} maxLength={MAX_STATEMENT} />
        {organization.requiresCountersignature ? (
          <p className="mb-6 border-s-4 border-primary bg-surface p-4" data-testid="countersignature-note">
            {tc("countersignNote", { name: organization.name })}
          </p>
        ) : null}
        {draftSaved ? (
          <p className="mb-6 border-s-4 border-success bg-surface p-4" role="status" data-testid="draft-saved">
            {tc("draftSaved", { name: organization.name })}{" "}
            <Link href={`/organizations/${organization.slug}/clearance`}>{tc("draftLink")}</Link>
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-4">
          <Button type="submit" pending={record.isPending} disabled={pending}>
            {concluded ? t("submitAdherence") : t("submit")}
          </Button>
          {/* Sent by the page's script: until then it is visibly off. */}
          <Button type="button" variant="secondary" pending={saveDraft.isPending} disabled={pending || !hydrated} aria-describedby="save-draft-hint" onClick={() => void onSaveDraft()}>
            {tc("saveDraft")}
          </Button>
        </div>
        <p id="save-draft-hint" className="mt-2 text-base text-muted">
          {tc("saveDraftHint", { name: organization.name })}
        </p>
      </form>
    </>
  );
}

/** Ends the organisation's adherence to a concluded norm, after a confirmation; a reason is optional. */
function WithdrawAdherence({ normId, organization }: { normId: string; organization: ViewerOrganization }) {
  const t = useTranslations("positions.panel");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  // The trigger opens a dialog, which needs the page's script: until then it is visibly off.
  const hydrated = useHydrated();
  const dialog = useFormDialog(withdrawAdherenceInput, { normId, organizationId: organization.id, reason: "" });
  const withdraw = useMutation(
    trpc.positions.withdraw.mutationOptions({
      onSuccess: () => {
        dialog.close();
        toast.success(t("withdrawn", { name: organization.name }));
        router.refresh();
      },
      onError: dialog.fail,
    }),
  );
  const onSubmit = dialog.submit((values) => withdraw.mutate(values));
  return (
    <div className="mt-3">
      <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
        <DialogTrigger asChild>
          <Button type="button" variant="secondary" disabled={!hydrated} aria-describedby="withdraw-adherence-hint">
            {t("withdraw")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={tc("close")}>
          <DialogHeader>
            <DialogTitle>{t("withdrawTitle", { name: organization.name })}</DialogTitle>
            <DialogDescription>{t("withdrawDescription", { name: organization.name })}</DialogDescription>
          </DialogHeader>
          <form method="post" onSubmit={onSubmit} noValidate>
            <FormErrors form={dialog.form} fields={["reason"]} message={dialog.message} />
            <TextareaField form={dialog.form} name="reason" label={t("withdrawStatement")} hint={t("withdrawStatementHint")} rows={4} maxLength={MAX_STATEMENT} />
            <DialogActions>
              <Button type="submit" variant="destructive" pending={withdraw.isPending}>
                {t("withdrawConfirm")}
              </Button>
            </DialogActions>
          </form>
        </DialogContent>
      </Dialog>
      <p id="withdraw-adherence-hint" className="mt-2 text-base text-muted">
        {t("withdrawHint")}
      </p>
    </div>
  );
}

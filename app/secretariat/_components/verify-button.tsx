"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import { Label } from "~/app/_components/ui/label";
import { Textarea } from "~/app/_components/ui/textarea";
import { DescriptionList } from "~/app/_components/ui/description-list";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import type { DuplicateReason } from "~/server/domain/duplicates";
import { DialogActions } from "~/app/_components/dialog-actions";

export interface VerifyTarget {
  id: string;
  name: string;
  /** Already worded for display: stakeholder type, region and country. */
  type: string;
  region: string;
  country: string;
  /** Likely duplicates, each already worded with why it looks like one. */
  duplicates: { id: string; name: string; why: string }[];
  /** Its registered email domains not yet confirmed: the verifier ticks those to confirm. */
  domains?: { id: string; domain: string }[];
  /** Domains already confirmed. */
  confirmedDomains?: string[];
  /** Provisional representatives (issue 17), each with their confirmed addresses. */
  provisional?: { userId: string; name: string; addresses: string[] }[];
}

/**
 * Verifies an organisation after a confirmation that names it, its type, region and country, and
 * asks the verifier to acknowledge its likely duplicates: verifying counts it in every figure.
 * The server checks the same confirmation and may still refuse (a second verified state
 * organisation for a country, a name changed meanwhile); its message is shown in the dialog.
 */
export function VerifyButton({ organization, mode }: { organization: VerifyTarget; mode: "queue" | "again" }) {
  const t = useTranslations("secretariat");
  const tc = useTranslations("common.actions");
  const ns = mode === "queue" ? "verification" : "organizations";
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The domains ticked to confirm, and an exception's reason per provisional representative.
  const [ticked, setTicked] = useState<string[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  // Likely duplicates the server named on refusing (the organisations page does not list them).
  const [named, setNamed] = useState<VerifyTarget["duplicates"]>([]);
  const { name } = organization;
  const duplicates = [...organization.duplicates, ...named.filter((d) => !organization.duplicates.some((o) => o.id === d.id))];
  const verify = useMutation(
    trpc.verification.verify.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast.success(t(`${ns}.verified`, { name }));
        router.refresh();
      },
      onError: (e) => {
        setError(serverError(e).message);
        const refused = (e.data as { details?: { duplicates?: { id: string; name: string; reasons: string[] }[] } } | undefined)?.details?.duplicates;
        if (refused?.length) {
          setChecked(false);
          setNamed(refused.map((d) => ({ id: d.id, name: d.name, why: d.reasons.map((r) => t(`verification.reason.${r as DuplicateReason}`)).join("; ") })));
        }
      },
    }),
  );
  const needsAcknowledgement = duplicates.length > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
        setChecked(false);
        setTicked([]);
        setReasons({});
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" variant={mode === "queue" ? "default" : "secondary"} aria-label={t(`${ns}.verifyNamed`, { name })}>
          {t(`${ns}.verify`)}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tc("close")}>
        <DialogHeader>
          <DialogTitle>{t("verification.confirmTitle", { name })}</DialogTitle>
          <DialogDescription>{t("verification.confirmDescription")}</DialogDescription>
        </DialogHeader>
        <form
          method="post"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setError(null);
            verify.mutate({
              organizationId: organization.id,
              confirmName: name,
              acknowledgedDuplicateIds: checked ? duplicates.map((d) => d.id) : [],
              confirmDomainIds: ticked,
              exceptions: Object.entries(reasons)
                .filter(([, reason]) => reason.trim() !== "")
                .map(([userId, reason]) => ({ userId, reason })),
            });
          }}
        >
          {error ? (
            <Alert variant="destructive" role="alert" className="mb-4">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DescriptionList
            className="mb-4 sm:mb-4"
            items={[
              { id: "name", term: t("verification.name"), details: <span className="break-words">{name}</span> },
              { id: "type", term: t("verification.type"), details: organization.type },
              { id: "region", term: t("verification.region"), details: organization.region },
              { id: "country", term: t("verification.country"), details: organization.country },
            ]}
          />
          {organization.domains?.length || organization.confirmedDomains?.length ? (
            <fieldset className="mb-4">
              <legend className="mb-2 font-bold">{t("verification.domainsLegend")}</legend>
              {organization.confirmedDomains?.length ? (
                <p className="mb-2 text-muted">{t("verification.domainsConfirmed", { domains: organization.confirmedDomains.join(", ") })}</p>
              ) : null}
              {organization.domains?.map((d) => (
                <CheckboxField
                  key={d.id}
                  id={`domain-${organization.id}-${d.id}`}
                  checked={ticked.includes(d.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setTicked((list) => (on ? [...list, d.id] : list.filter((x) => x !== d.id)));
                  }}
                  label={t("verification.confirmDomain", { domain: d.domain })}
                />
              ))}
            </fieldset>
          ) : null}
          {organization.provisional?.length ? (
            <div className="mb-4">
              <p className="mb-2 font-bold">{t("verification.provisionalTitle")}</p>
              <p className="mb-3">{t("verification.provisionalLead")}</p>
              {organization.provisional.map((p) => (
                <div key={p.userId} className="mb-3">
                  <Label htmlFor={`exception-${organization.id}-${p.userId}`} className="font-semibold">
                    {t("verification.exceptionFor", { name: p.name })}
                  </Label>
                  <p id={`exception-${organization.id}-${p.userId}-hint`} className="mb-1 text-base text-muted break-words">
                    {p.addresses.length
                      ? t("verification.provisionalAddresses", { addresses: p.addresses.join(", ") })
                      : t("verification.provisionalNoAddress")}
                  </p>
                  <Textarea
                    id={`exception-${organization.id}-${p.userId}`}
                    aria-describedby={`exception-${organization.id}-${p.userId}-hint`}
                    rows={2}
                    maxLength={1000}
                    value={reasons[p.userId] ?? ""}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setReasons((r) => ({ ...r, [p.userId]: value }));
                    }}
                  />
                </div>
              ))}
            </div>
          ) : null}
          {needsAcknowledgement ? (
            <div className="mb-4 border-s-8 border-warning bg-warning-tint px-4 py-3">
              <p className="mb-2 font-bold">{t("verification.confirmDuplicates", { count: duplicates.length })}</p>
              <ul className="mb-3 list-disc space-y-1 ps-5">
                {duplicates.map((d) => (
                  <li key={d.id} className="break-words">
                    {d.name} <span className="text-muted">({d.why})</span>
                  </li>
                ))}
              </ul>
              <CheckboxField
                id={`ack-${organization.id}`}
                checked={checked}
                onChange={(e) => setChecked(e.currentTarget.checked)}
                label={t("verification.confirmAcknowledge", { name, count: duplicates.length })}
              />
            </div>
          ) : null}
          <DialogActions>
            <Button type="submit" pending={verify.isPending} disabled={needsAcknowledgement && !checked}>
              {t("verification.confirmSubmit", { name })}
            </Button>
          </DialogActions>
        </form>
      </DialogContent>
    </Dialog>
  );
}

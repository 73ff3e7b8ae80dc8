"use client";

import { useRouter } from "next/navigation";
import { localizePath } from "~/server/i18n/paths";
import { useFormatter, useTranslations, useLocale } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "~/app/_components/ui/dialog";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "~/app/_components/ui/table";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import type { MemberRole } from "~/server/schemas/vocabulary";
import { DialogActions } from "~/app/_components/dialog-actions";

interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: MemberRole;
  listed: boolean;
  since: Date;
  address: string | null;
  exceptionReason: string | null;
  reconfirmBy: Date | null;
}

interface Props {
  organizationId: string;
  organizationName: string;
  slug: string;
  members: Member[];
  actorId: string;
  /** A state or intergovernmental organisation: new representatives are nominated, and representations run twelve months. */
  yearly: boolean;
}

/** The organisation's members, with role changes and removal for its representatives. */
export function MembersTable({ organizationId, organizationName, slug, members, actorId, yearly }: Props) {
  const t = useTranslations("organizations.manage");
  const tv = useTranslations("vocabulary.memberRole");
  const tc = useTranslations("common.actions");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const locale = useLocale();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  // Someone who steps down or removes themselves can no longer see this page.
  const afterChange = (userId: string, stillRepresentative: boolean) => {
    if (userId === actorId && !stillRepresentative) router.push(localizePath(`/organizations/${slug}`, locale));
    else router.refresh();
  };
  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.displayName ?? "";

  const setRole = useMutation(
    trpc.organizations.setMemberRole.mutationOptions({
      onError: (error) => toast.error(serverError(error).message),
      onSuccess: (result, input) => {
        const name = nameOf(input.userId);
        toast.success(result.nominated ? t("nominated", { name }) : result.role === "representative" ? t("nowRepresentative", { name }) : t("nowMember", { name }));
        afterChange(input.userId, result.role === "representative");
      },
    }),
  );
  const remove = useMutation(
    trpc.organizations.removeMember.mutationOptions({
      onError: (error) => setRemoveError(serverError(error).message),
      onSuccess: (_result, input) => {
        setRemoving(null);
        toast.success(t("removed", { name: nameOf(input.userId) }));
        afterChange(input.userId, false);
      },
    }),
  );

  const details = (m: Member) => (
    <>
      <span className="font-bold">{m.displayName}</span>
      {m.userId === actorId ? <span className="text-muted"> {t("you")}</span> : null}
      <span className="block break-all text-muted">{m.email}</span>
      <span className="block text-base text-muted">
        {t("since", { date: format.dateTime(m.since, { dateStyle: "medium" }) })}
        {" · "}
        {m.listed ? t("listedYes") : t("listedNo")}
      </span>
      {m.role === "representative" ? (
        <span className="block text-base text-muted" data-testid="basis">
          {m.address
            ? t("basisAddress", { address: m.address })
            : m.exceptionReason
              ? m.reconfirmBy && !yearly
                ? t("basisReconfirm", { date: format.dateTime(m.reconfirmBy, { dateStyle: "medium" }) })
                : t("basisException", { reason: m.exceptionReason })
              : t("basisProvisional")}
        </span>
      ) : null}
      {m.role === "representative" && yearly && m.reconfirmBy ? (
        <span className="block text-base text-muted" data-testid="runs-until">
          {t("runsUntil", { date: format.dateTime(m.reconfirmBy, { dateStyle: "medium" }) })}
        </span>
      ) : null}
    </>
  );
  const actions = (m: Member) => {
    const nextRole: MemberRole = m.role === "representative" ? "member" : "representative";
    return (
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          pending={setRole.isPending}
          aria-label={
            nextRole === "representative"
              ? t(yearly ? "nominateLabel" : "makeRepresentativeLabel", { name: m.displayName })
              : t("makeMemberLabel", { name: m.displayName })
          }
          onClick={() => setRole.mutate({ organizationId, userId: m.userId, role: nextRole })}
        >
          {nextRole === "representative" ? t(yearly ? "nominate" : "makeRepresentative") : t("makeMember")}
        </Button>
        {m.role === "representative" && !m.address ? (
          // Ties the representation to a confirmed address at a confirmed domain (issue 17).
          <Button
            type="button"
            size="sm"
            variant="secondary"
            pending={setRole.isPending}
            aria-label={t("tieLabel", { name: m.displayName })}
            onClick={() => setRole.mutate({ organizationId, userId: m.userId, role: "representative" })}
          >
            {t("tie")}
          </Button>
        ) : null}
        <Button
          type="button"
          size="sm"
          variant="outline"
          aria-label={t("removeLabel", { name: m.displayName })}
          onClick={() => {
            setRemoveError(null);
            setRemoving(m);
          }}
        >
          {t("remove")}
        </Button>
      </div>
    );
  };

  return (
    <>
      {/* Narrow screens: one block per member; wider screens: a table. */}
      <ul className="border-t border-border sm:hidden" aria-label={t("membersCaption", { name: organizationName })}>
        {members.map((m) => (
          <li key={m.userId} className="border-b border-border py-4">
            <p className="mb-1">{details(m)}</p>
            <p className="mb-3">{t("roleIs", { role: tv(m.role) })}</p>
            {actions(m)}
          </li>
        ))}
      </ul>
      <Table containerClassName="hidden sm:block">
        <TableCaption className="sr-only">{t("membersCaption", { name: organizationName })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">{t("colName")}</TableHead>
            <TableHead scope="col">{t("colRole")}</TableHead>
            <TableHead scope="col">{t("colActions")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.userId}>
              <TableHead scope="row" className="font-normal">
                {details(m)}
              </TableHead>
              <TableCell>{tv(m.role)}</TableCell>
              <TableCell>{actions(m)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Dialog open={removing !== null} onOpenChange={(open) => (open ? null : setRemoving(null))}>
        <DialogContent closeLabel={tc("close")}>
          {removing ? (
            <>
              <DialogHeader>
                <DialogTitle>{t("removeTitle", { name: removing.displayName })}</DialogTitle>
                <DialogDescription>
                  {t("removeText", { name: removing.displayName, organization: organizationName })}
                </DialogDescription>
              </DialogHeader>
              {removeError ? (
                <Alert variant="destructive" role="alert">
                  <AlertDescription>{removeError}</AlertDescription>
                </Alert>
              ) : null}
              <DialogActions>
                <Button
                  type="button"
                  variant="destructive"
                  pending={remove.isPending}
                  onClick={() => remove.mutate({ organizationId, userId: removing.userId })}
                >
                  {t("removeConfirm")}
                </Button>
              </DialogActions>
            </>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}

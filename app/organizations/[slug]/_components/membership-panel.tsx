"use client";

import Link from "~/app/_components/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button, buttonVariants } from "~/app/_components/ui/button";
import { CheckboxField } from "~/app/_components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/app/_components/ui/dialog";
import { toast } from "~/app/_components/ui/toaster";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { requestJoinInput } from "~/server/schemas/organizations";
import type { MemberRole } from "~/server/schemas/vocabulary";
import { DialogActions } from "~/app/_components/dialog-actions";

interface Props {
  organizationId: string;
  organizationName: string;
  slug: string;
  /** False for an organisation the secretariat rejected: nobody can ask to join it. */
  canJoin: boolean;
  viewer: { kind: "visitor" } | { kind: "signedIn"; suspended: boolean };
  membership: { role: MemberRole; listed: boolean } | null;
  pendingRequest: { id: string; createdAt: Date } | null;
}

/** What the person looking at an organisation's page can do about belonging to it. */
export function MembershipPanel(props: Props) {
  const t = useTranslations("organizations.membership");
  const { viewer, membership } = props;
  if (membership && viewer.kind === "signedIn") {
    return (
      <Panel title={t("title")}>
        <p className="mb-6">{membership.role === "representative" ? t("representative") : t("member")}</p>
        {viewer.suspended ? <p>{t("suspended")}</p> : <MemberControls {...props} membership={membership} />}
      </Panel>
    );
  }
  if (!props.canJoin) return null;
  return (
    <Panel title={t("joinTitle")}>
      {viewer.kind === "visitor" ? (
        <>
          <p className="mb-6">{t("visitorText")}</p>
          <Link
            href={`/sign-in?next=${encodeURIComponent(`/organizations/${props.slug}`)}`}
            className={buttonVariants({ variant: "secondary" })}
          >
            {t("signIn")}
          </Link>
        </>
      ) : viewer.suspended ? (
        <p>{t("suspended")}</p>
      ) : props.pendingRequest ? (
        <PendingRequest requestId={props.pendingRequest.id} createdAt={props.pendingRequest.createdAt} />
      ) : (
        <JoinForm organizationId={props.organizationId} organizationName={props.organizationName} />
      )}
    </Panel>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="membership-heading" className="self-start border-t-4 border-primary pt-4">
      <h2 id="membership-heading" className="mb-4 text-xl font-bold sm:text-2xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

function JoinForm({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const t = useTranslations("organizations.membership");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useZodForm(requestJoinInput, { organizationId, message: "" });
  const ask = useMutation(
    trpc.organizations.requestJoin.mutationOptions({
      onError: (error) => setMessage(applyServerError(form, error)),
      onSuccess: () => {
        toast.success(t("asked", { name: organizationName }));
        router.refresh();
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => {
    setMessage(null);
    ask.mutate(values);
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormErrors form={form} fields={["message"]} message={message} />
      <TextareaField form={form} name="message" label={t("message")} hint={t("messageHint")} rows={4} maxLength={1000} />
      <Button type="submit" pending={ask.isPending} disabled={ask.isSuccess}>
        {t("ask")}
      </Button>
    </form>
  );
}

function PendingRequest({ requestId, createdAt }: { requestId: string; createdAt: Date }) {
  const t = useTranslations("organizations.membership");
  const format = useFormatter();
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useMutation(
    trpc.organizations.withdrawJoinRequest.mutationOptions({
      onError: (error) => toast.error(serverError(error).message),
      onSuccess: () => {
        toast.success(t("withdrawn"));
        router.refresh();
      },
    }),
  );
  return (
    <>
      <Alert variant="info" className="mb-6">
        <AlertDescription>
          <p>{t("pending", { date: format.dateTime(createdAt, { dateStyle: "long" }) })}</p>
        </AlertDescription>
      </Alert>
      <Button type="button" variant="secondary" pending={withdraw.isPending} onClick={() => withdraw.mutate({ requestId })}>
        {t("withdraw")}
      </Button>
    </>
  );
}

function MemberControls({
  organizationId,
  organizationName,
  membership,
}: Props & { membership: NonNullable<Props["membership"]> }) {
  const t = useTranslations("organizations.membership");
  const tc = useTranslations("common.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const [listed, setListedState] = useState(membership.listed);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [leaveError, setLeaveError] = useState<string | null>(null);

  const setListed = useMutation(
    trpc.organizations.setListed.mutationOptions({
      onError: (error, input) => {
        setListedState(!input.listed);
        toast.error(serverError(error).message);
      },
      onSuccess: (result) => {
        toast.success(result.listed ? t("listedOn") : t("listedOff"));
        router.refresh();
      },
    }),
  );
  const leave = useMutation(
    trpc.organizations.leave.mutationOptions({
      onError: (error) => setLeaveError(serverError(error).message),
      onSuccess: () => {
        setLeaveOpen(false);
        toast.success(t("left", { name: organizationName }));
        router.refresh();
      },
    }),
  );

  return (
    <>
      <CheckboxField
        id="listed"
        label={t("listed")}
        hint={t("listedHint")}
        checked={listed}
        disabled={setListed.isPending}
        onChange={(event) => {
          setListedState(event.target.checked);
          setListed.mutate({ organizationId, listed: event.target.checked });
        }}
        containerClassName="mb-8"
      />
      <Dialog
        open={leaveOpen}
        onOpenChange={(open) => {
          setLeaveOpen(open);
          setLeaveError(null);
        }}
      >
        <DialogTrigger asChild>
          <Button type="button" variant="secondary">
            {t("leave")}
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={tc("close")}>
          <DialogHeader>
            <DialogTitle>{t("leaveTitle", { name: organizationName })}</DialogTitle>
            <DialogDescription>{t("leaveText")}</DialogDescription>
          </DialogHeader>
          {leaveError ? (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{leaveError}</AlertDescription>
            </Alert>
          ) : null}
          <DialogActions>
            <Button
              type="button"
              variant="destructive"
              pending={leave.isPending}
              onClick={() => leave.mutate({ organizationId })}
            >
              {t("leave")}
            </Button>
          </DialogActions>
        </DialogContent>
      </Dialog>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { applyServerError, FormErrors, TextareaField, useZodForm } from "~/app/_components/form";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { cn } from "~/app/_components/ui/cn";
import { serverError, useMutation, useQuery, useTRPC } from "~/app/_trpc/react";
import { publishInput } from "~/server/schemas/stocktakes";

const steps = ["figures", "pdf", "csv", "saving", "done"] as const;
type Step = (typeof steps)[number];
const isStep = (s: string | undefined): s is Step => steps.includes(s as Step);

interface Props {
  year: number;
  /** The window must be closed before publishing. */
  closed: boolean;
  /** The current revision, when the report has been published. */
  current: { revision: number } | null;
  /** A publication already running when the page loaded (another tab, or another person). */
  running: boolean;
}

/**
 * Publishing: the first publication, or a correction with its erratum. While it runs, the last
 * recorded step is polled every half second and said in plain words in a live region.
 */
export function PublishPanel({ year, closed, current, running }: Props) {
  const t = useTranslations("stocktakeAdmin.publish");
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [published, setPublished] = useState<{ revision: number; sha256: string } | null>(null);
  const form = useZodForm(publishInput, { year, erratum: "" });
  // Someone else's run, seen on load or when our own attempt was refused as a conflict.
  const [watching, setWatching] = useState(running);
  const publish = useMutation(
    trpc.stocktakes.publish.mutationOptions({
      onSuccess: (result) => {
        setPublished({ revision: result.revision, sha256: result.sha256 });
        form.reset({ year, erratum: "" });
        toast.success(t("published", { revision: result.revision }));
        router.refresh();
      },
      onError: (error) => {
        const info = serverError(error);
        // "Already being published": follow that run instead.
        if (info.code === "CONFLICT") setWatching(true);
        setMessage(current ? applyServerError(form, error) : info.message);
      },
    }),
  );
  const polling = publish.isPending || watching;
  const progress = useQuery(trpc.stocktakes.publishProgress.queryOptions({ year }, { enabled: polling, refetchInterval: polling ? 500 : false }));
  const run = progress.data;
  useEffect(() => {
    if (watching && run && run.status !== "running") {
      setWatching(false);
      router.refresh();
    }
  }, [watching, run, router]);

  // What to say: the running step; "starting" until the run's first step is recorded; done once it succeeded.
  const step: Step | null = published && !publish.isPending ? "done" : polling ? (run?.status === "running" && isStep(run.step) ? run.step : "figures") : null;
  const busy = polling;

  const start = form.handleSubmit((values) => {
    setMessage(null);
    setPublished(null);
    if (current && !values.erratum?.trim()) {
      form.setError("erratum", { type: "required", message: t("erratumRequired") });
      return;
    }
    publish.mutate(current ? { year, erratum: values.erratum } : { year });
  });

  return (
    <div>
      {!closed ? <p className="mb-6">{t("closeFirst")}</p> : null}
      {closed && !current ? (
        <form method="post" noValidate onSubmit={start} className="mb-6">
          <p className="mb-4">{t("firstLead")}</p>
          {message ? (
            <Alert variant="destructive" role="alert" className="mb-6" data-testid="form-error">
              <AlertDescription>{message}</AlertDescription>
            </Alert>
          ) : null}
          <Button type="submit" pending={busy}>
            {t("publishFirst")}
          </Button>
        </form>
      ) : null}
      {current ? (
        <form method="post" noValidate onSubmit={start} className="mb-6">
          <p className="mb-4">{t("correctionLead", { revision: current.revision + 1 })}</p>
          <FormErrors form={form} fields={["erratum"]} message={message} />
          <TextareaField form={form} name="erratum" label={t("erratum")} hint={t("erratumHint")} rows={4} aria-required="true" />
          <Button type="submit" disabled={busy || !closed}>
            {t("publishCorrection")}
          </Button>
        </form>
      ) : null}

      <div role="status" aria-live="polite" aria-atomic="true" data-testid="publish-progress" className={cn(step ? "border-s-4 border-primary bg-surface px-4 py-3" : "")}>
        {step ? (
          <>
            <p className="text-lg font-bold">
              {step === "done" && published ? t("doneSentence", { revision: published.revision }) : t(`step.${step}`)}
            </p>
            {step === "done" && published ? <p className="mt-1 break-all text-muted">{t("hash", { sha256: published.sha256 })}</p> : null}
          </>
        ) : null}
      </div>
      {step ? (
        <ol className="mt-4 space-y-1" aria-label={t("stepsLabel")}>
          {steps.map((s, i) => {
            const reached = steps.indexOf(step);
            return (
              <li key={s} className={cn(i < reached ? "text-muted" : "", i === reached ? "font-bold" : "")} aria-current={i === reached ? "step" : undefined}>
                <span aria-hidden="true">{i < reached || step === "done" ? "✓ " : i === reached ? "→ " : "· "}</span>
                {t(`step.${s}`)}
                {i < reached || step === "done" ? <span className="sr-only"> {t("stepDone")}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}

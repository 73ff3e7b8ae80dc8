"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { serverError, useTRPC } from "~/app/_trpc/react";

/**
 * Verifies an organisation. The server may refuse (a second verified state organisation for a
 * country, say): its message is shown beside the button, on the item concerned.
 */
export function VerifyButton({
  organizationId,
  name,
  mode,
}: {
  organizationId: string;
  name: string;
  /** "queue": first verification; "again": restoring a revoked verification. */
  mode: "queue" | "again";
}) {
  const t = useTranslations("secretariat");
  const ns = mode === "queue" ? "verification" : "organizations";
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const verify = useMutation(
    trpc.verification.verify.mutationOptions({
      onSuccess: () => {
        setError(null);
        toast.success(t(`${ns}.verified`, { name }));
        router.refresh();
      },
      onError: (e) => setError(serverError(e).message),
    }),
  );
  return (
    <>
      <Button
        type="button"
        variant={mode === "queue" ? "default" : "secondary"}
        disabled={verify.isPending}
        aria-label={t(`${ns}.verifyNamed`, { name })}
        onClick={() => verify.mutate({ organizationId })}
      >
        {t(`${ns}.verify`)}
      </Button>
      {error ? (
        <Alert variant="destructive" role="alert" className="order-last basis-full">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}

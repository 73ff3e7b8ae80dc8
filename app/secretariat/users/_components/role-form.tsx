"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "~/app/_components/ui/toaster";
import { Alert, AlertDescription } from "~/app/_components/ui/alert";
import { Button } from "~/app/_components/ui/button";
import { Label } from "~/app/_components/ui/label";
import { NativeSelect } from "~/app/_components/ui/native-select";
import { serverError, useMutation, useTRPC } from "~/app/_trpc/react";
import { type UserRole, userRoles } from "~/server/schemas/vocabulary";

/** An administrator's control for one person's role; the server refuses changing one's own. */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: UserRole }) {
  const t = useTranslations("secretariat.users");
  const tv = useTranslations("vocabulary.userRole");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [selected, setSelected] = useState<UserRole>(role);
  const [error, setError] = useState<string | null>(null);
  const setRole = useMutation(
    trpc.users.setRole.mutationOptions({
      onSuccess: (result) => {
        setError(null);
        toast.success(t("roleChanged", { name, role: tv(result.role) }));
        router.refresh();
      },
      onError: (e) => setError(serverError(e).message),
    }),
  );
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setRole.mutate({ userId, role: selected });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor={id} className="mb-1">
            {t("role")}
            <span className="sr-only"> – {name}</span>
          </Label>
          <NativeSelect
            id={id}
            value={selected}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setSelected(e.target.value as UserRole)}
          >
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {tv(r)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary" pending={setRole.isPending}>
          {t("changeRole")}
          <span className="sr-only"> – {name}</span>
        </Button>
      </div>
      {error ? (
        <Alert variant="destructive" role="alert" id={`${id}-error`}>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
    </form>
  );
}

import { signOutAction } from "~/app/(auth)/actions";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="cursor-pointer text-background underline-offset-4 hover:underline">
        {label}
      </button>
    </form>
  );
}

"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "~/server/auth";
import { signInInput } from "~/server/schemas/accounts";

export type SignInResult = { error: "invalid" | "unverified" | "rate_limited"; retryAfterSeconds?: number } | undefined;

/** Only local paths, so a crafted link cannot send someone elsewhere after signing in. */
function safeNext(next: unknown) {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/account";
}

export async function signInAction(values: { email: string; password: string; next?: string }): Promise<SignInResult> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { error: "invalid" };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(values.next) });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "invalid";
      if (code.startsWith("rate_limited")) return { error: "rate_limited", retryAfterSeconds: Number(code.split(":")[1]) || 60 };
      return { error: code === "unverified" ? "unverified" : "invalid" };
    }
    throw error; // Next.js's redirect after a successful sign-in
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "~/server/auth";
import { signInInput } from "~/server/schemas/accounts";
import { safeCallbackUrl } from "./callback-url";

export type SignInResult =
  | { error: "invalid" | "unverified" | "rate_limited"; retryAfterSeconds?: number; redirectTo?: undefined }
  | { redirectTo: string; error?: undefined };

/**
 * Signs in and says where to go next: `callbackUrl` (validated again here: the action can be called
 * with any value), or the account page when the sign-in page was opened without one.
 */
export async function signInAction(values: { email: string; password: string; callbackUrl?: string }): Promise<SignInResult> {
  const parsed = signInInput.safeParse(values);
  if (!parsed.success) return { error: "invalid" };
  try {
    // A crafted link's callback that is not a path on this site lands where no callback does.
    const redirectTo = safeCallbackUrl(values.callbackUrl, "/account");
    // No redirect from here: the form loads the page itself, since a server action's redirect
    // lost the anchor (#new-comment) that brings someone back to the exact place.
    await signIn("credentials", { ...parsed.data, redirectTo, redirect: false });
    return { redirectTo };
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "invalid";
      if (code.startsWith("rate_limited")) return { error: "rate_limited", retryAfterSeconds: Number(code.split(":")[1]) || 60 };
      return { error: code === "unverified" ? "unverified" : "invalid" };
    }
    throw error;
  }
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

import { TRPCError } from "@trpc/server";

/** The TRPCError a call fails with; fails the test if the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

export const fieldErrorsOf = (error: TRPCError) => (error.cause as { fieldErrors?: Record<string, string> } | undefined)?.fieldErrors ?? {};

export const zodPaths = (error: TRPCError) =>
  ((error.cause as unknown as { issues?: { path: (string | number)[] }[] }).issues ?? []).map((i) => i.path.join("."));

/** The message of the input's validation issue at `path` (a zod error), if any. */
export const zodMessageAt = (error: TRPCError, path: string) =>
  ((error.cause as unknown as { issues?: { path: (string | number)[]; message: string }[] }).issues ?? []).find((i) => i.path.join(".") === path)?.message;

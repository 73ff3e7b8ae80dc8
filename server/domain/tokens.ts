import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/connect";
import { type EmailTokenPurpose, emailTokens } from "~/db/schema";
import { AppError } from "../errors";
import { clock } from "../clock";

// Each lifetime is longer than the window of the per-address mail limit (rate-limit.ts `mail`, one
// hour): when someone asks for mail to an address again and again, nothing new is sent once the
// limit is reached, but the last link sent, at most an hour old, still works past the window's
// end, when a new one can be sent again. So nobody can leave the owner without a working link.
export const tokenLifetimeMs: Record<EmailTokenPurpose, number> = {
  verify_email: 48 * 60 * 60 * 1000,
  reset_password: 2 * 60 * 60 * 1000,
  confirm_address: 48 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a single-use token; only its hash is stored. */
export async function issueToken(db: DbOrTx, userId: string, purpose: EmailTokenPurpose, now = clock.now(), userEmailId: string | null = null) {
  const token = randomBytes(32).toString("base64url");
  await db.insert(emailTokens).values({
    userId,
    purpose,
    userEmailId,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + tokenLifetimeMs[purpose]),
  });
  return token;
}

/** The token's row if the link can be used now, or an error saying why not. Changes nothing. */
export async function checkToken(db: DbOrTx, token: string, purpose: EmailTokenPurpose, now = clock.now()) {
  const row = await db.query.emailTokens.findFirst({
    where: and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.purpose, purpose)),
  });
  if (!row) throw new AppError("BAD_INPUT", "This link is not valid. Check you copied the whole link, or ask for a new one.");
  if (row.usedAt) throw new AppError("INVALID_STATE", "This link has already been used. Ask for a new one if you need it.");
  if (row.expiresAt <= now) throw new AppError("INVALID_STATE", "This link has expired. Ask for a new one.");
  return row;
}

/** Marks a token used and returns its user, or explains why the link cannot be used. */
export async function useToken(db: DbOrTx, token: string, purpose: EmailTokenPurpose, now = clock.now()) {
  const row = await checkToken(db, token, purpose, now);
  // The usedAt guard makes two simultaneous uses of one link succeed at most once.
  const used = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.id, row.id), isNull(emailTokens.usedAt)))
    .returning({ id: emailTokens.id });
  if (used.length === 0) throw new AppError("INVALID_STATE", "This link has already been used. Ask for a new one if you need it.");
  return row.userId;
}

/** Retires a person's other unused tokens of one purpose (e.g. after a reset succeeds). */
export async function retireTokens(db: DbOrTx, userId: string, purpose: EmailTokenPurpose, now = clock.now()) {
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}

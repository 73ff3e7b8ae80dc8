// Input schemas shared by the forms (react-hook-form) and the procedures, so both say the same.
import { z } from "zod";
import { LOCALES } from "../i18n/locales";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email address must be 254 characters or fewer.")
  .pipe(z.email("Enter an email address in the correct format, like name@example.org."));

export const newPasswordField = z
  .string()
  .min(12, "Password must be at least 12 characters.")
  .max(200, "Password must be 200 characters or fewer.");

// Line breaks, control characters and bidi overrides/isolates (which make a name read differently
// from how it is stored) have no place in a name. Zero-width joiners stay: some scripts need them.
const notOneLine = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

export const displayNameField = z
  .string()
  .trim()
  .min(1, "Enter your name as others will see it.")
  .max(80, "Name must be 80 characters or fewer.")
  .refine((name) => !notOneLine.test(name), "Name must be one line, without control characters.");

const tokenField = z.string().min(10, "This link is not valid.").max(200, "This link is not valid.");

/** One of the forum's six languages, by its code ("fr"). */
export const localeField = z.enum(LOCALES, { error: "Choose one of the forum's languages." });

export const signUpInput = z.strictObject({
  displayName: displayNameField,
  email: emailField,
  password: newPasswordField,
  /** The language of the page signed up on: the account's mail is in it (users.locale). */
  locale: localeField.optional().default("en"),
});

// Not strict: next-auth hands its credentials callback the whole form (csrfToken, callbackUrl),
// and this is no tRPC procedure's input.
export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200, "Password must be 200 characters or fewer."),
});

export const emailOnlyInput = z.strictObject({ email: emailField });
export const tokenInput = z.strictObject({ token: tokenField });
export const resetPasswordInput = z.strictObject({ token: tokenField, password: newPasswordField });

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: newPasswordField,
});

export const updateProfileInput = z.strictObject({ displayName: displayNameField });

/** The language the forum's mail to a person is written in. */
export const setLocaleInput = z.strictObject({ locale: localeField });

export const appealInput = z.strictObject({
  text: z
    .string()
    .trim()
    .min(20, "Explain your appeal in at least 20 characters.")
    .max(5000, "Appeal must be 5,000 characters or fewer."),
});

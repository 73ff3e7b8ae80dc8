// Inputs of verified representation (issue 17): a person's further addresses, an organisation's
// email domains, and the secretariat's exceptions.
import { z } from "zod";
import { emailField } from "./accounts";

// Mail services anyone can open an address at: an address there proves nothing about who sends it.
// Refused as an organisation's domain. A provider's other country domains (yahoo.co.uk) are caught by
// their first label.
const publicMailDomains = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
  "gmx.com", "gmx.net", "gmx.de", "web.de", "mail.com", "yandex.ru", "yandex.com", "mail.ru", "qq.com",
  "163.com", "126.com", "zoho.com", "tutanota.com", "tuta.io", "fastmail.com", "hey.com",
]);
const publicMailFirstLabels = new Set(["gmail", "googlemail", "outlook", "hotmail", "yahoo", "live", "gmx", "yandex"]);

export function isPublicMailDomain(domain: string): boolean {
  return publicMailDomains.has(domain) || publicMailFirstLabels.has(domain.split(".")[0] ?? "");
}

/**
 * Whether `domain` (lower case) is a plain DNS name: two or more labels of letters, digits and
 * hyphens, each 1–63 characters, not starting or ending with a hyphen, at most 253 characters in
 * all, and a last label that is not all digits (so no IP address). A loop over the characters, no
 * regular expression: linear in the length whatever is typed.
 */
export function isPlainDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) return false;
    if (label.startsWith("-") || label.endsWith("-")) return false;
    for (const c of label) {
      const ok = (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c === "-";
      if (!ok) return false;
    }
  }
  const last = labels[labels.length - 1]!;
  return ![...last].every((c) => c >= "0" && c <= "9");
}

/** The domain part of an address (after its last @), lower case. */
export const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

export const domainField = z
  .string({ error: "Enter a domain, like mfa.go.ke." })
  .trim()
  .toLowerCase()
  // A pasted address or web address gives its domain.
  .transform((v) => (v.includes("@") ? domainOf(v) : v.replace(/^https?:\/\//, "").replace(/\/.*$/s, "").replace(/\.$/, "")))
  .pipe(
    z
      .string()
      .min(1, "Enter a domain, like mfa.go.ke.")
      .max(253, "A domain is at most 253 characters.")
      .refine(isPlainDomain, "Enter a plain domain name, like mfa.go.ke: letters, digits, hyphens and dots, without spaces.")
      .refine(
        (v) => !isPublicMailDomain(v),
        "This is a public mail service anyone can open an address at, so it cannot show who speaks for an organisation. Register the organisation's own domain.",
      ),
  );

export const addAddressInput = z.strictObject({ email: emailField });
export const addressIdInput = z.strictObject({ addressId: z.uuid() });
export const confirmAddressInput = z.strictObject({
  token: z.string().min(10, "This link is not valid.").max(200, "This link is not valid."),
});

export const addDomainInput = z.strictObject({ organizationId: z.uuid(), domain: domainField });
export const domainIdInput = z.strictObject({ organizationId: z.uuid(), domainId: z.uuid() });

export const exceptionReasonField = z
  .string({ error: "Give the reason for the exception." })
  .trim()
  .min(10, "Give a reason of at least 10 characters; it is kept in the audit log.")
  .max(1000, "Reason must be 1,000 characters or fewer.");

export const recordExceptionInput = z.strictObject({ organizationId: z.uuid(), userId: z.uuid(), reason: exceptionReasonField });
/** The secretariat's answer to a nomination: approve, or decline saying why. */
export const decideNominationInput = z
  .strictObject({
    nominationId: z.uuid(),
    decision: z.enum(["approve", "decline"], { error: "Choose approve or decline." }),
    reason: z.string().trim().max(2000, "Reason must be 2,000 characters or fewer.").default(""),
  })
  .refine((v) => v.decision === "approve" || v.reason.length >= 10, { path: ["reason"], message: "Say why the nomination is declined (at least 10 characters)." });
export const nominationInput = z.strictObject({ organizationId: z.uuid(), nominationId: z.uuid() });
export const confirmDomainsInput = z.strictObject({
  organizationId: z.uuid(),
  domainIds: z.array(z.uuid()).min(1, "Tick at least one domain to confirm.").max(50),
});

/** For the registration form: one domain per line or separated by commas or spaces. */
export const domainListField = z
  .union([z.string().max(2000, "List at most a few domains."), z.array(z.string().max(300)).max(20, "Register at most 20 domains.")])
  .optional()
  .transform((v) => (typeof v === "string" ? v.split(/[\s,;]+/) : (v ?? [])).map((d) => d.trim()).filter((d) => d !== ""))
  .pipe(z.array(domainField).max(20, "Register at most 20 domains."))
  .transform((list) => [...new Set(list)]);

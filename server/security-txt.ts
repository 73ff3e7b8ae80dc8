// /.well-known/security.txt (RFC 9116) and the contact the /security page shows: where to report
// a vulnerability, for people and for tools that look for it.

/** How far ahead Expires lies: about six months, well inside the year RFC 9116 recommends. */
export const EXPIRES_AFTER_DAYS = 183;

export const PREFERRED_LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"] as const;

/** SECURITY_CONTACT, or security@ the host people reach the forum on. */
export function securityContact(settings: { contact?: string; appUrl: string }): string {
  return settings.contact ?? `mailto:security@${new URL(settings.appUrl).hostname}`;
}

/**
 * Expires is computed from the moment of the request (so the file never goes stale, whenever the
 * app was built or started), rounded down to midnight UTC so it changes once a day.
 */
export function securityTxtExpiry(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(day + EXPIRES_AFTER_DAYS * 24 * 60 * 60 * 1000);
}

export function securityTxt(settings: { contact?: string; appUrl: string; now: Date }): string {
  const at = (path: string) => new URL(path, settings.appUrl).href;
  return [
    "# Norms Forum: how to report a security vulnerability.",
    `# What is in scope, how to test and what we promise in return: ${at("/security")}`,
    `Contact: ${securityContact(settings)}`,
    `Expires: ${securityTxtExpiry(settings.now).toISOString().replace(".000Z", "Z")}`,
    `Preferred-Languages: ${PREFERRED_LANGUAGES.join(", ")}`,
    `Canonical: ${at("/.well-known/security.txt")}`,
    `Policy: ${at("/security")}`,
    "",
  ].join("\n");
}

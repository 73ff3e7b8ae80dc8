import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// The "known device" cookie: set when someone signs in successfully, it lets that browser keep
// signing in to the same accounts while an account is under attack from elsewhere (see
// docs/security.md, "Sign-in throttling"). It is signed, so it cannot be made up; it holds a
// random device id and the ids of the accounts signed in from this browser, nothing else.

export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
const MAX_ACCOUNTS = 10;

export const deviceCookieName = (secure: boolean) => (secure ? "__Host-nf-device" : "nf-device");

export interface KnownDevice {
  id: string;
  userIds: string[];
}

const sign = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(`known-device:${payload}`).digest("base64url");

export function readKnownDevice(secret: string, value: string | undefined): KnownDevice | null {
  if (!value || value.length > 2000) return null;
  const dot = value.lastIndexOf(".");
  if (dot < 0) return null;
  const payload = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  const expected = Buffer.from(sign(secret, payload), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { d?: unknown; u?: unknown };
    if (typeof parsed.d !== "string" || !Array.isArray(parsed.u) || !parsed.u.every((u) => typeof u === "string")) return null;
    return { id: parsed.d, userIds: parsed.u as string[] };
  } catch {
    return null;
  }
}

/** The cookie value after `userId` signed in on this device (a new device when there was none). */
export function rememberDevice(secret: string, device: KnownDevice | null, userId: string): string {
  const id = device?.id ?? randomBytes(16).toString("base64url");
  const userIds = [userId, ...(device?.userIds ?? []).filter((u) => u !== userId)].slice(0, MAX_ACCOUNTS);
  const payload = Buffer.from(JSON.stringify({ d: id, u: userIds })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/env.js";

let cached: string | undefined;

/**
 * AUTH_SECRET, required in production. Elsewhere, when unset, one is generated once and kept in
 * the local data folder, so `npm run dev` needs no configuration and sessions survive restarts.
 */
export function getAuthSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cached) return cached;
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production. Generate one with: openssl rand -base64 33");
  }
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch {
      // Another process wrote it first; read theirs.
    }
    cached = readFileSync(file, "utf8").trim();
  }
  return cached;
}

import { env } from "~/env.js";
import { requestOrigin, resolveAppUrl } from "./request-origin";

/**
 * The site's public address for absolute links (mail, open data, citations, security.txt), without
 * a trailing slash. See resolveAppUrl: APP_URL, or in development the request's own origin.
 */
export function appUrl(): string {
  return resolveAppUrl({ appUrl: env.APP_URL, nodeEnv: env.NODE_ENV, origin: requestOrigin(), port: process.env.PORT });
}

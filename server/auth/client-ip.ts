import { logger } from "../logger";
import { clientAddress } from "./client-address";

let warned = false;

/**
 * The client's address as server.ts reported it, or null when unknown. Unknown means the app was
 * started without server.ts (plain `next start`): per-address limits then apply to all such
 * requests together (rate-limit.ts addressKey), so say so once.
 */
export function clientIp(headers: Headers): string | null {
  const address = clientAddress(headers);
  if (!address && !warned) {
    warned = true;
    logger.warn("client address unknown: start the app with `npm start` (server.ts) so per-address limits can tell clients apart");
  }
  return address;
}

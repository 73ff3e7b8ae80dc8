import { env } from "~/env.js";
import { appUrl } from "~/server/app-url";
import { securityTxt } from "~/server/security-txt";
import { clock } from "~/server/clock";

// Computed on each request: Expires is always about six months ahead, never the build's date.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response(securityTxt({ contact: env.SECURITY_CONTACT, appUrl: appUrl(), now: clock.now() }), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

import { env } from "~/env.js";
import { appUrl } from "~/server/app-url";
import { securityTxt } from "~/server/security-txt";

// Computed on each request: Expires is always about six months ahead, never the build's date.
export const dynamic = "force-dynamic";

export function GET() {
  return new Response(securityTxt({ contact: env.SECURITY_CONTACT, appUrl: appUrl(), now: new Date() }), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}

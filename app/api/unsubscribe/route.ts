// RFC 8058 one-click unsubscribe: the mail's List-Unsubscribe address. A mail client POSTs
// "List-Unsubscribe=One-Click" here; the signed token in the address says whose mail, and which
// categories, stop. No sign-in and no cookie: the token is the authority. A GET (a link scanner, or
// a person pasting the address) changes nothing and shows the page with its button instead.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getTranslations } from "next-intl/server";
import { appRouter } from "~/server/root";
import { createRequestContext } from "~/server/context";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    const caller = appRouter.createCaller(await createRequestContext(request.headers));
    await caller.mail.unsubscribe({ token });
    const t = await getTranslations("notifications.unsubscribe");
    return new Response(`${t("oneClickDone")}\n`, { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return new Response(`${error.message}\n`, { status: getHTTPStatusCodeFromError(error), headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
}

export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: `/unsubscribe?token=${encodeURIComponent(token)}`, "Cache-Control": "no-store" } });
}

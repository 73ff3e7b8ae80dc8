import { TRPCError } from "@trpc/server";
import { api } from "~/app/_trpc/server";
import { isDatabaseUnavailable, RETRY_AFTER_UNAVAILABLE_SECONDS } from "~/server/errors";
import { logger } from "~/server/logger";

export const dynamic = "force-dynamic";

// Personal data: never stored by a browser cache or a proxy, and downloaded as a file.
const privateHeaders = { "Cache-Control": "private, no-store" };

/** The signed-in person's data as one JSON file, through account.export (policy, then domain). */
export async function GET() {
  try {
    const data = await api.account.export();
    const day = data.exportedAt.toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        ...privateHeaders,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="norms-forum-my-data-${day}.json"`,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "NOT_FOUND")) {
      return Response.json({ error: { message: "Sign in to download your data." } }, { status: 401, headers: privateHeaders });
    }
    if (isDatabaseUnavailable(error)) {
      return Response.json(
        { error: { message: "The forum is briefly unavailable. Please try again in a few seconds." } },
        { status: 503, headers: { ...privateHeaders, "Retry-After": String(RETRY_AFTER_UNAVAILABLE_SECONDS) } },
      );
    }
    logger.error({ err: error }, "personal data export failed");
    return Response.json({ error: { message: "Something went wrong on our side. Please try again." } }, { status: 500, headers: privateHeaders });
  }
}

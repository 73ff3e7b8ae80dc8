import type { NextRequest } from "next/server";
import { handlers } from "~/server/auth";

// Every answer here depends on the session or sets a cookie (session, CSRF token, sign-in and
// sign-out), so none may be stored. next-auth marks only some of them.
const privately =
  (handler: (req: NextRequest) => Promise<Response>) =>
  async (req: NextRequest): Promise<Response> => {
    const response = await handler(req);
    // Redirects come with immutable headers, so answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set("Cache-Control", "private, no-store");
    return copy;
  };

export const GET = privately(handlers.GET);
export const POST = privately(handlers.POST);

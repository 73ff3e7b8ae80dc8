import { createRequestContext } from "~/server/context";
import { createTrpcHandler } from "./handler";

/** /api/trpc: the route's handler, which server.ts also serves without Next.js's router (server/trpc-direct.ts). */
export const trpcRequestHandler = createTrpcHandler((req) => createRequestContext(req.headers));

import { createRequestContext } from "~/server/context";
import { createTrpcHandler } from "./handler";

const handler = createTrpcHandler((req) => createRequestContext(req.headers));

export { handler as GET, handler as POST };

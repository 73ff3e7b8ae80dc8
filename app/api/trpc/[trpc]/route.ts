import { trpcRequestHandler } from "./request-handler";

export { trpcRequestHandler as GET, trpcRequestHandler as POST };

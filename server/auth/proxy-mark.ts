// Where server.ts keeps its per-process mark (see ./client-address.ts). Apart so that
// instrumentation.ts, which is also compiled for the edge runtime, can read it without node:crypto.

export const markKey = Symbol.for("norms-forum.proxy-mark");
export type WithMark = typeof globalThis & { [markKey]?: string };

/** The mark, or undefined when the app runs without server.ts (plain `next start`). */
export const currentProxyMark = (): string | undefined => (globalThis as WithMark)[markKey];

// The PDF thread's entry (see ./in-worker.ts): loads the TypeScript renderer through tsx, as
// server.ts is loaded, then ./worker.ts does the work.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");

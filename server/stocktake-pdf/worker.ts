// The PDF renderer's thread (see ./in-worker.ts): renders each report it is sent and sends the bytes
// back. Runs with the tsx loader, like server.ts.
import { parentPort } from "node:worker_threads";
import type { Snapshot } from "../domain/stocktake-snapshot";
import { renderReportPdf } from "./render";

if (!parentPort) throw new Error("server/stocktake-pdf/worker.ts runs as a worker thread");
const port = parentPort;

port.on("message", async ({ id, snapshot, sha256 }: { id: number; snapshot: Snapshot; sha256: string }) => {
  try {
    const pdf = await renderReportPdf(snapshot, sha256);
    // A view of its own ArrayBuffer, handed over rather than copied.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// The PDF renderer's thread (see ./in-worker.ts): renders each report it is sent and sends the bytes
// back. Runs with the tsx loader, like server.ts.
import { parentPort } from "node:worker_threads";
import type { Snapshot } from "../domain/stocktake-snapshot";
import type { Locale } from "../i18n/locales";
import { type ClearanceDocument, renderClearancePdf } from "../clearance-pdf/render";
import { renderReportPdf } from "./render";

if (!parentPort) throw new Error("server/stocktake-pdf/worker.ts runs as a worker thread");
const port = parentPort;

// A report (snapshot, hash and the language of its fixed text), or an organisation's entry in clearance (server/clearance-pdf).
type Job = { id: number; snapshot: Snapshot; sha256: string; locale?: Locale; clearance?: undefined } | { id: number; clearance: ClearanceDocument };

port.on("message", async (job: Job) => {
  const id = job.id;
  try {
    const pdf = job.clearance ? await renderClearancePdf(job.clearance) : await renderReportPdf(job.snapshot, job.sha256, job.locale);
    // A view of its own ArrayBuffer, handed over rather than copied.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

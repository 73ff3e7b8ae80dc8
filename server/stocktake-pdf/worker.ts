// The PDF renderer's thread (see ./in-worker.ts): renders each report it is sent and sends the bytes
// back. Runs with the tsx loader, like server.ts.
import { parentPort } from "node:worker_threads";
import type { Snapshot } from "../domain/stocktake-snapshot";
import type { Locale } from "../i18n/locales";
import { type ClearanceDocument, renderClearancePdf } from "../clearance-pdf/render";
import { sampleSnapshot } from "./fixture";
import { renderReportPdf } from "./render";

if (!parentPort) throw new Error("server/stocktake-pdf/worker.ts runs as a worker thread");
const port = parentPort;

// A report (snapshot, hash and the language of its fixed text), an organisation's entry in clearance
// (server/clearance-pdf), or a warm-up: the PDF tests' sample report, rendered and thrown away, so
// that the thread has loaded the renderer and its fonts before a publication asks for a report.
type Job =
  | { id: number; snapshot: Snapshot; sha256: string; locale?: Locale; clearance?: undefined; warm?: undefined }
  | { id: number; clearance: ClearanceDocument; warm?: undefined }
  | { id: number; warm: true; clearance?: undefined };

async function render(job: Job) {
  if (job.warm) {
    const { snapshot, hash } = sampleSnapshot();
    return renderReportPdf(snapshot, hash);
  }
  return job.clearance ? renderClearancePdf(job.clearance) : renderReportPdf(job.snapshot, job.sha256, job.locale);
}

port.on("message", async (job: Job) => {
  const id = job.id;
  try {
    const pdf = await render(job);
    // A view of its own ArrayBuffer, handed over rather than copied.
    const bytes = new Uint8Array(pdf.byteLength);
    bytes.set(pdf);
    port.postMessage({ id, pdf: bytes }, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

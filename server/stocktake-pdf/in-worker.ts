// The report's PDF rendered on a thread of its own. A large report takes seconds of layout; on the
// request's thread that would stall every other request the instance serves meanwhile. The thread
// also gets a larger young generation: the layout makes many short-lived objects, and with V8's
// default most of its time went to collecting them (docs/performance.md, "The PDF").
//
// One thread, started when first needed and ended after a minute unused; reports are rendered one
// at a time, in the order asked. The bytes are the same as renderReportPdf's in process
// (tests/stocktake-pdf-worker.test.ts).
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ClearanceDocument } from "../clearance-pdf/render";
import type { Snapshot } from "../domain/stocktake-snapshot";
import type { Locale } from "../i18n/locales";

const IDLE_MS = 60_000;
/** Megabytes of young generation for the thread (V8's default is 16 to 32). */
const YOUNG_GENERATION_MB = 64;

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function start(): Worker {
  // By path from the project root, not bundled: the thread loads the renderer with tsx, as server.ts is.
  const started = new Worker(path.join(process.cwd(), "server", "stocktake-pdf", "worker-entry.mjs"), {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    env: process.env,
  });
  started.on("message", (message: { id: number; pdf?: Uint8Array; error?: string }) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.pdf) p.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
    else p.reject(new Error(`Rendering the report's PDF failed: ${message.error ?? "unknown error"}`));
    if (pending.size === 0) scheduleIdle();
  });
  started.on("error", (error) => {
    worker = null;
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) worker = null;
    if (pending.size) failAll(new Error(`The PDF renderer stopped (exit code ${code}).`));
  });
  started.unref();
  return started;
}

function scheduleIdle() {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => {
    idle = null;
    if (pending.size === 0 && worker) {
      const ending = worker;
      worker = null;
      void ending.terminate();
    }
  }, IDLE_MS);
  idle.unref();
}

/**
 * The report as PDF bytes, rendered on the PDF thread, its fixed text in the given language
 * (English by default): the same bytes as renderReportPdf gives.
 */
export function renderReportPdfInWorker(snapshot: Snapshot, sha256: string, locale: Locale = "en"): Promise<Buffer> {
  if (idle) {
    clearTimeout(idle);
    idle = null;
  }
  worker ??= start();
  const id = ++nextId;
  const result = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, snapshot, sha256, locale });
  return result;
}

/** An organisation's entry in clearance as PDF bytes (server/clearance-pdf), on the same thread. */
export function renderClearancePdfInWorker(document: ClearanceDocument): Promise<Buffer> {
  if (idle) {
    clearTimeout(idle);
    idle = null;
  }
  worker ??= start();
  const id = ++nextId;
  const result = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
  worker.postMessage({ id, clearance: document });
  return result;
}

/** Ends the thread now (tests, shutdown). */
export async function stopPdfWorker() {
  if (idle) clearTimeout(idle);
  idle = null;
  const ending = worker;
  worker = null;
  if (ending) await ending.terminate();
}

// The report's PDF rendered on a thread of its own. A large report takes seconds of layout; on the
// request's thread that would stall every other request the instance serves meanwhile. The thread
// also gets a larger young generation: the layout makes many short-lived objects, and with V8's
// default most of its time went to collecting them (docs/performance.md, "The PDF").
//
// One thread, started when first needed (or warmed before a publication: warmPdfWorker) and ended
// after a minute unused; reports are rendered one at a time, in the order asked. The bytes are the
// same as renderReportPdf's in process (tests/stocktake-pdf-worker.test.ts).
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ClearanceDocument } from "../clearance-pdf/render";
import type { Snapshot } from "../domain/stocktake-snapshot";
import type { Locale } from "../i18n/locales";
import { logger } from "../logger";

const IDLE_MS = 60_000;
/** How long a warm-up keeps the thread unused: long enough to read the preview and publish. */
const WARM_KEEP_MS = 15 * 60_000;
/** Megabytes of young generation for the thread (V8's default is 16 to 32). */
const YOUNG_GENERATION_MB = 64;

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
let nextId = 0;
/** Until when (performance.now(), monotonic) the thread is kept unused, set by a warm-up; otherwise a minute after its last job. */
let keepUntil = 0;
/** The end of the running thread's first job, which loads the renderer; after it the thread is warm. */
let firstJob: Promise<void> | null = null;
let warm = false;
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
    dropThread();
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) dropThread();
    if (pending.size) failAll(new Error(`The PDF renderer stopped (exit code ${code}).`));
  });
  started.unref();
  return started;
}

const noop = () => undefined;

/** Forgets the running thread (and whether it was warm); gives it back, to be ended. */
function dropThread() {
  const dropped = worker;
  worker = null;
  firstJob = null;
  warm = false;
  return dropped;
}

function scheduleIdle() {
  if (idle) clearTimeout(idle);
  // A minute unused, or longer where a warm-up asked the thread to wait for a publication.
  idle = setTimeout(
    () => {
      idle = null;
      if (pending.size === 0) void dropThread()?.terminate();
    },
    Math.max(IDLE_MS, keepUntil - performance.now()),
  );
  idle.unref();
}

/** Sends a job to the thread (started if needed); the bytes it renders, when it has. */
function send(job: { snapshot: Snapshot; sha256: string; locale: Locale } | { clearance: ClearanceDocument } | { warm: true }): Promise<Buffer> {
  if (idle) {
    clearTimeout(idle);
    idle = null;
  }
  const id = ++nextId;
  const result = new Promise<Buffer>((resolve, reject) => pending.set(id, { resolve, reject }));
  if (!worker) {
    worker = start();
    const settle = () => {
      if (firstJob === done) warm = true;
    };
    const done = result.then(settle, settle);
    firstJob = done;
  }
  worker.postMessage({ id, ...job });
  return result;
}

/**
 * The report as PDF bytes, rendered on the PDF thread, its fixed text in the given language
 * (English by default): the same bytes as renderReportPdf gives.
 */
export function renderReportPdfInWorker(snapshot: Snapshot, sha256: string, locale: Locale = "en"): Promise<Buffer> {
  return send({ snapshot, sha256, locale });
}

/** An organisation's entry in clearance as PDF bytes (server/clearance-pdf), on the same thread. */
export function renderClearancePdfInWorker(document: ClearanceDocument): Promise<Buffer> {
  return send({ clearance: document });
}

/**
 * Readies the thread for a publication that may follow (docs/performance.md, "The PDF thread
 * warmed before publishing"): starts it if it is not running and has it render the PDF tests'
 * sample report, so that the renderer's modules, fonts and compiled code are loaded when the
 * report is asked for, and keeps it WARM_KEEP_MS after this call rather than a minute. A running
 * thread is only kept longer: its first job warmed it. Resolves once the thread is warm; a failed
 * warm-up is logged, not thrown (publishing starts a thread of its own if it must).
 */
export function warmPdfWorker(): Promise<void> {
  keepUntil = performance.now() + WARM_KEEP_MS;
  if (worker && firstJob) {
    if (pending.size === 0) scheduleIdle();
    return firstJob;
  }
  return send({ warm: true }).then(noop, (error: unknown) => logger.warn({ err: error }, "warming the PDF thread failed; a publication starts one of its own"));
}

/** Whether the thread runs, whether its first job is done, and how long it is kept unused (tests, operations). */
export function pdfWorkerState() {
  return { running: worker !== null, warm: worker !== null && warm, keptForMs: Math.max(IDLE_MS, keepUntil - performance.now()) };
}

/** Ends the thread now (tests, shutdown). */
export async function stopPdfWorker() {
  if (idle) clearTimeout(idle);
  idle = null;
  keepUntil = 0;
  await dropThread()?.terminate();
}

// The PDF thread gives the same bytes as rendering in process, renders reports one after another on
// one thread, and reports a failure as a failure of that report only.
import { afterAll, describe, expect, it } from "vitest";
import type { Snapshot } from "~/server/domain/stocktake-snapshot";
import { sampleSnapshot } from "./fixture";
import { pdfWorkerState, renderReportPdfInWorker, stopPdfWorker, warmPdfWorker } from "./in-worker";
import { renderReportPdf } from "./render";

afterAll(() => stopPdfWorker());

describe("the report's PDF on its own thread", () => {
  it("is byte for byte the PDF rendered in process, for reports asked at once", async () => {
    const { snapshot, hash } = sampleSnapshot();
    const inProcess = await renderReportPdf(snapshot, hash);
    const [first, second] = await Promise.all([renderReportPdfInWorker(snapshot, hash), renderReportPdfInWorker(snapshot, hash)]);
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(first.equals(inProcess)).toBe(true);
    expect(second.equals(inProcess)).toBe(true);
  });

  it("fails the report that cannot be rendered, and renders the next", async () => {
    const { snapshot, hash } = sampleSnapshot();
    const broken = { ...snapshot, items: null } as unknown as Snapshot;
    await expect(renderReportPdfInWorker(broken, hash)).rejects.toThrow(/Rendering the report's PDF failed/);
    expect((await renderReportPdfInWorker(snapshot, hash)).equals(await renderReportPdf(snapshot, hash))).toBe(true);
  });

  it("is warmed before a publication: started, the sample rendered, and kept for a quarter of an hour", async () => {
    await stopPdfWorker();
    expect(pdfWorkerState()).toMatchObject({ running: false, warm: false, keptForMs: 60_000 });
    const warming = warmPdfWorker();
    expect(pdfWorkerState()).toMatchObject({ running: true, warm: false });
    await warming;
    const state = pdfWorkerState();
    expect(state).toMatchObject({ running: true, warm: true });
    expect(state.keptForMs).toBeGreaterThan(14 * 60_000);
    // The warm thread renders the next report, byte for byte as in process.
    const { snapshot, hash } = sampleSnapshot();
    expect((await renderReportPdfInWorker(snapshot, hash)).equals(await renderReportPdf(snapshot, hash))).toBe(true);
  });

  it("counts a running thread as warm once its first report is done, and only keeps it longer", async () => {
    await stopPdfWorker();
    const { snapshot, hash } = sampleSnapshot();
    const first = renderReportPdfInWorker(snapshot, hash);
    expect(pdfWorkerState()).toMatchObject({ running: true, warm: false, keptForMs: 60_000 });
    // Resolves when the first report is done: no sample is rendered behind it.
    await warmPdfWorker();
    expect(pdfWorkerState()).toMatchObject({ running: true, warm: true });
    expect(pdfWorkerState().keptForMs).toBeGreaterThan(14 * 60_000);
    expect((await first).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

// The PDF thread gives the same bytes as rendering in process, renders reports one after another on
// one thread, and reports a failure as a failure of that report only.
import { afterAll, describe, expect, it } from "vitest";
import type { Snapshot } from "~/server/domain/stocktake-snapshot";
import { sampleSnapshot } from "./fixture";
import { renderReportPdfInWorker, stopPdfWorker } from "./in-worker";
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
});

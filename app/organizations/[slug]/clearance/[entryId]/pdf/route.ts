// An organisation's draft or pending entry as a PDF, for clearing it inside the organisation.
// Representatives only: the procedure refuses everyone else (401, 403, or 404 for an entry that
// is not theirs to see). Rendered on the PDF thread (server/stocktake-pdf/in-worker.ts).
import { TRPCError } from "@trpc/server";
import { api } from "~/app/_trpc/server";
import { clearanceDocumentOf } from "~/server/clearance-pdf/document";
import { renderClearancePdfInWorker } from "~/server/stocktake-pdf/in-worker";
import { clock } from "~/server/clock";
import { appUrl } from "~/server/app-url";

const statusOf: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 404 };

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; entryId: string }> }) {
  const { slug, entryId } = await params;
  try {
    const entry = await api.clearance.entry({ entryId });
    if (entry.organization.slug !== slug) return new Response("Not found.", { status: 404 });
    const url = `${appUrl()}/organizations/${slug}/clearance/${entry.id}`;
    const pdf = await renderClearancePdfInWorker(clearanceDocumentOf(entry, url, clock.now()));
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${entry.kind}-${entry.id.slice(0, 8)}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && statusOf[error.code]) return new Response(error.message, { status: statusOf[error.code], headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
}

// An organisation's draft or pending entry as a PDF, for clearing it inside a ministry or company
// before it is submitted or countersigned (issue 17). Rendered like the stock-take report
// (server/stocktake-pdf/render.ts): plain Node on the PDF thread, the report's fonts, createElement
// rather than JSX. It is marked as not published, and names who entered it: it is an internal
// document of the organisation, never part of the public record.
import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { createElement, type ReactNode } from "react";
import { registerReportFonts, SANS } from "../stocktake-pdf/fonts";
import { pdfSafe } from "../stocktake-pdf/text";

/** What the PDF shows: plain data, so it crosses to the PDF thread as it is. */
export interface ClearanceDocument {
  organization: string;
  kind: "position" | "statement" | "reply";
  state: string;
  target: string;
  /** The norm's text version the position would be given on, or the stock-take's year. */
  context: string | null;
  /** Label and value pairs: the stance or status, clauses, statement, links, reply text. */
  fields: { label: string; value: string }[];
  enteredBy: string;
  updatedAt: string;
  lapsesAt: string | null;
  generatedAt: string;
  url: string;
}

const INK = "#0b0c0c";
const MUTED = "#505a5f";
const RULE = "#b1b4b6";

const s = StyleSheet.create({
  page: { paddingTop: 56, paddingBottom: 70, paddingHorizontal: 56, fontFamily: SANS, fontSize: 11, lineHeight: 1.45, color: INK },
  banner: { borderWidth: 1.5, borderColor: INK, padding: 8, marginBottom: 18, fontSize: 10, fontWeight: 700 },
  caption: { fontSize: 10, color: MUTED, marginBottom: 4 },
  title: { fontSize: 20, fontWeight: 700, marginBottom: 14 },
  label: { fontSize: 10, fontWeight: 700, marginTop: 12, marginBottom: 3 },
  value: { fontSize: 11 },
  meta: { marginTop: 24, paddingTop: 8, borderTopWidth: 0.5, borderTopColor: RULE, fontSize: 9, color: MUTED },
  footer: { position: "absolute", bottom: 28, left: 56, right: 56, fontSize: 8, color: MUTED, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 6 },
});

const kindTitles = { position: "Position", statement: "Implementation statement", reply: "Reply to an observation" } as const;
const el = (type: unknown, props: Record<string, unknown> | null, ...children: ReactNode[]) =>
  createElement(type as Parameters<typeof createElement>[0], props, ...children);

function clearanceDocument(d: ClearanceDocument) {
  const text = (value: string) => pdfSafe(value);
  return el(
    Document,
    { title: text(`${kindTitles[d.kind]}: ${d.target}`), author: text(d.organization), creator: "Norms Forum", producer: "Norms Forum" },
    el(
      Page,
      { size: "A4", style: s.page },
      el(Text, { style: s.banner }, text(`Not published. ${d.state}. For clearance inside ${d.organization} only.`)),
      el(Text, { style: s.caption }, text(`${d.organization} · ${kindTitles[d.kind]}`)),
      el(Text, { style: s.title }, text(d.target)),
      d.context ? el(Text, { style: s.caption }, text(d.context)) : null,
      ...d.fields.map((f) =>
        el(View, { key: f.label, wrap: true }, el(Text, { style: s.label }, text(f.label)), el(Text, { style: s.value }, text(f.value || "—"))),
      ),
      el(
        View,
        { style: s.meta },
        el(Text, null, text(`Entered by ${d.enteredBy}; last changed ${d.updatedAt}.`)),
        d.lapsesAt ? el(Text, null, text(`Waiting for countersignature; lapses on ${d.lapsesAt} unless a second representative countersigns it.`)) : null,
        el(Text, null, text(`Generated ${d.generatedAt} from ${d.url}`)),
      ),
      el(Text, { style: s.footer, fixed: true, render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) => `Norms Forum · not published · page ${pageNumber} of ${totalPages}` }),
    ),
  );
}

export async function renderClearancePdf(d: ClearanceDocument): Promise<Buffer> {
  registerReportFonts();
  return renderToBuffer(clearanceDocument(d) as Parameters<typeof renderToBuffer>[0]);
}

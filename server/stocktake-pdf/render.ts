// The typeset PDF of a published stock-take, rendered once at publish time and stored with the
// revision. It runs in plain Node (react-pdf fails inside App Router route handlers and server
// components), uses the DejaVu fonts from a local npm package (no network; see fonts.ts), and is written with
// createElement rather than JSX because the project's tsconfig keeps JSX as "preserve" for Next,
// which the test runner cannot execute.
//
// Speed: react-pdf spends most of its time laying out Text nodes (about a millisecond each), so
// the report keeps their number low: a table whose cells never wrap is one Text per column, and a
// block of mixed text is one Text with nested spans.
import { Document, type DocumentProps, Link, Page, renderToBuffer, type Styles, StyleSheet, Text, View } from "@react-pdf/renderer";
import { createElement, type ReactElement, type ReactNode } from "react";
import type { GroupFigures, Measures, StanceCounts } from "~/server/domain/measures";
import { type Snapshot, type SnapshotActor, type SnapshotItem, type SnapshotObservation, sourceOf } from "~/server/domain/stocktake-snapshot";
import type { Locale } from "~/server/i18n/locales";
import { categoryCodes, implementationStatuses, regions, type Stance, stakeholderTypes, stances } from "~/server/schemas/vocabulary";
import { MONO, registerReportFonts, SANS } from "./fonts";
import "./pdfkit-fonts";
import { type ReportText, reportText } from "./report-text";
import { markdownBlocks, pdfSafe, textWidth, truncateToWidth } from "./text";

export { pdfSafe } from "./text";

type Style = Styles[string];
type Child = ReactNode;

/** "stakeholderType:state" / "region:weog", as the year-over-year comparison names its groups. */
function groupLabel(tx: ReportText, key: string): string {
  const [dimension, value = ""] = key.split(":");
  return dimension === "stakeholderType" ? tx.stakeholderType(value) : dimension === "region" ? tx.region(value) : key;
}

const INK = "#0b0c0c";
const MUTED = "#505a5f";
const RULE = "#b1b4b6";
const ACCENT = "#1d70b8";
const TINT = "#f3f2f1";
// Neutral colours for the stances: the forum takes no side, so no green-for-good, red-for-bad.
const stanceColours: Record<Stance, string> = { endorse: "#1d70b8", endorse_with_reservations: "#8eb8dc", object: "#f47738", abstain: "#b1b4b6" };

const TABLE_FONT = 8.5;
const TABLE_LEADING = 1.45;
const ROW = TABLE_FONT * TABLE_LEADING;

const s = StyleSheet.create({
  page: { paddingTop: 56, paddingBottom: 70, paddingHorizontal: 56, fontFamily: SANS, fontSize: 10, lineHeight: 1.4, color: INK },
  footer: {
    position: "absolute",
    bottom: 28,
    left: 56,
    right: 56,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 6,
    fontSize: 8,
    color: MUTED,
  },
  // What react-pdf 4 draws from a `render` prop inherits no style (and a dynamic Text with an
  // inherited line height comes out empty), so dynamic content is a View rendering a Text that
  // states its whole style.
  dynamic: { fontFamily: SANS, fontSize: 10, lineHeight: 1.4, color: INK },
  mono: { fontFamily: MONO },
  bold: { fontFamily: SANS, fontWeight: 700 },
  muted: { color: MUTED },
  small: { fontSize: 8.5 },
  h1: { fontFamily: SANS, fontWeight: 700, fontSize: 20, lineHeight: 1.2, marginBottom: 14 },
  h2: { fontFamily: SANS, fontWeight: 700, fontSize: 14, lineHeight: 1.25, marginBottom: 4 },
  h3: { fontFamily: SANS, fontWeight: 700, fontSize: 11.5, lineHeight: 1.3, marginTop: 12, marginBottom: 4 },
  p: { marginBottom: 8 },
  quote: { borderLeftWidth: 2, borderLeftColor: RULE, paddingLeft: 8, marginVertical: 6, fontSize: 9, color: "#383f43" },
  box: { backgroundColor: TINT, padding: 10, marginVertical: 6 },
  reply: { borderLeftWidth: 3, borderLeftColor: ACCENT, backgroundColor: TINT, padding: 8, marginTop: 4, marginBottom: 4 },
  observation: { borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 8, marginTop: 8 },
  figures: { flexDirection: "row", marginVertical: 6 },
  figure: { flex: 1, paddingRight: 10, fontFamily: SANS, fontWeight: 700, fontSize: 18, lineHeight: 1.15 },
  figureLabel: { fontFamily: SANS, fontSize: 8.5, color: MUTED },
  table: { marginTop: 4, marginBottom: 10 },
  caption: { fontFamily: SANS, fontWeight: 700, fontSize: 9, marginBottom: 2 },
  columns: { flexDirection: "row", fontSize: TABLE_FONT, lineHeight: TABLE_LEADING },
  cell: { paddingRight: 4 },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, fontSize: TABLE_FONT, lineHeight: TABLE_LEADING },
  num: { textAlign: "right" },
  bar: { flexDirection: "row", height: 10, marginTop: 6, marginBottom: 3 },
  tocRow: { flexDirection: "row", marginBottom: 3, textDecoration: "none", color: INK },
});

// --- Right to left ---
//
// react-pdf shapes and orders Arabic correctly only in a Text whose own style says
// `direction: "rtl"` (the direction is not inherited, and a Text takes it from its first run), so
// in an Arabic report every Text and span sets it; rows of tables, figures and the footer run
// right to left, numbers align to the left of their columns, and rules drawn on the left move to
// the right. report() builds the whole tree synchronously, so the direction is set for its duration;
// elements drawn later by a `render` prop take it from their report's context.
let rtl = false;
const RTL_TEXT: Style = { direction: "rtl" };
const asList = (style: Style | Style[] | null): Style[] => (Array.isArray(style) ? style : style ? [style] : []);
/** The style with the report's direction: unchanged in a left-to-right report. */
function directed(style: Style | Style[], right?: boolean): Style | Style[];
function directed(style: Style | Style[] | null, right?: boolean): Style | Style[] | null;
function directed(style: Style | Style[] | null, right = rtl): Style | Style[] | null {
  return right ? [...asList(style), RTL_TEXT] : style;
}
/** A row's style: reversed in a right-to-left report. */
const rowStyle = (style: Style | Style[]): Style | Style[] => (rtl ? [...asList(style), { flexDirection: "row-reverse" }] : style);
/** A left-to-right style mirrored for a right-to-left report (left rules and padding to the right). */
function mirrored(style: Style): Style {
  if (!rtl) return style;
  const out: Style = {};
  for (const [key, value] of Object.entries(style) as [string, unknown][]) {
    const swapped = key.replace(/Left/, "\u0000").replace(/Right/, "Left").replace("\u0000", "Right");
    (out as Record<string, unknown>)[swapped] = value;
  }
  return out;
}

/** A Text whose string parts are made drawable by the report's fonts. */
function t(style: Style | Style[] | null, ...children: Child[]): ReactElement {
  const st = directed(style);
  return createElement(Text, st ? { style: st } : {}, ...children.map(safe));
}
/** A span inside a Text (nested Text elements share their parent's layout). */
const span = t;
const safe = (c: Child): Child => (typeof c === "string" ? pdfSafe(c) : c);
const v = (style: Style | Style[] | null, ...children: Child[]) => createElement(View, style ? { style } : {}, ...children);

/** Light Markdown as the children of one Text: paragraphs a blank line apart, headings bold, lists bulleted. */
function markdownSpans(text: string): Child[] {
  return markdownBlocks(text).flatMap((b, i) => {
    const gap = i === 0 ? "" : "\n\n";
    if (b.kind === "heading") return [gap, span(s.bold, b.text)];
    if (b.kind === "paragraph") return [gap + b.text];
    return [gap + b.items.map((item) => `•  ${item}`).join("\n")];
  });
}
const markdown = (text: string, style: Style | Style[] | null = s.p) => t(style, ...markdownSpans(text));

// --- Tables ---

const CONTENT_WIDTH = 595.28 - 2 * 56; // A4 less the page's side padding
const CELL_PAD = 4;
/** Rows per block of a column-laid table: a block never breaks across pages, so it must fit on one. */
const GRID_BLOCK = 30;

interface Column {
  label: string;
  /** Width in points; columns without one share what is left. */
  width?: number;
  num?: boolean;
  /** Cut cells that would wrap, with "…" (for text that appears in full elsewhere). */
  truncate?: boolean;
}

interface Row {
  cells: string[];
  strong?: boolean;
}

/**
 * A table. Runs of rows whose cells all fit on one line are laid out a column at a time (one Text
 * per column, lines aligned by a shared line height, rules drawn behind), which react-pdf lays out
 * many times faster than a Text per cell; a row with a cell that wraps is laid out on its own.
 */
function table(caption: string | null, columns: Column[], rows: Row[]): ReactElement {
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0), 0);
  const shared = (CONTENT_WIDTH - fixed) / Math.max(1, columns.filter((c) => !c.width).length);
  const widths = columns.map((c) => c.width ?? shared);
  // A little less than the cell's width: react-pdf's line breaking must never find the text too wide.
  const room = (i: number) => widths[i]! - CELL_PAD - 3;
  const fits = (cells: string[], bold: boolean) => cells.every((c, i) => textWidth(c, TABLE_FONT, bold) <= room(i));
  const safeRows = rows.map((r) => ({
    ...r,
    cells: columns.map((col, i) => {
      const text = pdfSafe(r.cells[i] ?? "");
      return col.truncate ? truncateToWidth(text, room(i), TABLE_FONT, r.strong) : text;
    }),
  }));
  const parts: ReactElement[] = [];
  let header: Row | null = { cells: columns.map((c) => pdfSafe(c.label)), strong: true };
  if (!fits(header.cells, true)) {
    parts.push(tableRow(columns, widths, header, true));
    header = null;
  }
  let run: Row[] = [];
  const flush = () => {
    for (let i = 0; i < run.length || header; i += GRID_BLOCK) {
      parts.push(gridBlock(columns, widths, [...(header ? [header] : []), ...run.slice(i, i + GRID_BLOCK)], header !== null));
      header = null;
    }
    run = [];
  };
  for (const row of safeRows) {
    if (fits(row.cells, row.strong ?? false)) run.push(row);
    else {
      flush();
      parts.push(tableRow(columns, widths, row, false));
    }
  }
  flush();
  return v(s.table, caption ? createElement(Text, { style: directed(s.caption), minPresenceAhead: 3 * ROW }, pdfSafe(caption)) : null, ...parts);
}

function gridBlock(columns: Column[], widths: number[], rows: Row[], withHeader: boolean): ReactElement {
  const rules = v(
    { position: "absolute", top: 0, left: 0, right: 0 },
    ...rows.map((_, i) => v({ height: ROW, borderBottomWidth: withHeader && i === 0 ? 0.75 : 0.5, borderBottomColor: withHeader && i === 0 ? INK : RULE })),
  );
  const column = (col: Column, c: number) =>
    createElement(
      Text,
      { style: directed([mirrored(s.cell), { width: widths[c] }, col.num ? numAlign() : {}]) },
      ...rows.map((r, i) => {
        const text = `${i === 0 ? "" : "\n"}${r.cells[c] || " "}`;
        return r.strong ? span(s.bold, text) : text;
      }),
    );
  return createElement(View, { style: rowStyle(s.columns), wrap: false }, rules, ...columns.map(column));
}

/** Numbers align to the end of a column's reading direction: the right, or the left in a right-to-left report. */
const numAlign = (): Style => (rtl ? { textAlign: "left" } : s.num);

function tableRow(columns: Column[], widths: number[], cells: Row, header: boolean): ReactElement {
  return createElement(
    View,
    { style: rowStyle([s.tr, header ? { borderBottomWidth: 0.75, borderBottomColor: INK } : {}]), wrap: false },
    ...columns.map((col, i) => t([mirrored(s.cell), { width: widths[i] }, col.num ? numAlign() : {}, cells.strong ? s.bold : {}], cells.cells[i] ?? "")),
  );
}

// --- Page numbers for the contents ---

/**
 * Where each section heading fell: id → page number. react-pdf calls a heading's `render` while
 * it paginates, and calls every `render` again once all pages are known (to give "of y"), which is
 * when the contents read this map.
 */
type PageMap = Map<string, number>;

interface Section {
  id: string;
  title: string;
  sub?: boolean;
}

/**
 * A heading that carries a PDF bookmark, is the contents' link target, and notes its page through
 * an empty dynamic marker (content drawn by a `render` prop changes size after layout, which
 * react-pdf 4 handles badly, so the marker draws nothing).
 */
function heading(style: Style, section: Section, seen: PageMap): ReactElement {
  const title = pdfSafe(section.title);
  const marker = createElement(View, {
    style: { position: "absolute", top: 0, left: 0, width: 1, height: 1 },
    render: ({ pageNumber }: { pageNumber: number }) => {
      seen.set(section.id, pageNumber);
      return null;
    },
  });
  // `bookmark` (the PDF outline) is supported at run time but missing from the Text prop types.
  const props = { id: section.id, bookmark: { title, fit: true }, style: directed(style) };
  return createElement(View, { minPresenceAhead: 80 }, createElement(Text, props, title), marker);
}

function sections(snapshot: Snapshot, tx: ReportText): { top: Section[]; items: Section[] } {
  const { t: m } = tx;
  let n = 0;
  const next = (id: string, title: string) => ({ id, title: `${++n}. ${title}` });
  const top = [
    next("summary", m("sections.summary")),
    next("figures", m("sections.figures")),
    ...categoryCodes.map((c) => next(`category-${c}`, m("sections.category", { code: c, label: tx.category(c) }))),
    next("items", m("sections.items")),
    ...(snapshot.changes ? [next("changes", m("sections.changes", { year: String(snapshot.changes.previousYear) }))] : []),
    next("observations", m("sections.observations")),
    next("organizations", m("sections.organizations")),
  ];
  const items = snapshot.items.map((item, i) => ({ id: `item-${i}`, title: item.title, sub: true }));
  return { top, items };
}

// --- The report ---

interface Context {
  snapshot: Snapshot;
  sha256: string;
  tx: ReportText;
  orgName: (slug: string) => string;
  itemTitle: (key: string) => string;
  seen: PageMap;
  at: (id: string) => Section;
}

/** The snapshot's address in the open data, which every language's report names. */
const snapshotPath = (snapshot: Snapshot) => `/api/v1/stocktakes/${snapshot.year}/revisions/${snapshot.revision}/snapshot.json`;

function cover({ snapshot, sha256, tx }: Context): Child[] {
  const { year, revision } = snapshot;
  const m = tx.t;
  return [
    v({ borderTopWidth: 6, borderTopColor: ACCENT, paddingTop: 18 }, t([s.bold, { fontSize: 16, color: ACCENT }], m("forumName"))),
    v(
      { marginTop: 110 },
      t([s.bold, { fontSize: 32, lineHeight: 1.15 }], m("cover.title", { year: String(year) })),
      t({ fontSize: 16, marginTop: 10 }, m("cover.revision", { revision })),
      t({ fontSize: 12, marginTop: 4, color: MUTED }, m("cover.published", { date: tx.date(snapshot.publishedAt) })),
      t(
        { fontSize: 10, marginTop: 16, color: MUTED },
        m("cover.window", {
          opensOn: tx.date(snapshot.window.opensOn),
          closesOn: tx.date(snapshot.window.closesOn),
          closedOn: tx.date(snapshot.window.closedAt),
          closedAt: tx.time(snapshot.window.closedAt),
        }),
      ),
    ),
    revision > 1 && snapshot.erratum
      ? v([s.box, mirrored({ marginTop: 24, borderLeftWidth: 3, borderLeftColor: ACCENT })], t(s.bold, m("cover.erratum", { revision })), markdown(snapshot.erratum, null))
      : null,
    v(
      [s.box, { marginTop: 40 }],
      t(s.bold, m("cover.hashTitle")),
      t([s.mono, { fontSize: 8.5, marginVertical: 4 }], sha256),
      t({ fontSize: 9 }, m("cover.verify", { url: snapshotPath(snapshot) })),
    ),
  ];
}

function contents(ctx: Context): ReactElement {
  const { top, items } = sections(ctx.snapshot, ctx.tx);
  const row = (section: Section) =>
    createElement(
      Link,
      { src: `#${section.id}`, style: rowStyle([s.tocRow, section.sub ? mirrored({ paddingLeft: 18, fontSize: 9 }) : {}]) },
      t(mirrored({ flex: 1, paddingRight: 12 }), section.title),
      // Filled in when react-pdf numbers the finished pages, by which time every heading has noted
      // its page; the fixed-width column keeps the lines from moving when the numbers appear.
      createElement(View, {
        style: { width: 30 },
        render: () =>
          createElement(Text, { style: directed([s.dynamic, { textAlign: ctx.tx.rtl ? "left" : "right" }, section.sub ? { fontSize: 9 } : {}], ctx.tx.rtl) }, ctx.seen.get(section.id)?.toString() ?? ""),
      }),
    );
  return v(null, t(s.h1, ctx.tx.t("sections.contents")), ...top.flatMap((section) => [row(section), ...(section.id === "items" ? items.map(row) : [])]));
}

function summarySection(ctx: Context): Child[] {
  const text = ctx.snapshot.narrative.summary.trim();
  return [heading(s.h1, ctx.at("summary"), ctx.seen), text ? markdown(text) : t(s.muted, ctx.tx.t("summary.none"))];
}

/** A figure and its label as one Text (the label a smaller span): fewer Texts lay out faster. */
function figure(value: string, label: string): ReactElement {
  return t(mirrored(s.figure), value, span(s.figureLabel, `\n${label}`));
}

function figuresSection(ctx: Context): Child[] {
  const { snapshot, tx } = ctx;
  const m = tx.t;
  const totals = snapshot.totals;
  const forum = snapshot.items.filter((i) => i.kind === "forum").length;
  return [
    heading(s.h1, ctx.at("figures"), ctx.seen),
    t(
      s.p,
      `${m("figures.covers", { items: snapshot.items.length, forum, reference: snapshot.items.length - forum })} ${m("figures.tookPart", { count: snapshot.organizations.length })}`,
    ),
    v(
      rowStyle(s.figures),
      figure(String(totals.organizationsFiled), m("figures.organizationsFiled")),
      figure(String(totals.statements), m("figures.statements")),
      figure(String(totals.positions), m("figures.positions")),
    ),
    v(
      rowStyle(s.figures),
      figure(String(totals.observationsAccepted), m("figures.observationsAccepted")),
      figure(String(totals.observationsRejected), m("figures.observationsRejected")),
      v({ flex: 1 }),
    ),
    table(
      m("figures.glance"),
      [
        { label: m("figures.norm"), truncate: true },
        { label: m("figures.kind"), width: 50 },
        { label: m("figures.positionsColumn"), width: 50, num: true },
        { label: m("figures.support"), width: 46, num: true },
        { label: m("figures.bridging"), width: 48, num: true },
        { label: m("figures.statementsColumn"), width: 60, num: true },
        { label: m("figures.observationsColumn"), width: 68, num: true },
      ],
      snapshot.items.map((i) => ({
        cells: [
          i.title,
          i.kind === "forum" ? m("figures.forum") : m("figures.reference"),
          i.measures ? String(i.measures.counts.total) : "–",
          i.measures ? tx.percent(i.measures.support) : "–",
          i.measures ? tx.decimal2(i.measures.bridging) : "–",
          String(i.statements.length),
          i.observations.unclear === undefined ? `${i.observations.consistent} / ${i.observations.inconsistent}` : `${i.observations.consistent} / ${i.observations.inconsistent} / ${i.observations.unclear}`,
        ],
      })),
    ),
    t([s.small, s.muted], m("figures.note")),
  ];
}

function categorySection(ctx: Context, code: string): Child[] {
  const m = ctx.tx.t;
  const text = (ctx.snapshot.narrative.categories[code] ?? "").trim();
  const items = ctx.snapshot.items.filter((i) => i.categories.includes(code));
  return [
    heading(s.h1, ctx.at(`category-${code}`), ctx.seen),
    text ? markdown(text) : t([s.p, s.muted], m("category.none")),
    items.length
      ? t(
          null,
          span(s.bold, m("category.items")),
          ...items.flatMap((i) => [
            `\n•  ${i.title}`,
            span(s.muted, i.kind === "forum" ? m("category.forumItem", { support: ctx.tx.percent(i.measures?.support ?? null) }) : m("category.referenceItem")),
          ]),
        )
      : t([s.p, s.muted], m("category.noItems")),
    v({ height: 16 }),
  ];
}

function stanceBar(tx: ReportText, counts: StanceCounts): ReactElement {
  return v(
    null,
    counts.total > 0
      ? v(rowStyle(s.bar), ...stances.filter((st) => counts[st] > 0).map((st) => v({ flexGrow: counts[st], flexBasis: 0, backgroundColor: stanceColours[st] })))
      : null,
    t(
      { fontSize: TABLE_FONT, marginBottom: 4 },
      ...stances.flatMap((st) => [span([s.bold, { color: stanceColours[st], fontSize: 12 }], "• "), `${tx.stance(st)}: ${counts[st]}     `]),
    ),
  );
}

function groupRows<G extends string>(tx: ReportText, title: string, groups: GroupFigures<G>[], label: (g: G) => string) {
  return [
    { cells: [title, "", "", "", "", ""], strong: true },
    ...groups.map((g) => ({
      cells: [
        `   ${label(g.group)}`,
        String(g.counts.endorse),
        String(g.counts.endorse_with_reservations),
        String(g.counts.object),
        String(g.counts.abstain),
        tx.percent(g.support),
      ],
    })),
  ];
}

function measuresBlock(tx: ReportText, measures: Measures): ReactElement {
  const m = tx.t;
  return v(
    null,
    v(
      rowStyle(s.figures),
      figure(tx.percent(measures.support), m("measures.support")),
      figure(tx.decimal2(measures.bridging), m("measures.bridging")),
      figure(tx.percent(measures.contestation), m("measures.contestation")),
    ),
    t(
      s.p,
      `${m("measures.counted", { count: measures.counts.total, current: measures.onCurrentText })} ` +
        m("measures.breadth", { types: measures.breadth.stakeholderTypes, ofTypes: measures.breadth.ofStakeholderTypes, regions: measures.breadth.regions, ofRegions: measures.breadth.ofRegions }) +
        (measures.uncounted ? ` ${m("measures.uncounted", { count: measures.uncounted })}` : ""),
    ),
    stanceBar(tx, measures.counts),
    table(
      m("measures.table"),
      [
        { label: m("measures.group") },
        { label: m("measures.endorse"), width: 50, num: true },
        { label: m("measures.withReservations"), width: 90, num: true },
        { label: m("measures.object"), width: 44, num: true },
        { label: m("measures.abstain"), width: 46, num: true },
        { label: m("measures.supportColumn"), width: 46, num: true },
      ],
      [
        ...groupRows(tx, m("measures.stakeholderTypes"), measures.byStakeholderType, tx.stakeholderType),
        ...groupRows(tx, m("measures.regions"), measures.byRegion, tx.region),
      ],
    ),
  );
}

function itemSection(ctx: Context, item: SnapshotItem, section: Section, first: boolean): Child[] {
  const { tx } = ctx;
  const m = tx.t;
  const meta =
    item.kind === "forum"
      ? [m("item.forumNorm"), item.version !== null ? m("item.version", { version: item.version }) : null, item.status ? tx.normStatus(item.status) : null]
      : [m("item.referenceNorm"), item.document];
  const cats = item.categories.length ? m("item.categories", { codes: tx.list(item.categories) }) : null;
  const clauses = item.text.map((clause, i) => (item.kind === "forum" && item.text.length > 1 ? `${i + 1}. ${clause}` : clause));
  return [
    first ? heading(s.h1, ctx.at("items"), ctx.seen) : null,
    heading(s.h2, section, ctx.seen),
    t([s.small, s.muted], [...meta, cats].filter(Boolean).join(" · ")),
    clauses.length ? t(mirrored(s.quote), clauses.join("\n")) : null,
    t(s.h3, m("item.positions")),
    item.measures ? measuresBlock(tx, item.measures) : t([s.p, s.muted], m("item.positionsForumOnly")),
    t(s.h3, m("item.implementation")),
    table(
      null,
      implementationStatuses.map((st) => ({ label: m(`implementation.${st}`) })),
      [{ cells: implementationStatuses.map((st) => String(item.implementation[st])) }],
    ),
    ...(item.statements.length
      ? item.statements.map((st) =>
          t(
            [s.p, { fontSize: 9 }],
            span(s.bold, ctx.orgName(st.organization)),
            span(s.muted, m("item.statementStatus", { status: m(`implementation.${st.status}`) })),
            ...(st.text.trim() ? ["\n", ...markdownSpans(st.text)] : []),
            st.links.length ? span(s.muted, `\n${m("item.links", { links: tx.list(st.links) })}`) : null,
          ),
        )
      : [t([s.p, s.muted], m("item.noStatement"))]),
    t(s.h3, m("item.observations")),
    t(
      s.p,
      item.observations.unclear === undefined
        ? m("item.bearing", { consistent: item.observations.consistent, inconsistent: item.observations.inconsistent })
        : m("item.bearingUnclear", { consistent: item.observations.consistent, inconsistent: item.observations.inconsistent, unclear: item.observations.unclear }),
    ),
  ];
}

function direction(before: number | null, after: number | null): "up" | "down" | "same" {
  if (before === null || after === null || before === after) return "same";
  return after > before ? "up" : "down";
}

function change(tx: ReportText, before: number | null, after: number | null): string {
  if (before === null || after === null) return "–";
  const points = Math.round(after * 100) - Math.round(before * 100);
  return points === 0 ? "0" : tx.t("changes.points", { sign: points > 0 ? "+" : "-", points: Math.abs(points) });
}

function changesSection(ctx: Context): Child[] {
  const { tx } = ctx;
  const m = tx.t;
  const changes = ctx.snapshot.changes;
  if (!changes) return [];
  const [before, after] = [String(changes.previousYear), String(ctx.snapshot.year)];
  // The hash set in the mono face where the sentence puts it.
  const [lead = "", tail = ""] = m("changes.compared", { year: before, revision: changes.previousRevision, hash: "\u0000" }).split("\u0000");
  return [
    heading(s.h1, ctx.at("changes"), ctx.seen),
    t(s.p, lead, span([s.mono, s.small], changes.previousSha256), tail),
    t(s.h3, m("changes.newItems")),
    changes.newItems.length
      ? t(s.p, changes.newItems.map((i) => `•  ${i.title}`).join("\n"))
      : t([s.p, s.muted], m("changes.noNewItems")),
    t(s.h3, m("changes.support")),
    ...(changes.support.length
      ? changes.support.map((c) =>
          v(
            { marginBottom: 6 },
            t(
              null,
              span(s.bold, c.title),
              `\n${m("changes.supportLine", { before: tx.percent(c.before), beforeYear: before, after: tx.percent(c.after), afterYear: after, direction: direction(c.before, c.after) })}`,
            ),
            c.byGroup.length
              ? table(
                  null,
                  [{ label: m("changes.group") }, { label: before, width: 60, num: true }, { label: after, width: 60, num: true }, { label: m("changes.change"), width: 70, num: true }],
                  c.byGroup.map((g) => ({ cells: [groupLabel(tx, g.group), tx.percent(g.before), tx.percent(g.after), change(tx, g.before, g.after)] })),
                )
              : null,
          ),
        )
      : [t([s.p, s.muted], m("changes.noSupport"))]),
    t(s.h3, m("changes.implementation")),
    ...(changes.implementation.length
      ? changes.implementation.map((c) =>
          table(
            c.title,
            [{ label: m("changes.year"), width: 50 }, ...implementationStatuses.map((st) => ({ label: m(`implementation.${st}`), num: true }))],
            [
              { cells: [before, ...implementationStatuses.map((st) => String(c.before[st]))] },
              { cells: [after, ...implementationStatuses.map((st) => String(c.after[st]))] },
            ],
          ),
        )
      : [t([s.p, s.muted], m("changes.noImplementation"))]),
  ];
}

function observationBlock(ctx: Context, o: SnapshotObservation): ReactElement {
  const { tx } = ctx;
  const m = tx.t;
  const separator = tx.locale === "ar" ? "؛ " : "; ";
  // Format 3 codes observations to the codebook; formats 1 and 2 render as they always did.
  const coded = o.actors !== undefined;
  const actorText = (a: SnapshotActor) =>
    a.kind === "organization"
      ? ctx.orgName(a.organization)
      : a.kind === "state"
        ? `${tx.country(a.country)} (${a.country})`
        : a.label
          ? m("observations.unattributedLabel", { label: a.label })
          : m("observations.unattributed");
  const details: Child[] = [
    coded
      ? [span(s.bold, `\n${m("observations.codebook")}`), o.codebookVersion ?? "v0", o.review && "singleReviewer" in o.review ? m("observations.oneReviewer") : m("observations.twoReviewers")]
      : null,
    coded && o.actors!.length ? [span(s.bold, `\n${m("observations.actors")}`), o.actors!.map(actorText).join(separator)] : null,
    !coded && o.organizations.length ? [span(s.bold, `\n${m("observations.organizationsNamed")}`), o.organizations.map(ctx.orgName).join(separator)] : null,
    !coded && o.outsideActors?.length ? [span(s.bold, `\n${m("observations.otherActors")}`), o.outsideActors.join(separator)] : null,
    o.attribution
      ? [
          span(s.bold, `\n${m("observations.attribution")}`),
          [
            m(`attributionStatus.${o.attribution.status}`),
            o.attribution.by ? m("observations.attributedBy", { by: o.attribution.by }) : "",
            o.attribution.source ? ` (${o.attribution.source})` : "",
          ].join(""),
        ]
      : null,
    o.confidence ? [span(s.bold, `\n${m("observations.confidence")}`), m(`confidence.${o.confidence}`)] : null,
    o.evidenceType ? [span(s.bold, `\n${m("observations.evidence")}`), m(`evidence.${o.evidenceType}`)] : null,
    ...o.assessments.map((a) => [span(s.bold, `\n${m("observations.bearsOn")}`), `${ctx.itemTitle(a.item)}${tx.locale === "ar" ? "، " : tx.locale === "zh" ? "，" : ", "}${m(`assessment.${a.assessment}`)}`]),
    o.sources.length
      ? [
          span(s.bold, `\n${m("observations.sources")}`),
          tx.list(
            o.sources.map(sourceOf).map((x) => (x.archiveUrl ? m("observations.archived", { url: x.url, archiveUrl: x.archiveUrl }) : x.url)),
          ),
        ]
      : null,
  ]
    .filter((x) => x !== null)
    .flat();
  return v(
    s.observation,
    t(
      s.p,
      span([s.bold, { fontSize: 11 }], o.title),
      span(
        [s.small, s.muted],
        `\n${o.occurredUntil ? m("observations.occurredBetween", { from: tx.date(o.occurredOn), until: tx.date(o.occurredUntil) }) : m("observations.occurredOn", { date: tx.date(o.occurredOn) })}`,
      ),
      "\n",
      ...markdownSpans(o.description),
      "\n",
      ...details,
    ),
    ...o.replies.map((r) => v(mirrored(s.reply), t({ fontSize: 9.5 }, span(s.bold, `${m("observations.replyFrom", { organization: ctx.orgName(r.organization) })}\n`), ...markdownSpans(r.text)))),
    o.organizations.length && !o.replies.length ? t([s.small, s.muted], m("observations.noReply")) : null,
  );
}

function observationsSection(ctx: Context): Child[] {
  const m = ctx.tx.t;
  const list = ctx.snapshot.observations;
  return [
    heading(s.h1, ctx.at("observations"), ctx.seen),
    t(s.p, m("observations.intro", { accepted: list.length, rejected: ctx.snapshot.totals.observationsRejected })),
    ...(list.length ? list.map((o) => observationBlock(ctx, o)) : [t([s.p, s.muted], m("observations.none"))]),
  ];
}

/** Rows of the organisations table on the section's first sheet (below its heading) and on each further sheet. */
const ORGANIZATIONS_FIRST_SHEET = 44;
const ORGANIZATIONS_PER_SHEET = 52;
/**
 * Up to this many participating organisations the report lists each one; beyond it, it counts
 * them by stakeholder type and region and points to the snapshot, which names every one.
 */
export const ORGANIZATIONS_LISTED = 500;

/**
 * The participating organisations. Listed in full, a sheet's worth of rows per `Page` element
 * under the table's header (react-pdf lays a flowing page out again for every sheet it splits
 * off, so one long page takes time growing with the square of its rows). Beyond
 * ORGANIZATIONS_LISTED, shaping every name would make the report's time and length grow with the
 * forum (20,000 organisations: some 400 sheets and minutes of work), so it shows their numbers by
 * stakeholder type and region, and says where each one is named: the snapshot, whose hash the
 * report carries, and the report's page.
 */
function organizationsPages(ctx: Context): ReactElement[] {
  const { tx } = ctx;
  const m = tx.t;
  const orgs = ctx.snapshot.organizations;
  const intro = [heading(s.h1, ctx.at("organizations"), ctx.seen), t(s.p, m("organizations.intro"))];
  if (!orgs.length) return [page(ctx, ...intro, t([s.p, s.muted], m("organizations.none")))];
  if (orgs.length > ORGANIZATIONS_LISTED) return [page(ctx, ...intro, ...organizationCounts(ctx))];
  const columns: Column[] = [
    { label: m("organizations.organization") },
    { label: m("organizations.stakeholderType"), width: 92 },
    { label: m("organizations.region"), width: 152 },
    { label: m("organizations.country"), width: 72 },
  ];
  const rows = orgs.map((o) => ({ cells: [o.name, tx.stakeholderType(o.stakeholderType), tx.region(o.region), tx.country(o.country)] }));
  const sheets = [rows.slice(0, ORGANIZATIONS_FIRST_SHEET)];
  for (let i = ORGANIZATIONS_FIRST_SHEET; i < rows.length; i += ORGANIZATIONS_PER_SHEET) sheets.push(rows.slice(i, i + ORGANIZATIONS_PER_SHEET));
  return sheets.map((sheet, i) => page(ctx, ...(i === 0 ? intro : []), table(null, columns, sheet)));
}

/** The participating organisations counted by stakeholder type and region, verified or not. */
function organizationCounts(ctx: Context): Child[] {
  const { snapshot, tx } = ctx;
  const m = tx.t;
  const orgs = snapshot.organizations;
  const n = (match: (o: (typeof orgs)[number]) => boolean) => orgs.filter(match).length;
  const verified = n((o) => o.verified);
  const columns = (first: string): Column[] => [{ label: first }, { label: m("organizations.organizations"), width: 80, num: true }, { label: m("organizations.verified"), width: 60, num: true }];
  return [
    t(s.p, m("organizations.counted", { count: orgs.length, verified, url: snapshotPath(snapshot), page: `/stocktakes/${snapshot.year}` })),
    table(
      m("organizations.byType"),
      columns(m("organizations.stakeholderType")),
      stakeholderTypes.map((type) => ({
        cells: [tx.stakeholderType(type), String(n((o) => o.stakeholderType === type)), String(n((o) => o.stakeholderType === type && o.verified))],
      })),
    ),
    table(
      m("organizations.byRegion"),
      columns(m("organizations.region")),
      regions.map((region) => ({ cells: [tx.region(region), String(n((o) => o.region === region)), String(n((o) => o.region === region && o.verified))] })),
    ),
  ];
}

function footer({ snapshot, sha256, tx }: Context): ReactElement {
  // In English the three parts share the line as they always have; in the other languages, whose
  // titles run longer, each has a column of its own, the title's taking what the others leave.
  const english = tx.locale === "en";
  return createElement(
    View,
    { style: rowStyle(s.footer), fixed: true },
    t(english ? null : mirrored({ flex: 1, paddingRight: 8 }), tx.t("footer.title", { year: String(snapshot.year), revision: snapshot.revision })),
    // Latin and digits only: set left to right in every report (in a right-to-left Text, react-pdf
    // measured the monospaced run short and cut it).
    createElement(Text, { style: english ? s.mono : [s.mono, { width: 96 }] }, `SHA-256 ${sha256.slice(0, 12)}`),
    createElement(View, {
      ...(english ? {} : { style: { width: 80 } }),
      // react-pdf passes totalPages to a View's render too; its types only mention it for Text.
      render: (props: { pageNumber: number }) =>
        createElement(
          Text,
          { style: directed([s.dynamic, { fontSize: 8, color: MUTED }, english ? {} : { textAlign: tx.rtl ? "left" : "right" }], tx.rtl) },
          pdfSafe(tx.t("footer.page", { page: props.pageNumber, pages: (props as { totalPages?: number }).totalPages ?? 0 })),
        ),
    }),
  );
}

/**
 * One `Page` element per part: react-pdf lays a long flowing page out again for every sheet it
 * splits off, so smaller parts keep the time linear. Each covered norm starts a new sheet.
 */
function page(ctx: Context, ...children: Child[]): ReactElement {
  return createElement(Page, { size: "A4", style: s.page }, ...children, footer(ctx));
}

function report(snapshot: Snapshot, sha256: string, tx: ReportText): ReactElement<DocumentProps> {
  const seen: PageMap = new Map();
  const orgs = new Map(snapshot.organizations.map((o) => [o.slug, o.name]));
  const titles = new Map(snapshot.items.map((i) => [i.key, i.title]));
  const { top, items } = sections(snapshot, tx);
  const byId = new Map(top.map((x) => [x.id, x]));
  const ctx: Context = {
    snapshot,
    sha256,
    tx,
    seen,
    orgName: (slug) => orgs.get(slug) ?? slug,
    itemTitle: (key) => titles.get(key) ?? key,
    at: (id) => byId.get(id)!,
  };
  // Dates from the snapshot rather than the clock, so the same snapshot gives the same bytes.
  const publishedAt = new Date(snapshot.publishedAt);
  rtl = tx.rtl;
  try {
    return document(ctx, publishedAt, items);
  } finally {
    rtl = false;
  }
}

/** The report's pages: made while report() has set the direction. */
function document(ctx: Context, publishedAt: Date, items: Section[]): ReactElement<DocumentProps> {
  const { snapshot, sha256, tx, seen } = ctx;
  return createElement(
    Document,
    {
      title: tx.t("meta.title", { year: String(snapshot.year), revision: snapshot.revision }),
      author: tx.t("forumName"),
      subject: tx.t("meta.subject", { hash: sha256 }),
      keywords: `stock-take, ${snapshot.year}, revision ${snapshot.revision}, sha256:${sha256}`,
      creator: "Norms Forum",
      producer: "Norms Forum (react-pdf)",
      creationDate: publishedAt,
      modificationDate: publishedAt,
      language: tx.languageTag,
      pageMode: "useOutlines",
    },
    page(ctx, ...cover(ctx)),
    page(ctx, contents(ctx)),
    page(ctx, ...summarySection(ctx)),
    page(ctx, ...figuresSection(ctx), v({ height: 16 }), ...categoryCodes.flatMap((c) => categorySection(ctx, c))),
    ...(snapshot.items.length
      ? snapshot.items.map((item, i) => page(ctx, ...itemSection(ctx, item, items[i]!, i === 0)))
      : [page(ctx, heading(s.h1, ctx.at("items"), seen), t(s.muted, tx.t("items.none")))]),
    snapshot.changes ? page(ctx, ...changesSection(ctx)) : null,
    page(ctx, ...observationsSection(ctx)),
    ...organizationsPages(ctx),
  );
}

/**
 * The report as PDF bytes, its fixed text in the given language (English by default): the same
 * snapshot, hash and language give the same bytes.
 */
export async function renderReportPdf(snapshot: Snapshot, sha256: string, locale: Locale = "en"): Promise<Buffer> {
  registerReportFonts();
  return renderToBuffer(report(snapshot, sha256, reportText(locale)));
}

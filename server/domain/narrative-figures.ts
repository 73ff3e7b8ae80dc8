// Figures a stock-take narrative cites by placeholder (issue 19): `{{statements:count}}`,
// `{{support:<norm>}}`, ... The secretariat writes the placeholders; publishing resolves them from
// the snapshot's own figures (as of the window's close), so the narrative cannot contradict them.
// Format 3 snapshots keep both texts (`narrativeSource` with the placeholders, `narrative`
// resolved), and anyone can check that resolving the one against the snapshot gives the other.
//
// Pure functions. The scanner reads each text once, left to right (indexOf, no regular expression
// over the narrative), so its time is linear in the text's length.
import { implementationStatuses } from "~/server/schemas/vocabulary";

/** What the resolver reads from a snapshot: every format has these. */
export interface FigureSource {
  items: {
    key: string;
    kind: "forum" | "reference";
    measures: { counts: { total: number }; support: number | null; contestation: number | null; bridging: number } | null;
    statements: unknown[];
    implementation: Record<string, number>;
    observations: { consistent: number; inconsistent: number; unclear?: number };
  }[];
  organizations: unknown[];
  totals: { organizationsFiled: number; statements: number; observationsAccepted: number; observationsRejected: number; positions: number };
}

export interface NarrativeTexts {
  summary: string;
  categories: Record<string, string>;
}

type Value = number | { percent: number | null } | { decimal: number };

/** Figures of the whole report: `{{name:word}}`. */
const totals: Record<string, Record<string, (s: FigureSource) => Value>> = {
  items: {
    count: (s) => s.items.length,
    forum: (s) => s.items.filter((i) => i.kind === "forum").length,
    reference: (s) => s.items.filter((i) => i.kind === "reference").length,
  },
  organizations: {
    filed: (s) => s.totals.organizationsFiled,
    count: (s) => s.organizations.length,
  },
  statements: {
    count: (s) => s.totals.statements,
    ...Object.fromEntries(implementationStatuses.map((status) => [status.replace("_", "-"), (s: FigureSource) => s.items.reduce((n, i) => n + (i.implementation[status] ?? 0), 0)])),
  },
  positions: { count: (s) => s.totals.positions },
  observations: {
    accepted: (s) => s.totals.observationsAccepted,
    rejected: (s) => s.totals.observationsRejected,
  },
};

type Item = FigureSource["items"][number];

/** Figures of one covered norm: `{{name:<norm>}}`, the norm by its slug or reference id. */
const perItem: Record<string, { forumOnly: boolean; value: (item: Item) => Value }> = {
  support: { forumOnly: true, value: (i) => ({ percent: i.measures!.support }) },
  contestation: { forumOnly: true, value: (i) => ({ percent: i.measures!.contestation }) },
  bridging: { forumOnly: true, value: (i) => ({ decimal: i.measures!.bridging }) },
  positions: { forumOnly: true, value: (i) => i.measures!.counts.total },
  statements: { forumOnly: false, value: (i) => i.statements.length },
  consistent: { forumOnly: false, value: (i) => i.observations.consistent },
  inconsistent: { forumOnly: false, value: (i) => i.observations.inconsistent },
};

/** Every placeholder name, for the form's help and the methodology page. */
export const FIGURE_NAMES = {
  totals: Object.fromEntries(Object.entries(totals).map(([name, words]) => [name, Object.keys(words)])) as Record<string, string[]>,
  perNorm: Object.keys(perItem),
};

const OPEN = "{{";
const CLOSE = "}}";
const MAX_PLACEHOLDER = 200;

export interface Placeholder {
  start: number;
  end: number; // exclusive
  name: string;
  arg: string;
}

export type ScanProblem = { at: number; message: string };

/** The placeholders in a text, or the first problem with one (unclosed, empty, too long, no name). */
export function scanPlaceholders(text: string): { placeholders: Placeholder[]; problem: ScanProblem | null } {
  const placeholders: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(OPEN, from);
    if (start < 0) return { placeholders, problem: null };
    const close = text.indexOf(CLOSE, start + OPEN.length);
    if (close < 0 || close - start > MAX_PLACEHOLDER) {
      return { placeholders, problem: { at: start, message: `A placeholder starting "${excerpt(text, start)}" is not closed with }}.` } };
    }
    const inner = text.slice(start + OPEN.length, close).trim();
    const colon = inner.indexOf(":");
    const name = (colon < 0 ? inner : inner.slice(0, colon)).trim().toLowerCase();
    const arg = colon < 0 ? "" : inner.slice(colon + 1).trim();
    if (!name || !arg) {
      return { placeholders, problem: { at: start, message: `"{{${inner}}}" needs a name and what it counts, like {{statements:count}}.` } };
    }
    placeholders.push({ start, end: close + CLOSE.length, name, arg });
    from = close + CLOSE.length;
  }
}

const excerpt = (text: string, at: number) => text.slice(at, at + 30).replace(/\s+/g, " ");

/** The item a placeholder names: `norm:<slug>`, `reference:<id>`, or the bare slug or id. */
function findItem(items: readonly Pick<Item, "key" | "kind">[], arg: string) {
  if (arg.startsWith("norm:") || arg.startsWith("reference:")) return { item: items.find((i) => i.key === arg) ?? null, ambiguous: false };
  const matches = items.filter((i) => i.key === `norm:${arg}` || i.key === `reference:${arg}`);
  return { item: matches[0] ?? null, ambiguous: matches.length > 1 };
}

/**
 * Why a placeholder cannot be resolved against these covered items, or null. Used when the
 * narrative is saved (with the year's items) and when it is resolved (with the snapshot's).
 */
export function placeholderProblem(p: Pick<Placeholder, "name" | "arg">, items: readonly Pick<Item, "key" | "kind">[]): string | null {
  const whole = `{{${p.name}:${p.arg}}}`;
  const word = p.arg.toLowerCase();
  if (totals[p.name]?.[word]) return null;
  const figure = perItem[p.name];
  if (!figure) {
    const names = [...new Set([...Object.keys(totals), ...Object.keys(perItem)])].sort().join(", ");
    return `${whole} is not a figure the report has. Use one of: ${names}.`;
  }
  const { item, ambiguous } = findItem(items, p.arg);
  if (ambiguous) return `${whole} could be a forum norm or a reference norm: write norm:${p.arg} or reference:${p.arg}.`;
  if (!item) {
    const words = totals[p.name] ? `one of ${Object.keys(totals[p.name]!).join(", ")}, or ` : "";
    return `${whole} names no norm this stock-take covers. Use ${words}a covered norm's slug or reference id.`;
  }
  if (figure.forumOnly && item.kind !== "forum") return `${whole}: reference norms have no positions, so no ${p.name} figure.`;
  return null;
}

/** Each field's first problem ("summary", "categories.III"), for field errors. */
export function narrativeProblems(narrative: NarrativeTexts, items: readonly Pick<Item, "key" | "kind">[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const fields: [string, string][] = [["summary", narrative.summary], ...Object.entries(narrative.categories).map(([code, text]): [string, string] => [`categories.${code}`, text])];
  for (const [field, text] of fields) {
    const { placeholders, problem } = scanPlaceholders(text);
    const first = problem?.message ?? placeholders.map((p) => placeholderProblem(p, items)).find((m) => m !== null);
    if (first) problems[field] = first;
  }
  return problems;
}

function format(value: Value): string {
  if (typeof value === "number") return String(value);
  if ("percent" in value) return value.percent === null ? "no figure" : `${Math.round(value.percent * 100)}%`;
  return value.decimal.toFixed(2);
}

export class NarrativeFigureError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(Object.values(problems)[0]);
  }
}

function resolveText(field: string, text: string, source: FigureSource): string {
  const { placeholders, problem } = scanPlaceholders(text);
  if (problem) throw new NarrativeFigureError({ [field]: problem.message });
  let out = "";
  let from = 0;
  for (const p of placeholders) {
    const why = placeholderProblem(p, source.items);
    if (why) throw new NarrativeFigureError({ [field]: why });
    const word = p.arg.toLowerCase();
    const total = totals[p.name]?.[word];
    const value = total ? total(source) : perItem[p.name]!.value(findItem(source.items, p.arg).item as Item);
    out += text.slice(from, p.start) + format(value);
    from = p.end;
  }
  return out + text.slice(from);
}

/** The narrative with every placeholder replaced by its figure from the snapshot; throws NarrativeFigureError on an unknown one. */
export function resolveNarrative(narrative: NarrativeTexts, source: FigureSource): NarrativeTexts {
  return {
    summary: resolveText("summary", narrative.summary, source),
    categories: Object.fromEntries(Object.entries(narrative.categories).map(([code, text]) => [code, resolveText(`categories.${code}`, text, source)])),
  };
}

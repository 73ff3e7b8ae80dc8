// The published stock-take as data: a canonical JSON snapshot whose SHA-256 anyone can recompute,
// the year-over-year comparison, and the CSV. Pure functions of their inputs: the same inputs give
// byte-identical JSON and so the same hash. The snapshot names organisations, never people.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { Assessment, AttributionStatus, ConfidenceLevel, EvidenceType, ImplementationStatus, Region, Stance, StakeholderType } from "~/server/schemas/vocabulary";
import { implementationStatuses, regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { computeMeasures, type Measures } from "./measures";
import { resolveNarrative } from "./narrative-figures";

/**
 * The format every snapshot built now is written in. A published snapshot never changes, so each
 * format ever published stays readable (SNAPSHOT_FORMATS) and every reader takes each of them:
 * 1, the first; 2 adds each position's `clauses` (issue 16); 3 (issue 19) codes observations to
 * the codebook (actors, attribution, confidence, evidence, sources with archived copies, how they
 * were reviewed), adds `unclear` to each item's observation counts, and keeps the narrative as
 * written beside the resolved one. Anything that changes what a snapshot holds is a new format.
 */
export const SNAPSHOT_FORMAT = "normsforum-stocktake/3";
export const SNAPSHOT_FORMATS = ["normsforum-stocktake/1", "normsforum-stocktake/2", "normsforum-stocktake/3"] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

export interface SnapshotOrganization {
  slug: string;
  name: string;
  stakeholderType: StakeholderType;
  region: Region;
  country: string | null;
  /** Whether its verification stood when the report was built: only verified organisations' positions count. */
  verified: boolean;
}

export interface SnapshotPosition {
  organization: string; // slug
  stance: Stance;
  statement: string;
  version: number;
  /**
   * Format 2 on: the clauses of `version` a reservation or objection named, ascending (empty for
   * none). Absent in format 1, which predates them: read it as "not recorded", never as "none".
   */
  clauses?: number[];
  current: boolean;
}

export interface SnapshotStatement {
  organization: string; // slug
  status: ImplementationStatus;
  text: string;
  links: string[];
}

export interface SnapshotItem {
  /** `norm:<slug>` for a forum norm, `reference:<id>` for a reference norm. */
  key: string;
  kind: "forum" | "reference";
  title: string;
  categories: string[];
  /** The text as it stood: the forum norm's clauses at its current version, or the reference norm's quoted text. */
  text: string[];
  version: number | null;
  status: string | null;
  document: string | null;
  positions: SnapshotPosition[];
  measures: Measures | null;
  implementation: Record<ImplementationStatus, number>;
  statements: SnapshotStatement[];
  /** Accepted observations bearing on the item by assessment; `unclear` from format 3 on (absent: none could be). */
  observations: { consistent: number; inconsistent: number; unclear?: number };
}

/** Format 3: an actor an observation names (codebook v1; v0 observations' free text is unattributed). */
export type SnapshotActor = { kind: "organization"; organization: string } | { kind: "state"; country: string } | { kind: "unattributed"; label: string | null };

/** Format 3: a source, with its archived copy if one was given. */
export interface SnapshotSource {
  url: string;
  archiveUrl?: string;
}

export interface SnapshotObservation {
  id: string;
  title: string;
  description: string;
  occurredOn: string;
  /** The forum organisations named (slugs), in every format; format 3 also lists them among `actors`. */
  organizations: string[];
  /** Formats 1 and 2: actors outside the forum, as free text. Format 3 holds them in `actors`. */
  outsideActors?: string[];
  /** URLs in formats 1 and 2; {url, archiveUrl?} from format 3 on (read with `sourceOf`). */
  sources: (string | SnapshotSource)[];
  assessments: { item: string; assessment: Assessment }[];
  replies: { organization: string; text: string }[];
  // Format 3 on (issue 19); absent in formats 1 and 2, which predate the codebook (read as v0).
  codebookVersion?: string;
  occurredUntil?: string | null;
  actors?: SnapshotActor[];
  attribution?: { status: AttributionStatus; by: string | null; source: string | null } | null;
  confidence?: ConfidenceLevel | null;
  evidenceType?: EvidenceType | null;
  /** Two secretariat members agreed, or one decided alone before two-person review (codebook v0). */
  review?: { reviewers: 2 } | { singleReviewer: true };
}

export const sourceOf = (s: string | SnapshotSource): SnapshotSource => (typeof s === "string" ? { url: s } : s);

/** An observation's actors in any format: formats 1 and 2 list forum organisations, then outside actors as unattributed. */
export const actorsOf = (o: SnapshotObservation): SnapshotActor[] =>
  o.actors ?? [...o.organizations.map((organization) => ({ kind: "organization" as const, organization })), ...(o.outsideActors ?? []).map((label) => ({ kind: "unattributed" as const, label }))];

export interface YearOverYear {
  previousYear: number;
  previousRevision: number;
  previousSha256: string;
  newItems: { key: string; title: string }[];
  support: { key: string; title: string; before: number | null; after: number | null; byGroup: { group: string; before: number | null; after: number | null }[] }[];
  implementation: { key: string; title: string; before: Record<ImplementationStatus, number>; after: Record<ImplementationStatus, number> }[];
}

export interface Snapshot {
  format: SnapshotFormat;
  year: number;
  revision: number;
  publishedAt: string;
  erratum: string | null;
  window: { opensOn: string; closesOn: string; closedAt: string };
  /** The narrative as published: from format 3 on, with every placeholder resolved from this snapshot's figures. */
  narrative: { summary: string; categories: Record<string, string> };
  /**
   * Format 3 on: the narrative as the secretariat wrote it, with its figure placeholders
   * (server/domain/narrative-figures.ts); resolving it against this snapshot gives `narrative`.
   * Absent in formats 1 and 2, whose narratives cited no figures by placeholder.
   */
  narrativeSource?: { summary: string; categories: Record<string, string> };
  organizations: SnapshotOrganization[];
  items: SnapshotItem[];
  observations: SnapshotObservation[];
  totals: {
    organizationsFiled: number;
    statements: number;
    observationsAccepted: number;
    observationsRejected: number;
    positions: number;
  };
  changes: YearOverYear | null;
}

// --- Canonical JSON and the hash ---

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("A snapshot cannot hold a non-finite number.");
  return value;
}

/** JSON with object keys sorted at every level, no whitespace, UTF-8: one text for one value. */
export const canonicalJson = (value: unknown) => JSON.stringify(canonical(value));

export const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

// --- Building the snapshot from gathered data ---

export interface SnapshotInput {
  year: number;
  revision: number;
  publishedAt: Date;
  erratum: string | null;
  window: { opensOn: string; closesOn: string; closedAt: Date };
  narrative: { summary: string; categories: Record<string, string> };
  organizations: SnapshotOrganization[];
  items: Omit<SnapshotItem, "measures" | "implementation" | "observations">[];
  observations: SnapshotObservation[];
  rejectedObservations: number;
  previous: Snapshot | null;
  previousSha256: string | null;
}

const byText = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
/** Rounds figures so that the JSON does not depend on floating-point noise. */
const round = (n: number | null) => (n === null ? null : Math.round(n * 1e6) / 1e6);

function roundMeasures(m: Measures): Measures {
  return {
    ...m,
    support: round(m.support),
    contestation: round(m.contestation),
    bridging: round(m.bridging)!,
    byStakeholderType: m.byStakeholderType.map((g) => ({ ...g, support: round(g.support) })),
    byRegion: m.byRegion.map((g) => ({ ...g, support: round(g.support) })),
  };
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const orgs = new Map(input.organizations.map((o) => [o.slug, o]));
  const items: SnapshotItem[] = input.items.map((item) => {
    const implementation = Object.fromEntries(implementationStatuses.map((s) => [s, item.statements.filter((x) => x.status === s).length])) as Record<ImplementationStatus, number>;
    const assessed = input.observations.flatMap((o) => o.assessments.filter((a) => a.item === item.key));
    const measures =
      item.kind === "forum"
        ? roundMeasures(
            computeMeasures(
              item.positions.map((p) => {
                const o = orgs.get(p.organization)!;
                return { stance: p.stance, stakeholderType: o.stakeholderType, region: o.region, verified: o.verified, current: p.current };
              }),
            ),
          )
        : null;
    return {
      ...item,
      positions: [...item.positions].map((p) => ({ ...p, clauses: [...(p.clauses ?? [])].sort((a, b) => a - b) })).sort(byText((p) => p.organization)),
      statements: [...item.statements].sort(byText((s) => s.organization)),
      measures,
      implementation,
      observations: {
        consistent: assessed.filter((a) => a.assessment === "consistent").length,
        inconsistent: assessed.filter((a) => a.assessment === "inconsistent").length,
        unclear: assessed.filter((a) => a.assessment === "unclear").length,
      },
    };
  });
  const observations = [...input.observations]
    .map((o) => ({
      ...o,
      organizations: [...o.organizations].sort(),
      assessments: [...o.assessments].sort(byText((a) => a.item)),
      replies: [...o.replies].sort(byText((r) => r.organization)),
    }))
    .sort(byText((o) => `${o.occurredOn}|${o.id}`));
  // Participants: organisations that filed, took positions on covered norms, replied, or were named.
  const involved = new Set<string>([
    ...items.flatMap((i) => [...i.statements.map((s) => s.organization), ...i.positions.map((p) => p.organization)]),
    ...observations.flatMap((o) => [...o.organizations, ...o.replies.map((r) => r.organization)]),
  ]);
  const organizations = input.organizations
    .filter((o) => involved.has(o.slug))
    .sort(byText((o) => o.slug));
  const statements = items.flatMap((i) => i.statements);
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    year: input.year,
    revision: input.revision,
    publishedAt: input.publishedAt.toISOString(),
    erratum: input.erratum,
    window: { opensOn: input.window.opensOn, closesOn: input.window.closesOn, closedAt: input.window.closedAt.toISOString() },
    narrative: input.narrative,
    organizations,
    items,
    observations,
    totals: {
      organizationsFiled: new Set(statements.map((s) => s.organization)).size,
      statements: statements.length,
      observationsAccepted: observations.length,
      observationsRejected: input.rejectedObservations,
      positions: items.reduce((n, i) => n + (i.measures?.counts.total ?? 0), 0),
    },
    changes: null,
  };
  snapshot.changes = input.previous && input.previousSha256 ? yearOverYear(input.previous, input.previousSha256, snapshot) : null;
  // Format 3 on: the narrative as written, and resolved from this snapshot's own figures.
  snapshot.narrativeSource = input.narrative;
  snapshot.narrative = resolveNarrative(input.narrative, snapshot);
  return snapshot;
}

// --- What changed since the previous year ---

export function yearOverYear(previous: Snapshot, previousSha256: string, current: Pick<Snapshot, "items">): YearOverYear {
  const before = new Map(previous.items.map((i) => [i.key, i]));
  const groups = (m: Measures | null) =>
    new Map<string, number | null>([
      ...(m?.byStakeholderType ?? []).map((g) => [`stakeholderType:${g.group}`, g.support] as const),
      ...(m?.byRegion ?? []).map((g) => [`region:${g.group}`, g.support] as const),
    ]);
  const support: YearOverYear["support"] = [];
  const implementation: YearOverYear["implementation"] = [];
  for (const item of current.items) {
    const old = before.get(item.key);
    if (!old) continue;
    if (item.kind === "forum") {
      const [a, b] = [groups(old.measures), groups(item.measures)];
      const byGroup = [...stakeholderTypes.map((t) => `stakeholderType:${t}`), ...regions.map((r) => `region:${r}`)]
        .map((group) => ({ group, before: a.get(group) ?? null, after: b.get(group) ?? null }))
        .filter((g) => g.before !== g.after);
      const [s0, s1] = [old.measures?.support ?? null, item.measures?.support ?? null];
      if (s0 !== s1 || byGroup.length) support.push({ key: item.key, title: item.title, before: s0, after: s1, byGroup });
    }
    if (implementationStatuses.some((s) => old.implementation[s] !== item.implementation[s])) {
      implementation.push({ key: item.key, title: item.title, before: old.implementation, after: item.implementation });
    }
  }
  return {
    previousYear: previous.year,
    previousRevision: previous.revision,
    previousSha256,
    newItems: current.items.filter((i) => !before.has(i.key)).map((i) => ({ key: i.key, title: i.title })),
    support,
    implementation,
  };
}

// --- The CSV: one row per covered item, the figures a spreadsheet needs ---

const formulaSafe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function snapshotCsv(snapshot: Snapshot, snapshotSha256: string): string {
  const columns = [
    "year",
    "revision",
    "item",
    "kind",
    "title",
    "categories",
    "version",
    "positions",
    "endorse",
    "endorse_with_reservations",
    "object",
    "abstain",
    "support",
    "bridging",
    "contestation",
    ...implementationStatuses.map((s) => `implementation_${s}`),
    "observations_consistent",
    "observations_inconsistent",
    // Format 3 on: the column exists only where the value could.
    ...(snapshot.format === "normsforum-stocktake/1" || snapshot.format === "normsforum-stocktake/2" ? [] : ["observations_unclear"]),
    "snapshot_sha256",
  ];
  const rows = snapshot.items.map((i) => [
    snapshot.year,
    snapshot.revision,
    i.key,
    i.kind,
    formulaSafe(i.title),
    i.categories.join(";"),
    i.version ?? "",
    i.measures?.counts.total ?? "",
    i.measures?.counts.endorse ?? "",
    i.measures?.counts.endorse_with_reservations ?? "",
    i.measures?.counts.object ?? "",
    i.measures?.counts.abstain ?? "",
    i.measures?.support ?? "",
    i.measures?.bridging ?? "",
    i.measures?.contestation ?? "",
    ...implementationStatuses.map((s) => i.implementation[s]),
    i.observations.consistent,
    i.observations.inconsistent,
    ...(columns.includes("observations_unclear") ? [i.observations.unclear ?? 0] : []),
    snapshotSha256,
  ]);
  return stringify([columns, ...rows], { record_delimiter: "\r\n" });
}

// Writes the planned dataset (plan.ts) into the app's tables in one transaction. Derived values
// come from the app's own code: the search document from searchVector() (evaluated by the
// database, as on every save), the measures from computeMeasures() (as refreshMeasures() stores
// them), slugs from slugify()/firstFreeSlug(). Timelines, histories and threads follow the rules
// the domain enforces: positions and comments only while a norm is open, replies on their
// parent's version and clause, one current position per organisation per norm.
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "~/db/connect";
import referenceData from "~/db/reference-data/reference-norms.json";
import { seedReference } from "~/db/seed";
import { houseRules } from "~/server/domain/house-rules";
import { computeMeasures, contestationLowerBound, countedByGroup, supportLowerBound } from "~/server/domain/measures";
import { searchHead, searchVector } from "~/server/domain/norms";
import { firstFreeSlug, slugify } from "~/server/domain/slug";
import { type CopyValue, type Loader, withLoader } from "./loader";
import { ANCHOR, ADMIN, DAY, SECRETARIAT, commentsOf, makePlan, type Plan, positionsOf } from "./plan";
import { type Progress, silentProgress } from "./progress";
import { generateStocktakes } from "./stocktakes";
import { rngFor, uuidFor } from "./random";
import { appealTexts, changeSummaries, clause, commentBody, hideNotes, organizationName, personName, rationale, reportReasons, summary } from "./text";

/** Everyone in the dataset signs in with this password (argon2id, fixed salt, so runs are identical). */
export const LARGE_PASSWORD = "large-dataset-password";

export interface LargeOptions {
  scale: number;
  seed: number;
  progress?: Progress;
}

export interface LargeSummary {
  rows: Record<string, number>;
  seconds: number;
  /** A norm with the most positions, for benchmarks and tests. */
  busiestNorm: { slug: string; positions: number; comments: number };
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const isoOrNull = (ms: number) => (Number.isNaN(ms) ? null : iso(ms));
const HOUR = 60 * 60 * 1000;
const dialect = new PgDialect();

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Names for organisations: a ministry per state, invented names for the rest, each unique. */
function organizationNames(plan: Plan): string[] {
  const seen = new Set<string>();
  return plan.organizations.map((o, i) => {
    const base = o.type === "state" ? `Ministry of Foreign Affairs of ${countryNames.of(o.country!) ?? o.country}` : organizationName(rngFor(plan.seed, "organization-name", i), o.type);
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

interface VersionText {
  summary: string;
  clauses: string[];
}

/** Every version's text: each revision edits, adds or removes a clause to reach the planned count. */
function normTexts(plan: Plan, i: number): { rationale: string; versions: VersionText[] } {
  const norm = plan.norms[i]!;
  const rng = rngFor(plan.seed, "text", i);
  const lang = norm.language;
  let clauses = Array.from({ length: norm.clauseCounts[0]! }, () => clause(rng, lang));
  let text = summary(rng, lang, norm.name);
  const versions: VersionText[] = [{ summary: text, clauses }];
  for (let v = 1; v < norm.clauseCounts.length; v++) {
    clauses = [...clauses];
    const target = norm.clauseCounts[v]!;
    if (target > clauses.length) clauses.splice(rng.int(clauses.length + 1), 0, clause(rng, lang));
    else if (target < clauses.length) clauses.splice(rng.int(clauses.length), 1);
    else clauses[rng.int(clauses.length)] = clause(rng, lang);
    if (rng.chance(0.3)) text = summary(rng, lang, norm.name);
    versions.push({ summary: text, clauses });
  }
  return { rationale: rationale(rng), versions };
}

const categoryCodes = referenceData.categories.map((c) => c.code);
const referenceIds = referenceData.norms.map((n) => n.id);

async function load(loader: Loader, plan: Plan, progress: Progress): Promise<LargeSummary> {
  const started = performance.now();
  const { seed } = plan;
  const rows: Record<string, number> = {};
  const id = (kind: string, index: number) => uuidFor(seed, kind, index);
  const userId = (u: number) => id("user", u);
  const orgId = (o: number) => id("organization", o);
  const normId = (n: number) => id("norm", n);

  async function copy(
    table: string,
    columns: readonly string[],
    total: number,
    fill: (row: (values: CopyValue[]) => Promise<void> | undefined) => Promise<void>,
    label = table,
  ) {
    progress.start(label, total);
    const writer = await loader.copy(table, columns);
    let pending = 0;
    await fill((values) => {
      if (++pending === 1000) {
        progress.tick(pending);
        pending = 0;
      }
      return writer.row(values);
    });
    await writer.end();
    progress.tick(pending);
    progress.done();
    if (label === table) rows[table] = writer.rows;
  }

  // People ---------------------------------------------------------------------------------
  const passwordHash = await hash(LARGE_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1, salt: new TextEncoder().encode(`large-dataset-${seed}`.padEnd(16, "-")) });
  await copy("users", ["id", "email", "display_name", "password_hash", "email_verified_at", "role", "created_at", "updated_at"], plan.people.length, async (row) => {
    for (const [u, person] of plan.people.entries()) {
      const name = u === ADMIN ? "Administrator (large dataset)" : SECRETARIAT.includes(u) ? `Secretariat ${u} (large dataset)` : personName(rngFor(seed, "person", u));
      const email = `${slugify(name).replace(/-/g, ".")}.${u}@large.normsforum.example`;
      const created = iso(person.createdAt);
      const wait = row([userId(u), email, name, passwordHash, created, person.role, created, created]);
      if (wait) await wait;
    }
  });

  const names = organizationNames(plan);
  const orgSlugs = names.map((n) => slugify(n));
  await copy(
    "organizations",
    ["id", "slug", "name", "stakeholder_type", "region", "country", "website", "description", "verification_status", "status_reason", "status_changed_at", "status_changed_by_id", "created_by_id", "created_at", "updated_at"],
    plan.organizations.length,
    async (row) => {
      for (const [o, org] of plan.organizations.entries()) {
        const rng = rngFor(seed, "organization-details", o);
        const decidedAt = org.status === "verified" ? org.verifiedAt : org.statusChangedAt;
        const reason = org.status === "revoked" ? "It could not show that it operates independently of its funders." : org.status === "rejected" ? "The documents supplied did not show that the organisation exists." : null;
        const wait = row([
          orgId(o),
          orgSlugs[o]!,
          names[o]!,
          org.type,
          org.region,
          org.country,
          rng.chance(0.7) ? `https://${orgSlugs[o]}.example.org` : null,
          rng.chance(0.6) ? `${names[o]} works on the security and stability of cyberspace.` : "",
          org.status,
          reason,
          isoOrNull(decidedAt),
          Number.isNaN(decidedAt) ? null : userId(rng.pick(SECRETARIAT)),
          userId(org.representatives[0]!),
          iso(org.createdAt),
          iso(Number.isNaN(decidedAt) ? org.createdAt : decidedAt),
        ]);
        if (wait) await wait;
      }
    },
  );

  const memberCount = plan.organizations.reduce((n, o) => n + o.representatives.length + o.members.length, 0);
  await copy("organization_members", ["organization_id", "user_id", "role", "listed", "created_at"], memberCount, async (row) => {
    for (const [o, org] of plan.organizations.entries()) {
      const rng = rngFor(seed, "membership", o);
      for (const [k, u] of [...org.representatives, ...org.members].entries()) {
        const role = k < org.representatives.length ? "representative" : "member";
        const wait = row([orgId(o), userId(u), role, rng.chance(0.5), iso(Math.max(org.createdAt, plan.people[u]!.createdAt))]);
        if (wait) await wait;
      }
    }
  });

  // Every representative's term in the public history of representation, from when they joined.
  await loader.query(
    `insert into representation_terms (organization_id, user_id, started_at)
     select organization_id, user_id, created_at from organization_members where role = 'representative'`,
  );

  // Norms, with their search document and measures ------------------------------------------
  // Each norm's search document is the app's searchVector() of its current version, evaluated by
  // the database as on every save. Rendered per norm, it is the same SQL with different
  // parameters; the parameters go through COPY into a staging table, and one INSERT … SELECT
  // applies that SQL to every row.
  const slugs: string[] = [];
  const takenByBase = new Map<string, string[]>();
  let busiest = { index: 0, positions: -1 };
  let searchSql: string | null = null;
  let searchParams = 0;
  const normColumns = [
    "id", "slug", "status", "kind", "bindingness", "language", "rationale", "proposer_id", "organization_id", "current_version", "title",
    "summary", "merged_into_id", "created_at", "updated_at", "last_activity_at", "position_count", "support", "bridging", "contestation",
    "support_lower_bound", "contestation_lower_bound", "counted_by_group",
    // Public from the first submission (server/domain/norm-visibility.ts).
    "submitted_at",
  ];
  const probe = dialect.sqlToQuery(searchVector("en", "", "", []));
  searchParams = probe.params.length;
  const paramColumns = Array.from({ length: searchParams }, (_, k) => `search_${k + 1}`);
  await loader.query(`create temp table large_norms_staging (like norms including defaults) on commit drop`);
  await loader.query(`alter table large_norms_staging ${paramColumns.map((c) => `add column ${c} text`).join(", ")}`);
  await copy("large_norms_staging", [...normColumns, ...paramColumns], plan.norms.length, async (row) => {
    for (const [i, norm] of plan.norms.entries()) {
      const text = normTexts(plan, i);
      const current = text.versions.at(-1)!;
      const base = slugify(norm.title).replace(/^organisation$/, "norm");
      const taken = takenByBase.get(base) ?? [];
      const slug = firstFreeSlug(base, taken);
      taken.push(slug);
      takenByBase.set(base, taken);
      slugs.push(slug);

      const positions = positionsOf(plan, i);
      // As refreshMeasures() does after every position.
      const measured = positions.map((p) => {
        const org = plan.organizations[p.organization]!;
        return { stance: p.entries.at(-1)!.stance, stakeholderType: org.type, region: org.region, verified: org.status === "verified", current: true };
      });
      const measures = computeMeasures(measured);
      if (positions.length > busiest.positions) busiest = { index: i, positions: positions.length };
      const lastEvent = norm.events.at(-1)!.at;
      const submittedAt = norm.events.find((e) => e.type === "submit")?.at;
      let lastActivity = lastEvent;
      for (const p of positions) lastActivity = Math.max(lastActivity, p.entries.at(-1)!.at);
      const discussion = commentsOf(plan, i);
      if (discussion.length) lastActivity = Math.max(lastActivity, discussion.at(-1)!.at);

      const search = dialect.sqlToQuery(searchVector(norm.language, norm.title, current.summary, current.clauses));
      searchSql ??= search.sql;
      if (search.sql !== searchSql || search.params.length !== searchParams) throw new Error("searchVector() no longer renders the same SQL for every norm; load norms one statement each instead.");
      const wait = row([
        normId(i),
        slug,
        norm.status,
        norm.kind,
        norm.bindingness,
        norm.language,
        text.rationale,
        userId(norm.proposer),
        norm.organization >= 0 ? orgId(norm.organization) : null,
        text.versions.length,
        norm.title,
        current.summary,
        norm.mergedInto >= 0 ? normId(norm.mergedInto) : null,
        iso(norm.createdAt),
        iso(lastEvent),
        iso(lastActivity),
        measures.counts.total,
        measures.support,
        measures.bridging,
        measures.contestation,
        supportLowerBound(measures.counts),
        contestationLowerBound(measures.counts),
        `{${countedByGroup(measured).join(",")}}`,
        submittedAt === undefined ? null : iso(submittedAt),
        ...(search.params as string[]),
      ]);
      if (wait) await wait;
    }
  }, "norms (staged)");
  const expression = (searchSql ?? probe.sql).replace(/\$(\d+)/g, (_, n: string) => `search_${n}`);
  // The ranking document (searchHead()) takes the search document's first parameters (the title's
  // and the summary's configuration and text), in the same order.
  const head = dialect.sqlToQuery(searchHead("en", "title", "summary"));
  if (JSON.stringify(head.params) !== JSON.stringify(dialect.sqlToQuery(searchVector("en", "title", "summary", [])).params.slice(0, head.params.length))) {
    throw new Error("searchHead() no longer takes searchVector()'s first parameters; stage its parameters separately.");
  }
  const headExpression = head.sql.replace(/\$(\d+)/g, (_, n: string) => `search_${n}`);
  progress.start("norms (search documents)", plan.norms.length);
  await loader.query(`insert into norms (${normColumns.join(", ")}) select ${normColumns.join(", ")} from large_norms_staging`);
  await loader.query(`insert into norm_search (norm_id, title, search, search_head) select id, title, ${expression}, ${headExpression} from large_norms_staging`);
  progress.tick(plan.norms.length);
  progress.done();
  rows.norms = plan.norms.length;

  const versionCount = plan.norms.reduce((n, p) => n + p.versionAt.length, 0);
  await copy("norm_versions", ["id", "norm_id", "number", "title", "summary", "clauses", "change_summary", "author_id", "created_at"], versionCount, async (row) => {
    let k = 0;
    for (const [i, norm] of plan.norms.entries()) {
      const rng = rngFor(seed, "change-summary", i);
      for (const [v, version] of normTexts(plan, i).versions.entries()) {
        const wait = row([
          id("norm-version", k++),
          normId(i),
          v + 1,
          norm.title,
          version.summary,
          JSON.stringify(version.clauses),
          v === 0 ? "First version" : rng.pick(changeSummaries),
          userId(norm.versionAuthor[v]!),
          iso(norm.versionAt[v]!),
        ]);
        if (wait) await wait;
      }
    }
  });

  await copy("norm_placements", ["norm_id", "category_code"], plan.norms.length * 1.3, async (row) => {
    for (let i = 0; i < plan.norms.length; i++) {
      const rng = rngFor(seed, "placements", i);
      for (const c of rng.sample(categoryCodes.length, rng.weighted([70, 25, 5]) + 1)) {
        const wait = row([normId(i), categoryCodes[c]!]);
        if (wait) await wait;
      }
    }
  });
  await copy("norm_citations", ["norm_id", "reference_norm_id"], plan.norms.length * 1.2, async (row) => {
    for (let i = 0; i < plan.norms.length; i++) {
      const rng = rngFor(seed, "citations", i);
      for (const r of rng.sample(referenceIds.length, rng.weighted([25, 35, 25, 15]))) {
        const wait = row([normId(i), referenceIds[r]!]);
        if (wait) await wait;
      }
    }
  });
  const coauthorCount = plan.norms.reduce((n, p) => n + p.coauthors.length, 0);
  await copy("norm_coauthors", ["norm_id", "user_id", "added_at"], coauthorCount, async (row) => {
    for (const [i, norm] of plan.norms.entries()) {
      for (const u of norm.coauthors) {
        const wait = row([normId(i), userId(u), iso(norm.createdAt + HOUR)]);
        if (wait) await wait;
      }
    }
  });

  const eventCount = plan.norms.reduce((n, p) => n + p.events.length, 0);
  await copy("norm_events", ["id", "norm_id", "type", "from_status", "to_status", "version", "actor_id", "note", "created_at"], eventCount, async (row) => {
    let k = 0;
    for (const [i, norm] of plan.norms.entries()) {
      const rng = rngFor(seed, "change-summary", i);
      for (const e of norm.events) {
        // Revision notes repeat the version's change summary, drawn in the same order as above.
        const note = e.type === "revised" ? rng.pick(changeSummaries) : e.type === "merge" ? `Merged into “${plan.norms[norm.mergedInto]!.title}”.` : null;
        const wait = row([id("norm-event", k++), normId(i), e.type, e.from, e.to, e.version, userId(e.actor), note, iso(e.at)]);
        if (wait) await wait;
      }
    }
  });

  // A concluded norm's figures at the close of endorsement, as concluding one writes them
  // (freezeFigures): no position is dated after a norm's close here, so they are its figures now,
  // dated at the conclusion, which is when its endorsement stage closed.
  await loader.query(`
    insert into norm_frozen_figures (norm_id, frozen_at, counted_by_group, position_count, support, bridging, contestation,
      support_lower_bound, contestation_lower_bound, concluded_at)
    select n.id, e.created_at, n.counted_by_group, n.position_count, n.support, n.bridging, n.contestation,
      n.support_lower_bound, n.contestation_lower_bound, e.created_at
    from norms n join norm_events e on e.norm_id = n.id and e.type = 'conclude'
    where n.status = 'concluded'`);

  // Positions: the current row and every history entry ----------------------------------------
  const positionTotal = plan.norms.reduce((n, p) => n + p.positions, 0);
  await copy("norm_positions", ["id", "norm_id", "organization_id", "stance", "statement", "version", "recorded_by_id", "recorded_at", "sequence"], positionTotal, async (row) => {
    let k = 0;
    for (let i = 0; i < plan.norms.length; i++) {
      for (const p of positionsOf(plan, i)) {
        const last = p.entries.at(-1)!;
        const wait = row([id("position", k++), normId(i), orgId(p.organization), last.stance, last.statement, last.version, userId(last.recordedBy), iso(last.at), p.entries.length]);
        if (wait) await wait;
      }
    }
  });
  await copy("norm_position_history", ["id", "norm_id", "organization_id", "sequence", "kind", "stance", "statement", "version", "recorded_by_id", "recorded_at"], positionTotal * 1.4, async (row) => {
    let k = 0;
    for (let i = 0; i < plan.norms.length; i++) {
      for (const p of positionsOf(plan, i)) {
        for (const [s, e] of p.entries.entries()) {
          const wait = row([id("position-history", k++), normId(i), orgId(p.organization), s + 1, e.kind, e.stance, e.statement, e.version, userId(e.recordedBy), iso(e.at)]);
          if (wait) await wait;
        }
      }
    }
  });

  // Comments, with their edits, reports, appeals and the public moderation log -----------------
  const revisions: CopyValue[][] = [];
  const reports: CopyValue[][] = [];
  const appeals: CopyValue[][] = [];
  const moderation: CopyValue[][] = [];
  const commentTotal = plan.norms.reduce((n, p) => n + p.comments, 0);
  await copy(
    "comments",
    ["id", "norm_id", "thread_id", "parent_id", "depth", "version", "clause", "author_id", "organization_id", "language", "body", "status", "hidden_rule", "hidden_note", "hidden_at", "created_at", "edited_at", "deleted_at"],
    commentTotal,
    async (row) => {
      let base = 0;
      for (const [i, norm] of plan.norms.entries()) {
        const discussion = commentsOf(plan, i);
        if (discussion.length === 0) continue;
        const rng = rngFor(seed, "comment-text", i);
        const commentId = (k: number) => id("comment", base + k);
        for (const c of discussion) {
          const cid = commentId(c.index);
          const body = commentBody(rng, c.parent >= 0);
          const hidden = c.status === "hidden";
          const rule = hidden ? rng.pick(houseRules).id : null;
          const note = hidden ? rng.pick(hideNotes) : null;
          const hiddenAt = hidden ? c.at + HOUR + rng.next() * DAY : NaN;
          const deletedAt = c.status === "deleted" ? c.at + rng.next() * DAY : NaN;
          let body_ = body;
          if (!Number.isNaN(c.editedAt)) {
            // The published text is the edit; the first wording stays in the history.
            body_ = commentBody(rng, c.parent >= 0);
            revisions.push([id("comment-revision", revisions.length), cid, body, iso(c.at), iso(c.editedAt)]);
          }
          if (c.reportedBy >= 0) reports.push([id("comment-report", reports.length), cid, userId(c.reportedBy), rng.pick(reportReasons), "open", iso(c.at + HOUR)]);
          if (hidden) {
            const actor = userId(rng.pick(SECRETARIAT));
            moderation.push(["hide", cid, normId(i), rule, note, actor, iso(hiddenAt)]);
            if (c.appeal) appeals.push([id("comment-appeal", appeals.length), cid, userId(c.author), rng.pick(appealTexts), "pending", iso(Math.min(ANCHOR, hiddenAt + DAY))]);
          }
          const wait = row([
            cid,
            normId(i),
            commentId(c.thread),
            c.parent >= 0 ? commentId(c.parent) : null,
            c.depth,
            c.version,
            c.clause,
            userId(c.author),
            c.organization >= 0 ? orgId(c.organization) : null,
            norm.language,
            body_,
            c.status,
            rule,
            note,
            isoOrNull(hiddenAt),
            iso(c.at),
            isoOrNull(c.editedAt),
            isoOrNull(deletedAt),
          ]);
          if (wait) await wait;
        }
        base += discussion.length;
      }
    },
  );
  const copyAll = (table: string, columns: string[], list: CopyValue[][]) =>
    copy(table, columns, list.length, async (row) => {
      for (const values of list) {
        const wait = row(values);
        if (wait) await wait;
      }
    });
  await copyAll("comment_revisions", ["id", "comment_id", "body", "written_at", "replaced_at"], revisions);
  await copyAll("comment_reports", ["id", "comment_id", "reporter_id", "reason", "status", "created_at"], reports);
  await copyAll("comment_appeals", ["id", "comment_id", "author_id", "text", "status", "created_at"], appeals);
  await copyAll("moderation_log", ["action", "comment_id", "norm_id", "rule", "note", "actor_id", "created_at"], moderation);

  const busiestPlan = plan.norms[busiest.index]!;
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    busiestNorm: { slug: slugs[busiest.index]!, positions: busiest.positions, comments: busiestPlan.comments },
  };
}

/**
 * Generates the dataset for (scale, seed) into an empty, migrated database that has the reference
 * data, in one transaction: a failed run leaves nothing behind.
 */
export async function generateLargeDataset(database: Database, options: LargeOptions): Promise<LargeSummary> {
  if (!(options.scale > 0)) throw new Error("The scale must be a positive number, e.g. 0.01 or 1.");
  const progress = options.progress ?? silentProgress;
  const t0 = performance.now();
  const plan = makePlan(options.seed >>> 0, options.scale);
  progress.note(`Planned in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${plan.norms.length.toLocaleString("en-GB")} norms, ${plan.organizations.length.toLocaleString("en-GB")} organisations, ${plan.people.length.toLocaleString("en-GB")} people.`);
  const summary = await withLoader(database, (loader) => withoutIndexes(loader, loadedTables, progress, () => load(loader, plan, progress)));
  const t1 = performance.now();
  // Fresh statistics, so the planner sees the real sizes at once (autovacuum would take a while).
  await database.db.execute(sql`analyze`);
  progress.note(`Analysed in ${((performance.now() - t1) / 1000).toFixed(1)} s.`);
  // The stock-takes last: their published snapshots read the loaded forum through the app's code.
  const t2 = performance.now();
  const st = await generateStocktakes(database.db, plan, progress);
  progress.note(`Published ${st.revisions} revisions of ${st.stocktakes} stock-takes in ${((performance.now() - t2) / 1000).toFixed(1)} s.`);
  const rows = {
    ...summary.rows,
    stocktakes: st.stocktakes,
    stocktake_items: st.items,
    implementation_statements: st.statements,
    observations: st.observations,
    stocktake_revisions: st.revisions,
  };
  return { ...summary, rows, seconds: (performance.now() - t0) / 1000 };
}

/** A reason not to run, for the person at the terminal (not a bug). */
export class Refusal extends Error {}

/** The generator writes invented people and organisations: never into production by accident. */
export function refuseInProduction(env: Record<string, string | undefined>, force: boolean) {
  if (env.NODE_ENV === "production" && !force) {
    throw new Refusal("refusing to run with NODE_ENV=production: this fills the database with invented data. Pass --force if that is really what you want.");
  }
}

/**
 * Migrates, refuses a database that already has norms unless `reset` (then empties the app's
 * tables), and loads the reference library the generated norms cite.
 */
export async function prepareDatabase(database: Database, options: { reset: boolean; describe?: string }) {
  await database.migrate();
  const existing = await countNorms(database);
  let emptied: string[] = [];
  if (existing > 0 && !options.reset) {
    throw new Refusal(
      `${options.describe ?? "The database"} already has ${existing.toLocaleString("en-GB")} norms. Run with --reset to empty the app's tables first (this deletes all of their data), or choose another database.`,
    );
  }
  if (options.reset) emptied = await resetAppTables(database);
  await seedReference(database.db);
  return { emptied };
}

const loadedTables = [
  "users", "organizations", "organization_members", "norms", "norm_versions", "norm_placements", "norm_citations", "norm_coauthors",
  "norm_events", "norm_positions", "norm_position_history", "comments", "comment_revisions", "comment_reports", "comment_appeals", "moderation_log",
];

interface Definition {
  table: string;
  name: string;
  definition: string;
}

async function secondaryIndexes(loader: Loader, tables: string[]) {
  return loader.query<Definition>(
    `select i.tablename as table, i.indexname as name, i.indexdef as definition
     from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u', 'x'))
     order by 1, 2`,
    [tables],
  );
}

async function foreignKeys(loader: Loader, tables: string[]) {
  return loader.query<Definition>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where n.nspname = 'public' and c.contype = 'f'
       -- Keys of the loaded tables, and keys of other tables that rest on one of their secondary
       -- unique indexes, which cannot be dropped while such a key stands (norm_version_translations
       -- on norm_versions (norm_id, number)).
       and (c.conrelid::regclass::text = any($1)
         or (c.confrelid::regclass::text = any($1)
           and not exists (select 1 from pg_constraint u where u.conindid = c.conindid and u.contype in ('p', 'u', 'x'))))
     order by 1, 2`,
    [tables],
  );
}

const same = (a: Definition[], b: Definition[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Loads with the loaded tables' secondary indexes and foreign keys set aside, then builds them
 * again in the same transaction: one sort per index and one join per foreign key instead of a
 * lookup and a row lock for every row. Rebuilding checks every unique index and foreign key over
 * all the rows, and the schema afterwards must be exactly what it was, or nothing is kept.
 */
async function withoutIndexes<T>(loader: Loader, tables: string[], progress: Progress, load: () => Promise<T>): Promise<T> {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const [indexes, keys] = await Promise.all([secondaryIndexes(loader, tables), foreignKeys(loader, tables)]);
  // The public generation's deferred row triggers (migration 0017) would queue an event per loaded
  // row, and a table with events pending cannot be indexed in the same transaction: they are set
  // aside too, and the generation is moved on once for the whole load.
  const bumps = await loader.query<{ table: string }>(
    `select c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and t.tgname = 'public_generation_bump' and c.relname = any($1) order by 1`,
    [tables],
  );
  for (const b of bumps) await loader.query(`alter table ${q(b.table)} disable trigger public_generation_bump`);
  for (const k of keys) await loader.query(`alter table ${q(k.table)} drop constraint ${q(k.name)}`);
  for (const i of indexes) await loader.query(`drop index ${q(i.name)}`);
  const result = await load();
  for (const b of bumps) await loader.query(`alter table ${q(b.table)} enable trigger public_generation_bump`);
  if (bumps.length) await loader.query("update public_generation set generation = generation + 1, changed_at = now() where id = 1");
  const started = performance.now();
  if (loader.kind === "postgres") await loader.query("set local maintenance_work_mem = '256MB'");
  progress.start("indexes and foreign keys", indexes.length + keys.length);
  for (const i of indexes) {
    await loader.query(i.definition);
    progress.tick();
  }
  for (const k of keys) {
    await loader.query(`alter table ${q(k.table)} add constraint ${q(k.name)} ${k.definition}`);
    progress.tick();
  }
  progress.done();
  const [indexesAfter, keysAfter] = await Promise.all([secondaryIndexes(loader, tables), foreignKeys(loader, tables)]);
  if (!same(indexes, indexesAfter) || !same(keys, keysAfter)) throw new Error("The rebuilt indexes or foreign keys differ from the schema's; nothing was kept.");
  progress.note(`Rebuilt ${indexes.length} indexes and ${keys.length} foreign keys in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return result;
}

const referenceTables = new Set(["norm_categories", "reference_documents", "reference_norms", "reference_norm_categories", "forums"]);

/** Tables that hold the app's data (not the reference library), found from the catalogue so new ones are included. */
async function appTables(database: Database): Promise<string[]> {
  const result = await database.db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const list = (Array.isArray(result) ? result : (result as { rows: { tablename: string }[] }).rows) as { tablename: string }[];
  return list.map((r) => r.tablename).filter((t) => !referenceTables.has(t));
}

export async function countNorms(database: Database): Promise<number> {
  const result = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from norms`);
  const list = (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[];
  return list[0]?.n ?? 0;
}

/**
 * Empties every app table (keeping the reference library), in one transaction. The append-only
 * tables refuse TRUNCATE by trigger; those triggers are switched off for this statement only.
 */
export async function resetAppTables(database: Database) {
  const tables = await appTables(database);
  await database.db.transaction(async (tx) => {
    const result = await tx.execute<{ table: string; trigger: string }>(sql`
      select c.relname as table, t.tgname as trigger
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and not t.tgisinternal and (t.tgtype & 32) <> 0`);
    const triggers = (Array.isArray(result) ? result : (result as { rows: { table: string; trigger: string }[] }).rows) as { table: string; trigger: string }[];
    const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
    for (const t of triggers) await tx.execute(sql.raw(`alter table ${q(t.table)} disable trigger ${q(t.trigger)}`));
    await tx.execute(sql.raw(`truncate ${tables.map(q).join(", ")} restart identity cascade`));
    for (const t of triggers) await tx.execute(sql.raw(`alter table ${q(t.table)} enable trigger ${q(t.trigger)}`));
  });
  return tables;
}

// The published stock-takes of the large dataset: one a year from the year before the forum's first
// norms to the last, each with its covered norms, implementation statements, reviewed behaviour
// observations and replies, then published twice (the report and a correction with an erratum).
// The submissions are rows that follow the domain's rules (verified organisations filing through
// a representative while the window is open, observations naming verified organisations, reviews
// by the secretariat); every revision is made by the app's own renderRevision() (the snapshot as
// of the close, its canonical JSON and SHA-256, the PDF and the CSV), so its hash verifies exactly
// like one the forum published. Reproducible: ids, texts and times are functions of the seed.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/connect";
import {
  implementationStatements,
  observationAssessments,
  observationActors,
  observationOrganizations,
  observationReplies,
  observations,
  stocktakeItems,
  stocktakeRevisions,
  stocktakes,
} from "~/db/schema";
import referenceData from "~/db/reference-data/reference-norms.json";
import { renderRevision } from "~/server/domain/stocktakes";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import type { Assessment, ImplementationStatus } from "~/server/schemas/vocabulary";
import { categoryCodes, implementationStatuses } from "~/server/schemas/vocabulary";
import { ANCHOR, DAY, type NormPlan, type Plan, SECRETARIAT } from "./plan";
import type { Progress } from "./progress";
import { rngFor, uuidFor } from "./random";

/** Forum norms a year's stock-take covers at scale 0.1 and above: the secretariat chooses the busiest. */
export const COVERED_NORMS = 50;

/**
 * What a year covers at this scale: the COVERED_NORMS busiest forum norms and every reference
 * norm from scale 0.1 up; fewer below (5 forum norms and 3 reference norms at 0.01), so that a
 * smoke run publishes its ten reports in seconds.
 */
export function coverage(scale: number, referenceNorms: number) {
  const full = scale >= 0.1;
  return { forum: full ? COVERED_NORMS : Math.max(3, Math.round(COVERED_NORMS * scale * 10)), reference: full ? referenceNorms : Math.min(referenceNorms, 3) };
}
/** Revisions published a year: the report, then a correction with an erratum. */
export const REVISIONS = 2;
/** Share of the organisations verified when a window opens that file statements in it. */
const FILING_SHARE = 0.03;
/** Behaviour observations logged a year at scale 1 (fewer, at least 3, at smaller scales). */
const OBSERVATIONS_AT_SCALE_1 = 24;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The years with a stock-take: from the year before the first norm (reference norms only) to the dataset's last full window. */
export function stocktakeYears(): number[] {
  const last = new Date(ANCHOR).getUTCFullYear();
  // Windows run from 1 June to 31 August and the correction is out by late October, before the anchor.
  const first = last - 4;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function statusAt(norm: NormPlan, at: number) {
  let status: string = "draft";
  for (const e of norm.events) if (e.to && e.at <= at) status = e.to;
  return status;
}

const statementTexts = [
  "We adopted a national policy that gives effect to this norm and report on it to parliament each year.",
  "Our incident response team applies this norm in its operating procedures; an external audit is planned.",
  "Implementation has started in two ministries; the rest of government follows next year.",
  "We have no programme yet; a consultation with operators is under way.",
  "The norm is reflected in our procurement rules for critical infrastructure.",
  "We trained staff and published guidance; measuring its effect remains difficult.",
  "",
];
const observationTitles = [
  "Disruption of a national response team's services",
  "Ransomware attack on a regional hospital network",
  "Scanning of energy-grid control systems from abroad",
  "Coordinated disclosure of a widely used router flaw",
  "Public attribution of an espionage campaign",
  "Outage of an undersea cable landing station",
];
const replyTexts = [
  "We dispute the account of our role: the activity did not originate from systems under our control.",
  "We acknowledge the finding and have opened an investigation; we will report on it next year.",
  "We welcome the observation and the chance to explain the measures we took.",
];
const narrativeSentences = [
  "Participation grew again, with more statements from the private sector and civil society.",
  "Support for norms on the protection of response teams remains broad across regions.",
  "Observations point to gaps between commitments and practice where critical infrastructure is concerned.",
  "The secretariat thanks every organisation that filed a statement or replied to an observation.",
];

export interface StocktakeSummary {
  stocktakes: number;
  revisions: number;
  items: number;
  statements: number;
  observations: number;
}

/**
 * Writes the stock-takes and publishes their revisions, in one transaction on a database that
 * holds the rest of the dataset (the snapshots read its norms, positions and organisations).
 */
export async function generateStocktakes(db: Db, plan: Plan, progress: Progress): Promise<StocktakeSummary> {
  const { seed } = plan;
  const id = (kind: string, index: number) => uuidFor(seed, kind, index);
  const userId = (u: number) => id("user", u);
  const orgId = (o: number) => id("organization", o);
  const normId = (n: number) => id("norm", n);
  const years = stocktakeYears();
  const covers = coverage(plan.sizes.norms / 100_000, referenceData.norms.length);
  const referenceIds = referenceData.norms.map((n) => n.id).slice(0, covers.reference);
  const observationsPerYear = Math.max(3, Math.round(OBSERVATIONS_AT_SCALE_1 * Math.sqrt(plan.sizes.norms / 100_000)));
  const members = plan.people.map((p, i) => ({ p, i })).filter(({ p }) => p.role === "member");
  const totals: StocktakeSummary = { stocktakes: 0, revisions: 0, items: 0, statements: 0, observations: 0 };
  progress.start("stock-takes (published)", years.length * REVISIONS);
  await db.transaction(async (tx) => {
    for (const [y, year] of years.entries()) {
      const rng = rngFor(seed, "stocktake", year);
      const opens = Date.UTC(year, 5, 1);
      const closesOn = `${year}-08-31`;
      const closes = Date.UTC(year, 8, 1); // the end of 31 August: the window closes by itself
      const speaks = (o: number) => {
        const org = plan.organizations[o]!;
        return org.verifiedAt <= opens && !(org.statusChangedAt <= closes);
      };
      // The busiest norms in endorsement or concluded when the window opened, then every reference norm.
      const forum = plan.norms
        .map((norm, i) => ({ norm, i }))
        .filter(({ norm }) => ["endorsement", "concluded"].includes(statusAt(norm, opens)))
        .sort((a, b) => b.norm.positions - a.norm.positions || a.i - b.i)
        .slice(0, covers.forum);
      const stocktakeId = id("stocktake", y);
      const [st] = await tx
        .insert(stocktakes)
        .values({
          id: stocktakeId,
          year,
          opensOn: iso(opens),
          closesOn,
          narrative: {
            summary: `## ${year} in brief\n\n${narrativeSentences.slice(0, 2 + rng.int(3)).join(" ")}`,
            categories: Object.fromEntries(categoryCodes.map((c) => [c, rng.chance(0.7) ? rng.pick(narrativeSentences) : ""])) as Record<(typeof categoryCodes)[number], string>,
          },
          createdById: userId(SECRETARIAT[0]!),
          createdAt: new Date(opens - 14 * DAY),
          updatedAt: new Date(closes + 10 * DAY),
        })
        .returning();
      const items = [
        ...forum.map(({ i }) => ({ normId: normId(i), referenceNormId: null as string | null })),
        ...referenceIds.map((r) => ({ normId: null as string | null, referenceNormId: r })),
      ].map((item, position) => ({ ...item, id: id(`stocktake-item-${year}`, position), stocktakeId, position }));
      await tx.insert(stocktakeItems).values(items);
      totals.items += items.length;

      // Statements: a share of the organisations verified all through the window, on one to three items each.
      const statements: (typeof implementationStatements.$inferInsert)[] = [];
      for (let o = 0; o < plan.organizations.length; o++) {
        const r = rngFor(seed, `statements-${year}`, o);
        if (!speaks(o) || !r.chance(FILING_SHARE)) continue;
        const org = plan.organizations[o]!;
        const chosen = new Set<number>();
        for (let k = 1 + r.int(3); k > 0; k--) chosen.add(r.int(items.length));
        for (const item of [...chosen].sort((a, b) => a - b)) {
          const at = new Date(opens + r.next() * (closes - opens - DAY));
          statements.push({
            id: id(`statement-${year}`, statements.length),
            itemId: items[item]!.id,
            organizationId: orgId(o),
            status: implementationStatuses[r.weighted([30, 35, 20, 15])] as ImplementationStatus,
            text: r.pick(statementTexts),
            links: r.chance(0.3) ? [`https://example.org/${year}/statements/${o}`] : [],
            recordedById: userId(org.representatives[0]!),
            createdAt: at,
            updatedAt: at,
          });
        }
      }
      for (let i = 0; i < statements.length; i += 1000) await tx.insert(implementationStatements).values(statements.slice(i, i + 1000));
      totals.statements += statements.length;

      // Observations: logged by members, named verified organisations, reviewed by two of the secretariat.
      const verified = plan.organizations.map((_, o) => o).filter(speaks);
      for (let k = 0; k < observationsPerYear && verified.length; k++) {
        const r = rngFor(seed, `observation-${year}`, k);
        const reporter = r.pick(members).i;
        const named = [...new Set(Array.from({ length: 1 + r.int(2) }, () => r.pick(verified)))].filter((o) => !plan.organizations[o]!.members.includes(reporter) && !plan.organizations[o]!.representatives.includes(reporter));
        const accepted = r.chance(0.75);
        const loggedAt = opens + r.next() * (closes - opens - 10 * DAY);
        const observationId = id(`observation-${year}`, k);
        // Drawn in the order the generator always drew them, so a seed gives the same data.
        const title = r.pick(observationTitles);
        const occurredOn = iso(loggedAt - (5 + r.int(60)) * DAY);
        const outside = named.length === 0 || r.chance(0.3) ? ["An unattributed group"] : [];
        await tx.insert(observations).values({
          id: observationId,
          stocktakeId,
          reporterId: userId(reporter),
          title,
          description: "What happened, as reported by public sources and the organisations concerned.",
          occurredOn,
          outsideActors: outside,
          sources: [{ url: `https://example.org/${year}/observations/${k}` }],
          codebookVersion: "v0",
          singleReviewer: true,
          status: accepted ? "accepted" : "rejected",
          reviewNote: accepted ? null : "The sources do not support the account.",
          reviewedById: userId(SECRETARIAT[1 + (k % 2)]!),
          reviewedAt: new Date(loggedAt + 5 * DAY),
          createdAt: new Date(loggedAt),
        });
        if (named.length) await tx.insert(observationOrganizations).values(named.map((o) => ({ observationId, organizationId: orgId(o) })));
        const actors = [...named.map((o) => ({ kind: "organization" as const, organizationId: orgId(o) })), ...outside.map((label) => ({ kind: "unattributed" as const, label }))];
        if (actors.length) await tx.insert(observationActors).values(actors.map((a, position) => ({ observationId, position, ...a })));
        const assessed = [...new Set(Array.from({ length: 1 + r.int(2) }, () => r.int(items.length)))];
        await tx.insert(observationAssessments).values(assessed.map((item) => ({ observationId, itemId: items[item]!.id, assessment: (r.chance(0.5) ? "consistent" : "inconsistent") as Assessment })));
        const replying = accepted ? named.filter(() => r.chance(0.5)) : [];
        if (replying.length) {
          await tx.insert(observationReplies).values(
            replying.map((o, n) => ({
              id: id(`reply-${year}-${k}`, n),
              observationId,
              organizationId: orgId(o),
              text: r.pick(replyTexts),
              authorId: userId(plan.organizations[o]!.representatives[0]!),
              createdAt: new Date(loggedAt + 7 * DAY),
              updatedAt: new Date(loggedAt + 7 * DAY),
            })),
          );
        }
        totals.observations++;
      }

      // Published by the app's own code, the report and then its correction.
      let current = st!;
      for (let revision = 1; revision <= REVISIONS; revision++) {
        const publishedAt = new Date(closes + (19 + 30 * (revision - 1)) * DAY + 10 * 60 * 60 * 1000);
        let erratum: string | null = null;
        if (revision > 1) {
          // A correction: the secretariat amends the executive summary; the figures stay as they were.
          erratum = `Corrected the executive summary of revision ${revision - 1}, which understated participation; the figures are unchanged.`;
          const narrative = { ...current.narrative, summary: `${current.narrative.summary}\n\nParticipation was the highest since the forum began.` };
          current = (await tx.update(stocktakes).set({ narrative, updatedAt: new Date(publishedAt.getTime() - DAY) }).where(eq(stocktakes.id, stocktakeId)).returning())[0]!;
        }
        const { json, hash, pdf, csv } = await renderRevision(tx, current, revision, publishedAt, erratum, renderReportPdf);
        await tx.insert(stocktakeRevisions).values({
          id: id(`stocktake-revision-${year}`, revision),
          stocktakeId,
          revision,
          publishedAt,
          erratum,
          snapshot: json,
          sha256: hash,
          pdf,
          csv,
          publishedById: userId(SECRETARIAT[0]!),
        });
        totals.revisions++;
        progress.tick(1);
      }
      totals.stocktakes++;
    }
  });
  progress.done();
  return totals;
}

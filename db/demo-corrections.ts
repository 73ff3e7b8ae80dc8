// Corrections to demo data that databases seeded by earlier versions already hold. A published
// report never changes, so a wrong one is corrected the way the forum corrects any report: by a
// new revision with an erratum, published through the forum's own publishing path.
import { desc, eq } from "drizzle-orm";
import { previousYear } from "~/db/demo-stocktakes";
import { stocktakeRevisions, stocktakes, users } from "~/db/schema";
import type { Actor } from "~/server/policy";
import { publishStocktake } from "~/server/domain/stocktakes";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import type { Db } from "./connect";

/**
 * The summary the demo's first report carried until issue 19: it said every stakeholder type filed
 * statements and most reported partial implementation, which its own figures contradict.
 */
export const CONTRADICTED_DEMO_SUMMARY =
  "This first stock-take covers the norms then in endorsement or concluded and seven reference norms. Organisations from every stakeholder type filed statements; most reported partial implementation. Two behaviour observations were accepted after review.";

export const DEMO_NARRATIVE_ERRATUM =
  "Corrected the narrative, which contradicted the report's own figures on who filed statements, how many reported partial implementation, and the statements on coordinated vulnerability disclosure and national points of contact. The narrative now cites those figures directly.";

/**
 * Publishes an erratum revision of each demo report whose current revision still carries the
 * contradicted narrative, with the corrected narrative that cites its figures by placeholder.
 * Does nothing once corrected, or on a database without the demo secretariat account.
 */
export async function correctDemoNarratives(db: Db, secretariatEmail: string) {
  const secretariat = await db.query.users.findFirst({ where: eq(users.email, secretariatEmail) });
  if (!secretariat) return [];
  const published = await db
    .selectDistinctOn([stocktakes.year], { year: stocktakes.year, id: stocktakes.id, publishedById: stocktakeRevisions.publishedById, snapshot: stocktakeRevisions.snapshot })
    .from(stocktakeRevisions)
    .innerJoin(stocktakes, eq(stocktakes.id, stocktakeRevisions.stocktakeId))
    .orderBy(stocktakes.year, desc(stocktakeRevisions.revision));
  const actor: Actor = { id: secretariat.id, email: secretariat.email, displayName: secretariat.displayName, role: secretariat.role, suspension: null };
  const corrected: { year: number; revision: number }[] = [];
  for (const report of published) {
    // The demo's reports are published by its secretariat account; nobody else's are read.
    if (report.publishedById !== secretariat.id) continue;
    const narrative = (JSON.parse(report.snapshot) as { narrative: { summary: string } }).narrative;
    if (narrative.summary !== CONTRADICTED_DEMO_SUMMARY) continue;
    const categories = { ...previousYear.narrative.categories, III: `${previousYear.narrative.categories.III}${previousYear.erratumCategoryIII}` };
    await db.update(stocktakes).set({ narrative: { summary: previousYear.narrative.summary, categories } }).where(eq(stocktakes.id, report.id));
    const { revision } = await publishStocktake(db, actor, { year: report.year, erratum: DEMO_NARRATIVE_ERRATUM }, renderReportPdf);
    corrected.push({ year: report.year, revision });
  }
  return corrected;
}

// An organisation's part in the stock-takes, as its page shows it (issue 17: "the organisation's
// page shows who acted"): its implementation statements in published reports and its replies to
// accepted observations, each naming the representative who entered it and, where the
// organisation requires it, the one who countersigned it. Statements are public once a report is
// published (the window's statements are the report's); replies once the observation is accepted.
import "server-only";
import { and, asc, desc, eq, exists, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/connect";
import {
  implementationStatements,
  norms,
  observationReplies,
  observations,
  organizationMembers,
  organizations,
  referenceNorms,
  stocktakeItems,
  stocktakeRevisions,
  stocktakes,
  users,
} from "~/db/schema";
import { notFound } from "../errors";
import { type Actor, isStaff } from "../policy";
import { personName } from "./person-name";

const countersigner = alias(users, "countersigner");

/**
 * The rule for a statement's visibility, over a query joined to `stocktakes`: its year's report
 * is published (the window's statements are the report's). Shared with the records across years.
 */
export const stocktakePublished = (db: Db) =>
  exists(db.select({ id: stocktakeRevisions.id }).from(stocktakeRevisions).where(eq(stocktakeRevisions.stocktakeId, stocktakes.id)));
const countersignedBy = personName(countersigner, true);

export async function stocktakeEntriesForOrganization(db: Db, actor: Actor | null, slug: string) {
  const organization = await db.query.organizations.findFirst({ columns: { id: true, verificationStatus: true }, where: eq(organizations.slug, slug) });
  if (!organization) throw notFound("The organisation");
  if (organization.verificationStatus === "rejected") {
    const member = actor
      ? await db.query.organizationMembers.findFirst({ columns: { role: true }, where: and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, actor.id)) })
      : undefined;
    if (!isStaff(actor) && !member) throw notFound("The organisation");
  }
  const published = stocktakePublished(db);
  const [statements, replies] = await Promise.all([
    db
      .select({
        year: stocktakes.year,
        normTitle: norms.title,
        normSlug: norms.slug,
        reference: referenceNorms.display,
        referenceId: referenceNorms.id,
        status: implementationStatements.status,
        text: implementationStatements.text,
        links: implementationStatements.links,
        updatedAt: implementationStatements.updatedAt,
        recordedBy: personName(users, true),
        countersignedById: implementationStatements.countersignedById,
        countersignedBy,
      })
      .from(implementationStatements)
      .innerJoin(stocktakeItems, eq(stocktakeItems.id, implementationStatements.itemId))
      .innerJoin(stocktakes, eq(stocktakes.id, stocktakeItems.stocktakeId))
      .leftJoin(norms, eq(norms.id, stocktakeItems.normId))
      .leftJoin(referenceNorms, eq(referenceNorms.id, stocktakeItems.referenceNormId))
      .innerJoin(users, eq(users.id, implementationStatements.recordedById))
      .leftJoin(countersigner, eq(countersigner.id, implementationStatements.countersignedById))
      .where(and(eq(implementationStatements.organizationId, organization.id), published))
      .orderBy(desc(stocktakes.year), asc(stocktakeItems.position)),
    db
      .select({
        year: stocktakes.year,
        observationTitle: observations.title,
        text: observationReplies.text,
        updatedAt: observationReplies.updatedAt,
        recordedBy: personName(users, true),
        countersignedById: observationReplies.countersignedById,
        countersignedBy,
      })
      .from(observationReplies)
      .innerJoin(observations, eq(observations.id, observationReplies.observationId))
      .innerJoin(stocktakes, eq(stocktakes.id, observations.stocktakeId))
      .innerJoin(users, eq(users.id, observationReplies.authorId))
      .leftJoin(countersigner, eq(countersigner.id, observationReplies.countersignedById))
      .where(and(eq(observationReplies.organizationId, organization.id), inArray(observations.status, ["accepted"])))
      .orderBy(desc(stocktakes.year), desc(observationReplies.updatedAt)),
  ]);
  const named = <T extends { countersignedById: string | null; countersignedBy: string }>({ countersignedById, countersignedBy, ...rest }: T) => ({
    ...rest,
    countersignedBy: countersignedById ? countersignedBy : null,
  });
  return {
    statements: statements.map((s) => named({ ...s, title: s.normTitle ?? s.reference ?? "" })),
    replies: replies.map(named),
  };
}

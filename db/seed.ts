import { eq, isNull } from "drizzle-orm";
import { saveNormSearch, searchColumns } from "~/server/domain/norms";
import type { Db, Tx } from "./connect";
import { demoComments, type DemoAuthor } from "./demo-comments";
import { demoDelegates } from "./demo-delegates";
import { seedDemoGovernance } from "./demo-governance";
import { demoNorms } from "./demo-norms";
import { currentYear, type DemoObservation, type DemoStatement, demoReferenceItems, previousYear } from "./demo-stocktakes";
import { emptyNarrative, gatherSnapshotInput } from "~/server/domain/stocktakes";
import { buildSnapshot, canonicalJson, sha256, snapshotCsv } from "~/server/domain/stocktake-snapshot";
import { renderReportPdf } from "~/server/stocktake-pdf/render";
import { demoPositions, positionOrganizations, revokedDemoOrganization } from "./demo-positions";
import { seedDemoAdherence } from "./demo-adherence";
import { seedDemoAmendments } from "./demo-amendments";
import { seedDemoNominations, seedDemoRepresentation } from "./demo-representation";
import { seedDemoSponsors } from "./demo-sponsors";
import { seedDemoUptake } from "./demo-uptake";
import { seedDemoSealed } from "./demo-sealed";
import { seedDemoTranslatedNorm } from "./demo-translations";
import { seedDemoCountersignature } from "./demo-countersign";
import { seedDemoNotifications } from "./demo-notifications";
import { seedDemoCodedObservations } from "./demo-observations";
import { correctDemoNarratives } from "./demo-corrections";
import { refreshMeasures } from "~/server/domain/positions";
import { slugify } from "~/server/domain/slug";
import { stageRules } from "~/server/domain/process";
import { closesAtAfter, isTimedStage } from "~/server/domain/stage-clock";
import { hashPassword } from "~/server/auth/password";
import { addMember, createOrganization, createUser } from "./factories";
import forumsData from "./reference-data/forums.json";
import referenceData from "./reference-data/reference-norms.json";
import glossaryData from "./reference-data/glossary.json";
import uptakeData from "./reference-data/uptake.json";
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
  commentAppeals,
  commentReports,
  commentRevisions,
  comments,
  moderationLog,
  forums,
  glossaryDefinitions,
  glossaryTerms,
  normUptakes,
  normCategories,
  referenceDocuments,
  referenceNormCategories,
  referenceNorms,
  normCitations,
  normEvents,
  normPlacements,
  norms,
  normPositionHistory,
  normPositions,
  normVersions,
  organizations,
  suspensions,
  users,
} from "./schema";
import { clock } from "~/server/clock";

type DocumentStatus = (typeof referenceDocuments.$inferInsert)["status"];
type AuthorKind = (typeof referenceDocuments.$inferInsert)["authorKind"];

/** Inserts the reference data that is missing; never overwrites an admin's correction. */
export async function seedReference(db: Db) {
  await db.transaction(async (tx) => {
    await tx
      .insert(normCategories)
      .values(
        referenceData.categories.map((c, i) => ({
          code: c.code,
          title: c.title,
          analysis: referenceData.analysis.find((a) => a.category === c.code)?.text ?? "",
          position: i,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(referenceDocuments)
      .values(
        referenceData.sources.map((s) => ({
          key: s.key,
          title: s.title,
          issuer: s.issuer,
          date: s.date,
          reference: s.reference,
          status: s.status as DocumentStatus,
          authorKind: s.authorKind as AuthorKind,
          url: s.url,
          describedInPaperAs: s.describedInPaperAs,
        })),
      )
      .onConflictDoNothing();
    const insertedNorms = await tx
      .insert(referenceNorms)
      .values(
        referenceData.norms.map((n, i) => ({
          id: n.id,
          documentKey: n.source,
          display: n.display,
          label: n.label,
          text: n.text,
          variants: "variants" in n ? n.variants : [],
          position: i,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: referenceNorms.id });
    // Placements only for the norms just inserted: an admin's correction of a norm's categories stays.
    const fresh = new Set(insertedNorms.map((n) => n.id));
    const placements = referenceData.norms.filter((n) => fresh.has(n.id)).flatMap((n) => n.categories.map((code) => ({ normId: n.id, categoryCode: code })));
    if (placements.length) await tx.insert(referenceNormCategories).values(placements).onConflictDoNothing();
    await tx
      .insert(forums)
      .values(
        forumsData.map((f) => ({
          id: f.id,
          name: f.name,
          kind: f.kind,
          year: f.year,
          date: f.date,
          parties: f.parties,
          normType: f.normType,
          summary: f.summary,
          reference: f.reference,
          seed: f.seed,
          otherSeeds: f.otherSeeds,
        })),
      )
      .onConflictDoNothing();
    await seedGlossary(tx);
    await seedUptake(tx);
  });
}

/** The glossary's terms that are missing, each with its definitions (an edited term is left alone). */
async function seedGlossary(tx: Tx) {
  const inserted = await tx
    .insert(glossaryTerms)
    .values(glossaryData.terms.map((t) => ({ slug: t.slug, term: t.term, aliases: t.aliases, note: t.note })))
    .onConflictDoNothing()
    .returning({ slug: glossaryTerms.slug });
  const fresh = new Set(inserted.map((t) => t.slug));
  const definitions = glossaryData.terms
    .filter((t) => fresh.has(t.slug))
    .flatMap((t) =>
      t.definitions.map((d: { referenceDocumentKey?: string; source?: string; text: string; locator?: string; url?: string }, position) => ({
        termSlug: t.slug,
        referenceDocumentKey: d.referenceDocumentKey ?? null,
        source: d.source ?? "",
        text: d.text,
        locator: d.locator ?? "",
        url: d.url ?? null,
        position,
      })),
    );
  if (definitions.length) await tx.insert(glossaryDefinitions).values(definitions);
}

/**
 * The reference norms' uptake from public records (db/reference-data/uptake.json), once: only while
 * no seeded record (one with no recorder) exists, so a record the secretariat edited or deleted is
 * not put back.
 */
async function seedUptake(tx: Tx) {
  const [seeded] = await tx.select({ id: normUptakes.id }).from(normUptakes).where(isNull(normUptakes.createdById)).limit(1);
  if (seeded) return;
  const rows = uptakeData.records.flatMap((r) =>
    r.referenceNormIds.map((referenceNormId) => ({
      referenceNormId,
      document: r.document,
      forumId: r.forumId,
      forum: r.forum,
      paragraph: r.paragraph,
      takenUpOn: r.takenUpOn,
      url: r.url,
      parties: r.parties,
    })),
  );
  if (rows.length) await tx.insert(normUptakes).values(rows);
}

export const DEMO_PASSWORD = "demo-password-2026";
export const demoAccounts = {
  admin: "admin@demo.normsforum.example",
  secretariat: "secretariat@demo.normsforum.example",
  member: "member@demo.normsforum.example",
  representative: "rep@demo.normsforum.example",
  otherRepresentative: "rep2@demo.normsforum.example",
  suspended: "suspended@demo.normsforum.example",
} as const;

const demoDescription = "Demonstration organisation for trying the forum; not the real body.";

/** Demo organisations of every stakeholder type and region, and one account per role. */
export async function seedDemo(db: Db) {
  const existing = await db.query.users.findFirst({ where: eq(users.email, demoAccounts.admin) });
  if (existing) return;
  await db.transaction(async (tx) => {
    const make = (key: keyof typeof demoAccounts, displayName: string, role: "member" | "secretariat" | "admin" = "member") =>
      createUser(tx, { email: demoAccounts[key], displayName, password: DEMO_PASSWORD, role });
    const admin = await make("admin", "Ada Admin", "admin");
    const secretariat = await make("secretariat", "Sam Secretariat", "secretariat");
    const member = await make("member", "Mia Member");
    const rep = await make("representative", "Rafael Representative");
    const rep2 = await make("otherRepresentative", "Rin Representative");
    const suspended = await make("suspended", "Sol Suspended");

    // The organisations the role accounts do not represent each have a representative of their
    // own (db/demo-delegates.ts): staff accounts represent no organisation.
    const delegateHash = await hashPassword(DEMO_PASSWORD);
    const delegate = async (organizationName: string) => {
      const person = demoDelegates[organizationName];
      if (!person) throw new Error(`No demo representative for ${organizationName}`);
      return (await createUser(tx, { ...person, passwordHash: delegateHash })).id;
    };
    const org = async (
      name: string,
      stakeholderType: StakeholderTypeName,
      region: RegionName,
      country: string | null,
      createdById: string | "delegate",
      status: "verified" | "pending" = "verified",
      website: string | null = null,
    ) =>
      createOrganization(tx, {
        name,
        slug: slugify(name),
        stakeholderType,
        region,
        country,
        website,
        description: demoDescription,
        status,
        createdById: createdById === "delegate" ? await delegate(name) : createdById,
      });

    const kenya = await org("Ministry of Foreign Affairs of Kenya", "state", "african", "KE", rep.id);
    await org("Ministry of Foreign Affairs of Japan", "state", "asia_pacific", "JP", "delegate");
    await org("Ministry of Foreign Affairs of Poland", "state", "eastern_european", "PL", "delegate");
    await org("Ministry of Foreign Affairs of Brazil", "state", "latin_american_caribbean", "BR", "delegate");
    await org("Federal Foreign Office of Germany", "state", "weog", "DE", "delegate");
    await org("Regional Cyber Cooperation Organisation", "intergovernmental", "global", null, "delegate");
    const company = await org("Open Networks Ltd", "private_sector", "weog", "IE", rep2.id, "verified", "https://open-networks.example");
    const ngo = await org("Digital Rights Collective", "civil_society", "latin_american_caribbean", "AR", rep.id);
    await org("Institute for Cyber Policy Studies", "academia", "eastern_european", "EE", "delegate");
    await org("Pacific CERT Coordination Centre", "technical_community", "asia_pacific", "AU", member.id, "pending");
    // A likely duplicate of Open Networks Ltd, so the verification queue shows its warning.
    await org("Open Networks Limited", "private_sector", "weog", "IE", member.id, "pending", "https://open-networks.example");

    await addMember(tx, kenya.id, member.id, "member", true);
    await addMember(tx, company.id, suspended.id, "member", false);
    await addMember(tx, ngo.id, rep2.id, "member", true);
    await tx.insert(suspensions).values({
      userId: suspended.id,
      reason: "Repeated personal attacks in comments (demo suspension).",
      endsAt: null,
      createdById: secretariat.id,
      imposedByRole: "secretariat",
    });
    for (const o of positionOrganizations) await org(o.name, o.stakeholderType, o.region, o.country, "delegate");
    // An observer (issue 17): it follows, comments and files statements, but takes no positions;
    // it has asked the secretariat to take part fully (the verification queue shows the request).
    const observer = await org("Cyber Peace Observatory", "civil_society", "asia_pacific", "SG", "delegate");
    await tx
      .update(organizations)
      .set({ participation: "observer", participationRequestedAt: new Date(clock.nowMs() - 3 * DAY), participationRequestedById: observer.createdById })
      .where(eq(organizations.id, observer.id));
    await seedDemoNorms(tx, { representative: rep.id, otherRepresentative: rep2.id, member: member.id }, secretariat.id);
    // A norm whose authoritative text is French, with English and Arabic translations (issue 20).
    await seedDemoTranslatedNorm(tx, rep2.id, secretariat.id);
    await seedDemoPositions(tx);
    await seedDemoSealed(tx);
    await seedDemoAmendments(tx, { member: member.id, representative: rep.id, otherRepresentative: rep2.id });
    await seedDemoSponsors(tx);
    await tx
      .update(organizations)
      .set({
        verificationStatus: "revoked",
        statusReason: "The organisation could not show that it operates independently of its funders (demo revocation).",
        statusChangedAt: clock.now(),
        statusChangedById: secretariat.id,
      })
      .where(eq(organizations.slug, revokedDemoOrganization));
    await seedMeasures(tx);
    await seedDemoAdherence(tx);
    await seedDemoUptake(tx);
    await seedDemoComments(tx, { member: member.id, representative: rep.id, otherRepresentative: rep2.id, suspended: suspended.id, admin: admin.id }, secretariat.id);
    await seedDemoStocktakes(tx, { member: member.id, representative: rep.id, otherRepresentative: rep2.id }, secretariat.id);
    await seedDemoCodedObservations(tx, { member: member.id, representative: rep.id }, { secretariat: secretariat.id, admin: admin.id });
    await seedDemoRepresentation(tx, secretariat.id);
    await seedDemoNominations(tx, delegateHash);
    await seedDemoCountersignature(tx, delegateHash);
    await seedDemoGovernance(tx, admin.id);
    // Last: a notification history drawn from everything above (issue 18).
    await seedDemoNotifications(tx);
  });
}

const DAY = 24 * 60 * 60 * 1000;

/** The demo proposals (db/demo-norms.ts) in their states, with versions and timelines. */
async function seedDemoNorms(tx: Tx, proposers: Record<"representative" | "otherRepresentative" | "member", string>, secretariatId: string) {
  const orgRows = await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
  const ids = new Map<string, string>();
  const now = clock.nowMs();
  // A demo norm in a timed stage closes as one migrated into the clock did (migration 0021): the
  // stage's default from today, so the demo starts with every stage open.
  const rules = await stageRules(tx);
  // Survivors first, so a merged norm can point at its survivor.
  const ordered = [...demoNorms].sort((a, b) => Number(a.status === "merged") - Number(b.status === "merged"));
  for (const [i, demo] of ordered.entries()) {
    const proposerId = proposers[demo.proposer];
    const start = now - (90 - i * 6) * DAY;
    const at = (step: number) => new Date(start + step * 2 * DAY);
    const current = demo.versions.at(-1)!;
    const stageClosesAt = isTimedStage(demo.status) ? closesAtAfter(new Date(now), demo.lastOpenDayInDays ?? rules[demo.status].defaultDays) : null;
    // A stage past its date has its close recorded, as the tick would have done.
    const stageClosedAt = stageClosesAt && stageClosesAt.getTime() <= now ? stageClosesAt : null;
    const [norm] = await tx
      .insert(norms)
      .values({
        slug: slugify(demo.title),
        status: demo.status,
        kind: demo.kind,
        bindingness: demo.bindingness,
        rationale: demo.rationale,
        proposerId,
        organizationId: demo.organizationSlug ? orgRows.find((o) => o.slug === demo.organizationSlug)!.id : null,
        currentVersion: demo.versions.length,
        title: demo.title,
        summary: demo.summary,
        mergedIntoId: demo.mergedIntoTitle ? ids.get(demo.mergedIntoTitle) : null,
        // Every demo norm past the draft stage was submitted (the timeline below says when).
        submittedAt: demo.status === "draft" ? null : at(1),
        stageClosesAt,
        stageClosedAt,
        createdAt: at(0),
        updatedAt: at(demo.versions.length + 3),
        lastActivityAt: at(demo.versions.length + 3),
      })
      .returning({ id: norms.id });
    ids.set(demo.title, norm!.id);
    await saveNormSearch(tx, norm!.id, demo.title, searchColumns("en", demo.title, demo.summary, current.clauses));
    await tx.insert(normVersions).values(
      demo.versions.map((v, n) => ({
        normId: norm!.id,
        number: n + 1,
        title: demo.title,
        summary: demo.summary,
        clauses: v.clauses,
        changeSummary: v.changeSummary,
        authorId: proposerId,
        createdAt: at(n === 0 ? 0 : n + 1),
      })),
    );
    await tx.insert(normPlacements).values(demo.categories.map((categoryCode) => ({ normId: norm!.id, categoryCode })));
    if (demo.citations.length) {
      await tx.insert(normCitations).values(demo.citations.map((referenceNormId) => ({ normId: norm!.id, referenceNormId })));
    }
    // The timeline that leads to the demo's state.
    const path: { type: (typeof normEvents.$inferInsert)["type"]; from: (typeof norms.$inferInsert)["status"]; to: (typeof norms.$inferInsert)["status"]; by: string }[] = [];
    if (demo.status !== "draft") path.push({ type: "submit", from: "draft", to: "consultation", by: proposerId });
    if (demo.status === "endorsement" || demo.status === "concluded") path.push({ type: "openEndorsement", from: "consultation", to: "endorsement", by: secretariatId });
    if (demo.status === "concluded") path.push({ type: "conclude", from: "endorsement", to: "concluded", by: secretariatId });
    if (demo.status === "withdrawn") path.push({ type: "withdraw", from: "consultation", to: "withdrawn", by: proposerId });
    if (demo.status === "merged") path.push({ type: "merge", from: "consultation", to: "merged", by: secretariatId });
    await tx.insert(normEvents).values([
      { normId: norm!.id, type: "created" as const, toStatus: "draft" as const, version: 1, actorId: proposerId, createdAt: at(0) },
      ...demo.versions.slice(1).map((v, n) => ({
        normId: norm!.id,
        type: "revised" as const,
        version: n + 2,
        actorId: proposerId,
        note: v.changeSummary,
        createdAt: at(n + 2),
      })),
      ...path.map((e, n) => ({
        normId: norm!.id,
        type: e.type,
        fromStatus: e.from,
        toStatus: e.to,
        version: e.type === "submit" ? 1 : demo.versions.length,
        actorId: e.by,
        // The move into the stage the norm is in now sets its date, as transitionNorm does.
        closesAt: n === path.length - 1 && e.to === demo.status ? stageClosesAt : null,
        createdAt: e.type === "submit" ? at(1) : at(demo.versions.length + 2 + n),
      })),
      ...(stageClosedAt && isTimedStage(demo.status)
        ? [{ normId: norm!.id, type: "stageClosed" as const, fromStatus: demo.status, toStatus: demo.status, version: demo.versions.length, actorId: null, closesAt: stageClosedAt, createdAt: stageClosedAt }]
        : []),
    ]);
  }
}

/** Demo positions (db/demo-positions.ts) with their histories, recorded by each organisation's creator. */
async function seedDemoPositions(tx: Tx) {
  const [orgRows, normRows, versionRows] = await Promise.all([
    tx.select({ id: organizations.id, slug: organizations.slug, createdById: organizations.createdById }).from(organizations),
    tx.select({ id: norms.id, title: norms.title }).from(norms),
    tx.select({ normId: normVersions.normId, number: normVersions.number, clauses: normVersions.clauses }).from(normVersions),
  ]);
  const now = clock.nowMs();
  for (const demo of demoPositions) {
    const organization = orgRows.find((o) => o.slug === demo.organization);
    const norm = normRows.find((n) => n.title === demo.norm);
    if (!organization || !norm) throw new Error(`Demo position refers to an unknown norm or organisation: ${demo.norm} / ${demo.organization}`);
    for (const step of demo.steps) {
      const count = versionRows.find((v) => v.normId === norm.id && v.number === step.version)?.clauses.length ?? 0;
      if (step.clauses?.some((c) => c < 1 || c > count)) throw new Error(`Demo position names a clause beyond version ${step.version} of ${demo.norm}`);
    }
    const rows = demo.steps.map((step, i) => ({
      normId: norm.id,
      organizationId: organization.id,
      sequence: i + 1,
      kind: step.kind ?? ("recorded" as const),
      stance: step.stance,
      statement: step.statement ?? "",
      version: step.version,
      clauses: step.clauses ?? [],
      recordedById: organization.createdById,
      recordedAt: new Date(now - step.daysAgo * DAY),
    }));
    await tx.insert(normPositionHistory).values(rows);
    const { kind: _kind, ...current } = rows.at(-1)!;
    await tx.insert(normPositions).values(current);
  }
}

/** The demo discussion (db/demo-comments.ts): threads, an edit history, a hidden comment and its appeal, an open report. */
async function seedDemoComments(tx: Tx, people: Record<DemoAuthor, string>, secretariatId: string) {
  const [orgRows, normRows] = await Promise.all([
    tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations),
    tx.select({ id: norms.id, title: norms.title, currentVersion: norms.currentVersion }).from(norms),
  ]);
  const now = clock.nowMs();
  const placed = new Map<string, { id: string; threadId: string; depth: number; version: number; clause: number | null }>();
  for (const demo of demoComments) {
    const norm = normRows.find((n) => n.title === demo.norm);
    if (!norm) throw new Error(`Demo comment on an unknown norm: ${demo.norm}`);
    const parent = demo.replyTo ? placed.get(demo.replyTo) : undefined;
    const id = crypto.randomUUID();
    const createdAt = new Date(now - demo.daysAgo * DAY);
    const place = parent
      ? { threadId: parent.threadId, parentId: parent.id, depth: parent.depth + 1, version: parent.version, clause: parent.clause }
      : { threadId: id, parentId: null, depth: 0, version: demo.version ?? norm.currentVersion, clause: demo.clause ?? null };
    const editedAt = demo.earlier?.length ? new Date(createdAt.getTime() + DAY) : null;
    await tx.insert(comments).values({
      id,
      normId: norm.id,
      ...place,
      authorId: people[demo.author],
      organizationId: demo.organization ? orgRows.find((o) => o.slug === demo.organization)!.id : null,
      language: demo.language ?? "en",
      body: demo.body,
      createdAt,
      editedAt,
      status: demo.hidden ? "hidden" : "visible",
      hiddenRule: demo.hidden?.rule ?? null,
      hiddenNote: demo.hidden?.note ?? null,
      hiddenAt: demo.hidden ? new Date(createdAt.getTime() + DAY) : null,
    });
    placed.set(demo.key, { id, ...place });
    for (const [i, body] of (demo.earlier ?? []).entries()) {
      await tx.insert(commentRevisions).values({ commentId: id, body, writtenAt: createdAt, replacedAt: new Date(createdAt.getTime() + DAY + i) });
    }
    if (demo.hidden) {
      await tx.insert(moderationLog).values({ action: "hide", commentId: id, normId: norm.id, rule: demo.hidden.rule, note: demo.hidden.note, actorId: secretariatId, createdAt: new Date(createdAt.getTime() + DAY) });
      if (demo.hidden.appeal) {
        await tx.insert(commentAppeals).values({ commentId: id, authorId: people[demo.author], text: demo.hidden.appeal, createdAt: new Date(createdAt.getTime() + 2 * DAY) });
      }
    }
    if (demo.reportedBy) {
      await tx.insert(commentReports).values({ commentId: id, reporterId: people[demo.reportedBy.who], reason: demo.reportedBy.reason, createdAt: new Date(createdAt.getTime() + DAY / 2) });
    }
  }
}

/** Last year's report, published with a correction, and this year's open cycle (db/demo-stocktakes.ts). */
async function seedDemoStocktakes(tx: Tx, people: Record<DemoObservation["reporter"], string>, secretariatId: string) {
  const thisYear = clock.now().getUTCFullYear();
  const lastYear = thisYear - 1;
  const [orgRows, normRows] = await Promise.all([
    tx.select({ id: organizations.id, slug: organizations.slug, createdById: organizations.createdById }).from(organizations),
    tx.select({ id: norms.id, title: norms.title, status: norms.status }).from(norms),
  ]);
  const org = (slug: string) => orgRows.find((o) => o.slug === slug) ?? missing(slug);
  const normId = (title: string) => normRows.find((n) => n.title === title)?.id ?? missing(title);

  async function cycle(year: number, window: { opensOn: string; closesOn: string }, normTitles: string[], statements: DemoStatement[], demoObservations: DemoObservation[]) {
    const [st] = await tx
      .insert(stocktakes)
      .values({ year, opensOn: `${year}${window.opensOn}`, closesOn: `${year}${window.closesOn}`, narrative: emptyNarrative(), createdById: secretariatId, createdAt: new Date(`${year}${window.opensOn}T09:00:00Z`) })
      .returning();
    const items = await tx
      .insert(stocktakeItems)
      .values([
        ...normTitles.map((title, position) => ({ stocktakeId: st!.id, normId: normId(title), position })),
        ...demoReferenceItems.map((referenceNormId, i) => ({ stocktakeId: st!.id, referenceNormId, position: normTitles.length + i })),
      ])
      .returning();
    const item = (key: string) => items.find((i) => i.referenceNormId === key || (i.normId && i.normId === normRows.find((n) => n.title === key)?.id)) ?? missing(key);
    for (const s of statements) {
      const o = org(s.organization);
      await tx.insert(implementationStatements).values({ itemId: item(s.item).id, organizationId: o.id, status: s.status, text: s.text, links: s.links ?? [], recordedById: o.createdById });
    }
    for (const d of demoObservations) {
      const reviewed = d.review.status !== "pending";
      const [row] = await tx
        .insert(observations)
        .values({
          stocktakeId: st!.id,
          reporterId: people[d.reporter],
          title: d.title,
          description: d.description,
          occurredOn: `${year}${d.occurredOn}`,
          outsideActors: d.outsideActors,
          sources: d.sources.map((url) => ({ url })),
          codebookVersion: "v0",
          singleReviewer: reviewed,
          status: d.review.status,
          reviewNote: d.review.status === "rejected" ? d.review.note : null,
          reviewedById: reviewed ? secretariatId : null,
          reviewedAt: reviewed ? new Date(`${year}${d.occurredOn}T12:00:00Z`) : null,
        })
        .returning({ id: observations.id });
      if (d.organizations.length) await tx.insert(observationOrganizations).values(d.organizations.map((slug) => ({ observationId: row!.id, organizationId: org(slug).id })));
      const actors = [...d.organizations.map((slug) => ({ kind: "organization" as const, organizationId: org(slug).id })), ...d.outsideActors.map((label) => ({ kind: "unattributed" as const, label }))];
      if (actors.length) await tx.insert(observationActors).values(actors.map((a, position) => ({ observationId: row!.id, position, ...a })));
      await tx.insert(observationAssessments).values(d.assessments.map((a) => ({ observationId: row!.id, itemId: item(a.item).id, assessment: a.assessment })));
      if (d.reply) {
        const o = org(d.reply.organization);
        await tx.insert(observationReplies).values({ observationId: row!.id, organizationId: o.id, text: d.reply.text, authorId: o.createdById });
      }
    }
    return st!;
  }

  const previous = await cycle(lastYear, previousYear, previousYear.norms, previousYear.statements, previousYear.observations);
  await tx.update(stocktakes).set({ narrative: previousYear.narrative }).where(eq(stocktakes.id, previous.id));
  const covered = normRows.filter((n) => n.status === "endorsement" || n.status === "concluded").map((n) => n.title);
  await cycle(thisYear, currentYear, covered, currentYear.statements, currentYear.observations);

  // Last year's report. The demo norms' histories are dated within the last few months, so the
  // figures are read as they stand now and some positions left out, to give the comparison with
  // this year something to show.
  const stored = (await tx.query.stocktakes.findFirst({ where: eq(stocktakes.id, previous.id) }))!;
  const base = await gatherSnapshotInput(tx, stored, clock.now(), 1, clock.now(), null);
  const input = {
    ...base,
    window: { ...base.window, closedAt: new Date(`${lastYear}-12-01T00:00:00Z`) },
    items: base.items.map((i) => ({ ...i, positions: i.positions.filter((_, n) => n % 3 !== 0) })),
  };
  const revisions = [
    { revision: 1, publishedAt: new Date(`${lastYear}-12-15T10:00:00Z`), erratum: null, narrative: previousYear.narrative },
    {
      revision: 2,
      publishedAt: new Date(`${thisYear}-01-12T10:00:00Z`),
      erratum: previousYear.erratum,
      narrative: { ...previousYear.narrative, categories: { ...previousYear.narrative.categories, III: `${previousYear.narrative.categories.III}${previousYear.erratumCategoryIII}` } },
    },
  ];
  for (const r of revisions) {
    const snapshot = buildSnapshot({ ...input, revision: r.revision, publishedAt: r.publishedAt, erratum: r.erratum, narrative: r.narrative });
    const json = canonicalJson(snapshot);
    const hash = sha256(json);
    await tx.insert(stocktakeRevisions).values({
      stocktakeId: previous.id,
      revision: r.revision,
      publishedAt: r.publishedAt,
      erratum: r.erratum,
      snapshot: json,
      sha256: hash,
      pdf: await renderReportPdf(snapshot, hash),
      csv: snapshotCsv(snapshot, hash),
      publishedById: secretariatId,
    });
  }
}

function missing(what: string): never {
  throw new Error(`Demo data refers to something that does not exist: ${what}`);
}

async function seedMeasures(tx: Tx) {
  const normRows = await tx.select({ id: norms.id }).from(norms);
  for (const { id } of normRows) await refreshMeasures(tx, id);
}

type StakeholderTypeName = Parameters<typeof createOrganization>[1]["stakeholderType"] & string;
type RegionName = Parameters<typeof createOrganization>[1]["region"] & string;

export async function seed(db: Db, options: { demo: boolean }) {
  await seedReference(db);
  if (options.demo) {
    await seedDemo(db);
    await correctDemoNarratives(db, demoAccounts.secretariat);
  }
}

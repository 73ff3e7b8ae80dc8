// Translations of a norm's versions (issue 20, "The content"): who may add or replace one (the
// norm's authors and the secretariat, nobody else, and nobody on a draft they cannot see), what is
// refused (a clause count other than the version's, fields out of bounds, the authoritative
// language itself), reading a version in a language, the redline within one language, and a norm
// found by words in any of its languages.
import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "~/db/connect";
import { createUser } from "~/db/factories";
import { auditLog, norms, normVersionTranslations } from "~/db/schema";
import { searchableIn } from "~/server/domain/norms";
import { normResponse, normVersionResponse } from "~/server/open-data/norms";
import { normDetail, normVersion } from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { responseTeamNormFields } from "./support/moves";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const refusedWith = (code: TRPCError["code"], message?: RegExp) => expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) });

const french = {
  language: "fr" as const,
  title: "Protéger les équipes d'intervention",
  summary: "Les États ne devraient pas nuire au travail des équipes d'intervention d'urgence autorisées.",
  clauses: ["Les États ne devraient pas nuire aux CSIRT.", "Les États devraient coopérer avec les CSIRT."],
  rationale: "",
};

let counter = 0;
/** A norm in English in consultation, with a co-author, and people around it. */
async function setting() {
  const n = ++counter;
  const proposerUser = await createUser(db, { displayName: "Pat Proposer" });
  const coauthorUser = await createUser(db, { displayName: "Cole Coauthor" });
  const memberUser = await createUser(db);
  const staffUser = await createUser(db, { role: "secretariat", displayName: "Sam Secretariat" });
  const proposer = await callerAs(db, proposerUser);
  const { slug } = await proposer.norms.create({ ...responseTeamNormFields, title: `Protecting response teams ${n}` });
  const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  const invitation = await proposer.norms.inviteCoauthor({ normId: norm.id, email: coauthorUser.email });
  const coauthor = await callerAs(db, coauthorUser);
  await coauthor.norms.respondToInvitation({ invitationId: invitation.invitationId, accept: true });
  return { slug, norm, proposer, coauthor, member: await callerAs(db, memberUser), staff: await callerAs(db, staffUser), visitor: await callerAs(db, null) };
}

describe("who may add a translation", () => {
  it("refuses everyone on a draft but its authors: the secretariat does not see it", async () => {
    const s = await setting();
    await expect(s.staff.norms.translate({ normId: s.norm.id, version: 1, ...french })).rejects.toEqual(refusedWith("NOT_FOUND"));
    await expect(s.member.norms.translate({ normId: s.norm.id, version: 1, ...french })).rejects.toEqual(refusedWith("NOT_FOUND"));
    await s.coauthor.norms.translate({ normId: s.norm.id, version: 1, ...french });
    expect(await db.select().from(normVersionTranslations).where(eq(normVersionTranslations.normId, s.norm.id))).toHaveLength(1);
  });

  it("lets the proposer, a co-author and the secretariat add or replace one; refuses a member and a visitor", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    await expect(s.member.norms.translate({ normId: s.norm.id, version: 1, ...french })).rejects.toEqual(refusedWith("FORBIDDEN", /authors and the secretariat/));
    await expect(s.visitor.norms.translate({ normId: s.norm.id, version: 1, ...french })).rejects.toEqual(refusedWith("UNAUTHORIZED"));
    await s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french });
    await s.coauthor.norms.translate({ normId: s.norm.id, version: 1, ...french, title: "Protéger les équipes d'intervention d'urgence" });
    await s.staff.norms.translate({ normId: s.norm.id, version: 1, ...french, language: "es", title: "Proteger a los equipos de respuesta", summary: "Los Estados no deberían perjudicar la labor de los equipos de respuesta autorizados.", clauses: ["Los Estados no deberían perjudicar a los CSIRT.", "Los Estados deberían cooperar con los CSIRT."] });
    const rows = await db.select().from(normVersionTranslations).where(eq(normVersionTranslations.normId, s.norm.id));
    expect(rows.map((r) => r.language).sort()).toEqual(["es", "fr"]);
    // Replaced, not added: one French translation, by its last provider.
    const fr = (await s.visitor.norms.translation({ slug: s.slug, number: 1, language: "fr" })).translation!;
    expect(fr).toMatchObject({ title: "Protéger les équipes d'intervention d'urgence", providedBy: "Cole Coauthor", language: "fr" });

    // The secretariat's translation is in the audit log, added then replaced; the authors' are not
    // (the page names them as its providers).
    await s.staff.norms.translate({ normId: s.norm.id, version: 1, ...french, language: "es", title: "Proteger a los equipos de respuesta a incidentes", summary: "Los Estados no deberían perjudicar la labor de los equipos de respuesta autorizados.", clauses: ["Los Estados no deberían perjudicar a los CSIRT.", "Los Estados deberían cooperar con los CSIRT."] });
    const audited = await db.select().from(auditLog).where(eq(auditLog.action, "norm.translation_saved"));
    const spanish = rows.find((r) => r.language === "es")!;
    expect(audited.filter((a) => a.details.slug === s.slug).map((a) => ({ targetId: a.targetId, details: a.details }))).toEqual([
      { targetId: spanish.id, details: { slug: s.slug, version: 1, language: "es", replaced: false } },
      { targetId: spanish.id, details: { slug: s.slug, version: 1, language: "es", replaced: true } },
    ]);
  });
});

describe("what a translation must be", () => {
  it("has the version's number of clauses, fields within the version's bounds, and another language than the authoritative one", async () => {
    const s = await setting();
    const refusedOn = (field: string) => expect.objectContaining({ code: "BAD_REQUEST", cause: expect.objectContaining({ fieldErrors: expect.objectContaining({ [field]: expect.any(String) }) }) });
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, clauses: [french.clauses[0]!] })).rejects.toEqual(refusedOn("clauses"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, clauses: [...french.clauses, "Une troisième."] })).rejects.toEqual(refusedOn("clauses"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, title: "Abc" })).rejects.toEqual(refusedWith("BAD_REQUEST"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, summary: "x".repeat(1001) })).rejects.toEqual(refusedWith("BAD_REQUEST"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, language: "en" })).rejects.toEqual(refusedOn("language"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, language: "de" as "fr" })).rejects.toEqual(refusedWith("BAD_REQUEST"));
    await expect(s.proposer.norms.translate({ normId: s.norm.id, version: 2, ...french })).rejects.toEqual(refusedWith("NOT_FOUND"));
    expect(await db.select().from(normVersionTranslations).where(eq(normVersionTranslations.normId, s.norm.id))).toHaveLength(0);
  });
});

describe("reading in a language", () => {
  it("gives the version's translation with who provided it, lists the norm's translations, and compares within one language", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    await s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french });
    const read = await s.visitor.norms.translation({ slug: s.slug, number: 1, language: "fr" });
    expect(read.translation).toMatchObject({ language: "fr", title: french.title, clauses: french.clauses, providedBy: "Pat Proposer" });
    expect(read.version.title).toBe(`Protecting response teams ${counter}`);
    expect((await s.visitor.norms.translation({ slug: s.slug, number: 1, language: "ru" })).translation).toBeNull();
    const norm = await s.visitor.norms.get({ slug: s.slug });
    expect(norm.translations).toEqual([expect.objectContaining({ version: 1, language: "fr", providedBy: "Pat Proposer" })]);
    expect(norm.viewer.canTranslate).toBe(false);
    expect((await s.staff.norms.get({ slug: s.slug })).viewer.canTranslate).toBe(true);

    // A second version: the French translation is now of an older version.
    await s.proposer.norms.revise({ ...responseTeamNormFields, title: norm.title, normId: s.norm.id, baseVersion: 1, clauses: ["States should not harm CSIRTs in any way.", "States should cooperate with CSIRTs."], changeSummary: "Broader first clause." });
    // Only one version translated: the redline in French compares the authoritative texts.
    const english = await s.visitor.norms.redline({ slug: s.slug, from: 1, to: 2, language: "fr" });
    expect(english).toMatchObject({ language: "en", translated: null });
    await s.coauthor.norms.translate({ normId: s.norm.id, version: 2, ...french, clauses: ["Les États ne devraient en aucune façon nuire aux CSIRT.", french.clauses[1]!] });
    const inFrench = await s.visitor.norms.redline({ slug: s.slug, from: 1, to: 2, language: "fr" });
    expect(inFrench.language).toBe("fr");
    expect(inFrench.translated?.to.providedBy).toBe("Cole Coauthor");
    expect(JSON.stringify(inFrench.clauses)).toContain("aucune");
  });
});

describe("open data in a language", () => {
  it("gives the translated fields with ?lang=, says which language each field is in, and lists the translations", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    await s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french });
    const read = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

    const plain = await read(await normResponse(db, s.slug));
    expect(plain.status).toBe(200);
    expect(normDetail.parse(plain.body)).toMatchObject({ language: "en", translation: null, fieldLanguages: { title: "en", clauses: "en" } });
    expect(plain.body.translations).toEqual([expect.objectContaining({ language: "fr", version: 1, providedBy: "Pat Proposer" })]);

    const inFrench = await read(await normResponse(db, s.slug, new URLSearchParams("lang=fr")));
    expect(normDetail.parse(inFrench.body)).toMatchObject({
      language: "en",
      title: french.title,
      clauses: french.clauses,
      translation: { language: "fr", version: 1, providedBy: "Pat Proposer" },
      fieldLanguages: { title: "fr", summary: "fr", clauses: "fr", rationale: "en" },
    });
    // No Russian translation: the authoritative text, said to be so.
    const inRussian = await read(await normResponse(db, s.slug, new URLSearchParams("lang=ru")));
    expect(inRussian.body).toMatchObject({ title: `Protecting response teams ${counter}`, translation: null, fieldLanguages: { title: "en" } });

    const version = await read(await normVersionResponse(db, s.slug, "1", new URLSearchParams("lang=fr")));
    expect(normVersion.parse(version.body)).toMatchObject({ title: french.title, translation: { language: "fr" }, fieldLanguages: { clauses: "fr" } });

    expect((await read(await normResponse(db, s.slug, new URLSearchParams("lang=de")))).status).toBe(400);
    expect((await read(await normVersionResponse(db, s.slug, "1", new URLSearchParams("language=fr")))).status).toBe(400);
  });
});

describe("search in every language", () => {
  it("finds a norm by a word of its translation, in the translation's language", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    await s.proposer.norms.translate({ normId: s.norm.id, version: 1, ...french, title: "Protéger les équipes d'intervention informatique" });
    const found = await s.visitor.norms.list({ q: "informatiques" });
    expect(found.items.find((i) => i.slug === s.slug)?.matchedLanguages).toEqual(["fr"]);
    // The list in the reader's language: the French title and summary where a French reader asks,
    // the authoritative text elsewhere (no Spanish translation; no language asked).
    const inFrench = (await s.visitor.norms.list({ q: "informatiques", language: "fr" })).items.find((i) => i.slug === s.slug)!;
    expect(inFrench.inReaderLanguage).toEqual({ title: "Protéger les équipes d'intervention informatique", summary: french.summary, version: 1 });
    expect((await s.visitor.norms.list({ q: "informatiques", language: "es" })).items.find((i) => i.slug === s.slug)!.inReaderLanguage).toBeNull();
    expect(found.items.find((i) => i.slug === s.slug)!.inReaderLanguage).toBeNull();
    // After a new version the translation of the earlier one still finds it.
    await s.proposer.norms.revise({ ...responseTeamNormFields, title: `Protecting response teams ${counter}`, normId: s.norm.id, baseVersion: 1, changeSummary: "Same text, saved again." });
    expect((await s.visitor.norms.list({ q: "informatiques" })).items.map((i) => i.slug)).toContain(s.slug);
  });

  it("finds a norm by Chinese characters of its Chinese translation, which PostgreSQL does not segment", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    await s.coauthor.norms.translate({ normId: s.norm.id, version: 1, language: "zh", title: "保护计算机应急响应小组", summary: "各国不应损害获得授权的计算机应急响应小组的工作，并应与这些小组开展合作。", clauses: ["各国不应损害计算机应急响应小组。", "各国应与计算机应急响应小组合作。"], rationale: "" });
    const found = await s.visitor.norms.list({ q: "响应小组" });
    expect(found.items.find((i) => i.slug === s.slug)?.matchedLanguages).toEqual(["zh"]);
    expect((await s.visitor.norms.list({ q: "小组响应" })).items.map((i) => i.slug)).not.toContain(s.slug);
  });

  it("reads Chinese as overlapping pairs of characters", () => {
    expect(searchableIn("zh", "网络安全事件").trim().split(/\s+/)).toEqual(["网络", "络安", "安全", "全事", "事件"]);
    expect(searchableIn("fr", "CERT/CSIRT")).toBe("CERT CSIRT");
  });
});

describe("comments by language", () => {
  it("filters a discussion's threads by the language of their comments, a regional tag counting as its language", async () => {
    const s = await setting();
    await s.proposer.norms.submit({ normId: s.norm.id });
    const french = await s.member.comments.create({ normId: s.norm.id, body: "Le premier alinéa mériterait d’être précisé.", language: "fr-CA" });
    await s.coauthor.comments.create({ normId: s.norm.id, body: "The first clause is clear enough as it stands." });
    await s.proposer.comments.create({ normId: s.norm.id, body: "Nous le préciserons dans la prochaine version.", language: "fr", parentId: french.id });
    const threads = async (language?: "fr" | "en" | "ru") => (await s.visitor.comments.list({ slug: s.slug, language })).threads.map((t) => t.body);
    expect(await threads()).toHaveLength(2);
    expect(await threads("fr")).toEqual(["Le premier alinéa mériterait d’être précisé."]);
    expect(await threads("en")).toEqual(["The first clause is clear enough as it stands."]);
    expect(await threads("ru")).toEqual([]);
  });
});

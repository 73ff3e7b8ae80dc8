import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { addMember, createOrganization, createUser } from "~/db/factories";
import { commentRevisions, comments, moderationLog, norms, rateLimits } from "~/db/schema";
import type { CommentView } from "~/server/domain/comments";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure, fieldErrorsOf, zodPaths } from "./support/errors";
import { overriding } from "./support/moves";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const fields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs.", "States should not use CSIRTs for malicious activity.", "States should cooperate with CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

let titles = 0;
async function publicNorm() {
  const proposer = await createUser(database.db);
  const api = await callerAs(database.db, proposer);
  const { slug } = await api.norms.create({ ...fields, title: `Protecting response teams ${titles++}` });
  const norm = (await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  await api.norms.submit({ normId: norm.id });
  const staffUser = await createUser(database.db, { role: "secretariat" });
  return { norm, slug, proposer: api, staff: await callerAs(database.db, staffUser) };
}

async function person() {
  const user = await createUser(database.db);
  return { user, api: await callerAs(database.db, user) };
}

describe("commenting", () => {
  it("comments on the whole norm or one clause of one version, and counts comments per clause", async () => {
    const { norm, slug, proposer } = await publicNorm();
    const { api } = await person();
    await api.comments.create({ normId: norm.id, body: "On the norm as a whole." });
    const onClause = await api.comments.create({ normId: norm.id, body: "On clause 2 of version 1.", clause: 2, language: "fr" });
    expect(await api.comments.clauseCounts({ slug, version: 1 })).toEqual({ wholeNorm: 1, byClause: { 2: 1 } });

    // A new version: the comment stays attached to version 1 and says so.
    await proposer.norms.revise({ ...fields, title: norm.title, normId: norm.id, baseVersion: 1, changeSummary: "Reworded clause 2." });
    const list = await api.comments.list({ slug });
    const thread = list.threads.find((t) => t.id === onClause.id)!;
    expect(thread).toMatchObject({ version: 1, clause: 2, language: "fr", body: "On clause 2 of version 1." });
    expect(list.norm.currentVersion).toBe(2);
    expect(await api.comments.clauseCounts({ slug, version: 2 })).toEqual({ wholeNorm: 0, byClause: {} });
    expect((await api.comments.list({ slug, clause: 2, version: 1 })).threads.map((t) => t.id)).toEqual([onClause.id]);
  });

  it("threads replies, names whom a deep reply answers, and sorts threads", async () => {
    const { norm, slug } = await publicNorm();
    const a = await person();
    const b = await person();
    const first = await a.api.comments.create({ normId: norm.id, body: "First thread." });
    const second = await b.api.comments.create({ normId: norm.id, body: "Second thread.", clause: 1 });
    let parent = first.id;
    for (let depth = 1; depth <= 5; depth++) {
      const who = depth % 2 ? b : a;
      parent = (await who.api.comments.create({ normId: norm.id, body: `Reply at depth ${depth}.`, parentId: parent })).id;
    }
    const list = await a.api.comments.list({ slug, sort: "replies" });
    expect(list.threads.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(list.threads[0]!.replyCount).toBe(5);
    let node: CommentView = list.threads[0]!;
    while (node.replies[0]) node = node.replies[0];
    expect(node.depth).toBe(5);
    expect(node.inReplyTo).toBe(a.user.displayName);
    // Replies take their thread's anchor.
    expect(node.version).toBe(1);
    expect((await a.api.comments.list({ slug, sort: "newest" })).threads.map((t) => t.id)).toEqual([second.id, first.id]);
    expect(list.count).toBe(7);
  });

  it("speaks for a verified organisation the person represents, and filters by its stakeholder type", async () => {
    const { norm, slug } = await publicNorm();
    const rep = await person();
    const organization = await createOrganization(database.db, { createdById: rep.user.id, status: "verified", stakeholderType: "academia", region: "african" });
    const c = await rep.api.comments.create({ normId: norm.id, body: "Our institute's view.", organizationId: organization.id });
    await rep.api.comments.create({ normId: norm.id, body: "My own view." });
    const list = await rep.api.comments.list({ slug, stakeholderType: "academia" });
    expect(list.threads.map((t) => [t.id, t.organization?.name, t.organization?.region])).toEqual([[c.id, organization.name, "african"]]);

    const member = await person();
    await addMember(database.db, organization.id, member.user.id, "member");
    const refused = await failure(member.api.comments.create({ normId: norm.id, body: "Pretending to speak for it.", organizationId: organization.id }));
    expect(refused.code).toBe("FORBIDDEN");
    const pending = await createOrganization(database.db, { createdById: rep.user.id });
    expect((await failure(rep.api.comments.create({ normId: norm.id, body: "Unverified.", organizationId: pending.id }))).code).toBe("FORBIDDEN");
  });

  it("refuses empty and over-long comments, clauses the version does not have, and closed discussions", async () => {
    const { norm, slug, staff, proposer } = await publicNorm();
    const { api } = await person();
    expect(zodPaths(await failure(api.comments.create({ normId: norm.id, body: "   " })))).toEqual(["body"]);
    expect(zodPaths(await failure(api.comments.create({ normId: norm.id, body: "x".repeat(10_001) })))).toEqual(["body"]);
    expect(zodPaths(await failure(api.comments.create({ normId: norm.id, body: "Bad tag.", language: "not a tag" })))).toEqual(["language"]);
    const tooFar = await failure(api.comments.create({ normId: norm.id, body: "On clause 9.", clause: 9 }));
    expect(fieldErrorsOf(tooFar).clause).toBe("Version 1 has clauses 1 to 3; choose one of them.");
    expect(fieldErrorsOf(await failure(api.comments.create({ normId: norm.id, body: "On version 4.", version: 4 }))).version).toMatch(/no version 4/);

    // A draft is not found; a concluded norm's discussion is readable and closed.
    const draft = await proposer.norms.create({ ...fields, title: `A draft ${titles++}` });
    const draftRow = (await database.db.query.norms.findFirst({ where: eq(norms.slug, draft.slug) }))!;
    expect((await failure(api.comments.create({ normId: draftRow.id, body: "Hello." }))).code).toBe("NOT_FOUND");
    const c = await api.comments.create({ normId: norm.id, body: "Before the end." });
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    await api.comments.create({ normId: norm.id, body: "During endorsement." });
    await staff.norms.transition({ normId: norm.id, transition: "conclude", ...overriding });
    const closed = await failure(api.comments.create({ normId: norm.id, body: "After the end." }));
    expect(closed.code).toBe("PRECONDITION_FAILED");
    expect(closed.message).toMatch(/closed for new comments/);
    expect((await failure(api.comments.edit({ commentId: c.id, body: "Edited after the end." }))).code).toBe("PRECONDITION_FAILED");
    const list = await api.comments.list({ slug });
    expect(list).toMatchObject({ open: false, count: 2 });
    expect(list.threads[0]!.viewer.canReply).toBe(false);
    expect(await database.db.$count(comments, eq(comments.normId, norm.id))).toBe(2);
  });

  it("refuses suspended people and visitors", async () => {
    const { norm, staff } = await publicNorm();
    const s = await person();
    await staff.users.suspend({ userId: s.user.id, reason: "Testing the suspension." });
    const suspended = await callerAs(database.db, s.user);
    expect((await failure(suspended.comments.create({ normId: norm.id, body: "Hello." }))).code).toBe("FORBIDDEN");
    expect((await failure((await callerAs(database.db, null)).comments.create({ normId: norm.id, body: "Hello." }))).code).toBe("UNAUTHORIZED");
  });

  it("limits how many comments a person posts in a short time, saying when they can post again", async () => {
    const { norm } = await publicNorm();
    const { user, api } = await person();
    for (let i = 0; i < 10; i++) await api.comments.create({ normId: norm.id, body: `Comment ${i}.` });
    const limited = await failure(api.comments.create({ normId: norm.id, body: "One too many." }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/You can post again in \d+ (seconds?|minutes?)\./);
    // The limit is stored in PostgreSQL, per person.
    const rows = await database.db.select().from(rateLimits).where(sql`${rateLimits.key} like ${`%${user.id}`}`);
    expect(rows.length).toBeGreaterThan(0);
    await (await person()).api.comments.create({ normId: norm.id, body: "Someone else can still post." });
  });
});

describe("editing, deleting and replying", () => {
  it("keeps earlier wordings visible as an edit history, and lets only the author edit or delete", async () => {
    const { norm, slug } = await publicNorm();
    const author = await person();
    const other = await person();
    const c = await author.api.comments.create({ normId: norm.id, body: "First wording." });
    expect((await failure(other.api.comments.edit({ commentId: c.id, body: "Vandalised." }))).code).toBe("FORBIDDEN");
    expect((await failure(other.api.comments.delete({ commentId: c.id }))).code).toBe("FORBIDDEN");
    await author.api.comments.edit({ commentId: c.id, body: "Second wording." });
    await author.api.comments.edit({ commentId: c.id, body: "Third wording." });
    expect(await author.api.comments.edit({ commentId: c.id, body: "Third wording." })).toMatchObject({ changed: false });
    const history = await other.api.comments.revisions({ commentId: c.id });
    expect(history.current.body).toBe("Third wording.");
    expect(history.earlier.map((r) => r.body)).toEqual(["First wording.", "Second wording."]);
    const listed = (await other.api.comments.list({ slug })).threads[0]!;
    expect(listed).toMatchObject({ revisions: 2, body: "Third wording." });
    expect(listed.editedAt).not.toBeNull();

    const reply = await other.api.comments.create({ normId: norm.id, body: "A reply.", parentId: c.id });
    await author.api.comments.delete({ commentId: c.id });
    const thread = (await other.api.comments.list({ slug })).threads[0]!;
    // The thread keeps a placeholder, without the text or the author.
    expect(thread).toMatchObject({ status: "deleted", body: null, author: null });
    expect(thread.replies.map((r) => r.id)).toEqual([reply.id]);
    const refused = await failure(other.api.comments.create({ normId: norm.id, body: "Reply to a deleted one.", parentId: c.id }));
    expect(refused.message).toMatch(/deleted by its author/);
    expect((await failure(other.api.comments.revisions({ commentId: c.id }))).code).toBe("NOT_FOUND");
  });

  it("keeps earlier wordings append-only in the database", async () => {
    const { norm } = await publicNorm();
    const author = await person();
    const c = await author.api.comments.create({ normId: norm.id, body: "First." });
    await author.api.comments.edit({ commentId: c.id, body: "Second." });
    await expect(database.db.execute(sql`update comment_revisions set body = 'changed' where comment_id = ${c.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from comment_revisions where comment_id = ${c.id}`)).rejects.toThrow();
    expect(await database.db.$count(commentRevisions, eq(commentRevisions.commentId, c.id))).toBe(1);
  });
});

describe("reports and moderation", () => {
  it("reports, hides citing a rule, logs publicly without the text, and lets the author see why and appeal once", async () => {
    const { norm, slug, staff } = await publicNorm();
    const author = await person();
    const reader = await person();
    const c = await author.api.comments.create({ normId: norm.id, body: "An insulting remark about another delegate.", clause: 1 });
    expect((await failure(author.api.comments.report({ commentId: c.id, reason: "Reporting myself here." }))).code).toBe("PRECONDITION_FAILED");
    expect(zodPaths(await failure(reader.api.comments.report({ commentId: c.id, reason: "Bad." })))).toEqual(["reason"]);
    await reader.api.comments.report({ commentId: c.id, reason: "A personal attack on a delegate." });
    expect((await failure(reader.api.comments.report({ commentId: c.id, reason: "A personal attack, again." }))).code).toBe("CONFLICT");

    const queue = await staff.moderation.queue();
    const entry = queue.reported.find((r) => r.comment.id === c.id)!;
    expect(entry.reports.map((r) => [r.reason, r.reporterName])).toEqual([["A personal attack on a delegate.", reader.user.displayName]]);

    expect(zodPaths(await failure(staff.moderation.hide({ commentId: c.id, rule: "HR-99" as never })))).toEqual(["rule"]);
    await staff.moderation.hide({ commentId: c.id, rule: "HR-2", note: "Criticise arguments, not people." });
    expect((await staff.moderation.queue()).reported.find((r) => r.comment.id === c.id)).toBeUndefined();

    // Readers see that it was hidden and under which rule, not the text.
    const asReader = (await reader.api.comments.list({ slug })).threads[0]!;
    expect(asReader).toMatchObject({ status: "hidden", body: null, author: null, organization: null, hidden: { rule: { id: "HR-2", title: "Respect people" }, note: null } });
    expect((await failure(reader.api.comments.create({ normId: norm.id, body: "Replying anyway.", parentId: c.id }))).message).toMatch(/hidden by the secretariat/);
    // Its author sees the text, the rule and the note, and may appeal once.
    const asAuthor = (await author.api.comments.list({ slug })).threads[0]!;
    expect(asAuthor).toMatchObject({ body: "An insulting remark about another delegate.", hidden: { note: "Criticise arguments, not people." }, viewer: { canAppeal: true } });
    expect((await author.api.comments.mine())[0]).toMatchObject({ status: "hidden", hiddenRule: { id: "HR-2" }, canAppeal: true });
    expect((await failure(reader.api.comments.appeal({ commentId: c.id, text: "Not my comment, but I appeal anyway." }))).code).toBe("FORBIDDEN");
    const appeal = await author.api.comments.appeal({ commentId: c.id, text: "The remark was about an argument, not a person." });
    expect((await failure(author.api.comments.appeal({ commentId: c.id, text: "And again, a second appeal here." }))).code).toBe("CONFLICT");
    // The discussion shows the appeal to its author (looked up by the comment's key), to nobody else.
    expect((await author.api.comments.list({ slug })).threads[0]).toMatchObject({ hidden: { appeal: { status: "pending", decisionNote: null } }, viewer: { canAppeal: false } });
    expect((await reader.api.comments.list({ slug })).threads[0]).toMatchObject({ hidden: { appeal: null } });

    const log = await reader.api.moderation.log({});
    const logged = log.items.find((i) => i.content.commentId === c.id)!;
    expect(logged).toMatchObject({ action: "hide", rule: { id: "HR-2" }, content: { kind: "comment", clause: 1, norm: { slug } } });
    expect(JSON.stringify(log)).not.toContain("insulting remark");
    expect(JSON.stringify(log)).not.toContain("Criticise arguments");

    expect((await staff.moderation.queue()).appeals.map((a) => a.appeal.id)).toContain(appeal.id);
    await staff.moderation.decideAppeal({ appealId: appeal.id, decision: "restore", note: "On reflection, it criticised an argument." });
    expect((await reader.api.comments.list({ slug })).threads[0]).toMatchObject({ status: "visible", body: "An insulting remark about another delegate." });
    expect((await failure(staff.moderation.decideAppeal({ appealId: appeal.id, decision: "uphold", note: "Changed my mind." }))).code).toBe("PRECONDITION_FAILED");
    expect((await reader.api.moderation.log({})).items.filter((i) => i.content.commentId === c.id).map((i) => i.action)).toEqual(["appeal_restored", "hide"]);
  });

  it("restores, dismisses reports and suspends an author, each in the public log", async () => {
    const { norm, staff } = await publicNorm();
    const author = await person();
    const reader = await person();
    const c = await author.api.comments.create({ normId: norm.id, body: "A borderline remark." });
    await reader.api.comments.report({ commentId: c.id, reason: "I think this is off topic." });
    expect((await failure(staff.moderation.restore({ commentId: c.id, note: "" }))).code).toBe("PRECONDITION_FAILED");
    await staff.moderation.dismissReports({ commentId: c.id, note: "On topic." });
    expect((await failure(staff.moderation.dismissReports({ commentId: c.id, note: "" }))).message).toMatch(/no open reports/);
    await staff.moderation.hide({ commentId: c.id, rule: "HR-7" });
    await staff.moderation.restore({ commentId: c.id, note: "Hidden by mistake." });
    await staff.moderation.suspendAuthor({ commentId: c.id, rule: "HR-2", reason: "Repeated personal attacks in several threads." });
    const suspended = await callerAs(database.db, author.user);
    expect((await failure(suspended.comments.create({ normId: norm.id, body: "Still here." }))).code).toBe("FORBIDDEN");
    // A suspended person can still read their own comments.
    expect((await suspended.comments.mine()).map((m) => m.id)).toContain(c.id);
    expect((await failure(staff.moderation.suspendAuthor({ commentId: c.id, rule: "HR-2", reason: "Suspending them twice over." }))).code).toBe("CONFLICT");
    const actions = await database.db.select({ action: moderationLog.action }).from(moderationLog).where(eq(moderationLog.commentId, c.id));
    expect(actions.map((a) => a.action).sort()).toEqual(["dismiss_reports", "hide", "restore", "suspend_author"]);
    await expect(database.db.execute(sql`delete from moderation_log where comment_id = ${c.id}`)).rejects.toThrow();
  });

  it("limits how many reports a person sends in a short time", async () => {
    const { norm } = await publicNorm();
    const author = await person();
    const reader = await person();
    const ids = [];
    for (let i = 0; i < 11; i++) ids.push((await author.api.comments.create({ normId: norm.id, body: `Comment ${i}.` }).catch(() => null))?.id);
    const other = await person();
    for (let i = 0; i < 3; i++) ids.push((await other.api.comments.create({ normId: norm.id, body: `Other comment ${i}.` })).id);
    const targets = ids.filter((id): id is string => Boolean(id));
    for (const id of targets.slice(0, 10)) await reader.api.comments.report({ commentId: id, reason: "Reported in a batch." });
    const limited = await failure(reader.api.comments.report({ commentId: targets[10]!, reason: "One report too many." }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/You can report again in/);
  });
});

describe("a long discussion (issue 15)", () => {
  it("shows 50 threads a page, by keyset, in every sort and filter, each thread with all its replies", async () => {
    const { norm, slug } = await publicNorm();
    const author = await person();
    const base = Date.UTC(2026, 0, 1);
    // 57 threads, a minute apart (two share a start time, to test the tie on id); every seventh on
    // the whole text, the others on clause 1 or 2; thread i has i % 4 replies.
    const threads: { id: string; at: number; clause: number | null; replies: number }[] = [];
    const rows: (typeof comments.$inferInsert)[] = [];
    for (let i = 0; i < 57; i++) {
      const id = crypto.randomUUID();
      const at = base + (i === 30 ? 29 : i) * 60_000;
      const clause = i % 7 === 0 ? null : 1 + (i % 2);
      threads.push({ id, at, clause, replies: i % 4 });
      rows.push({ id, normId: norm.id, threadId: id, depth: 0, version: 1, clause, authorId: author.user.id, body: `Thread ${i}.`, createdAt: new Date(at) });
      for (let r = 0; r < i % 4; r++) {
        rows.push({ id: crypto.randomUUID(), normId: norm.id, threadId: id, parentId: id, depth: 1, version: 1, clause, authorId: author.user.id, body: `Reply ${r} to ${i}.`, createdAt: new Date(at + (r + 1) * 1000) });
      }
    }
    await database.db.insert(comments).values(rows);
    const visitor = await callerAs(database.db, null);
    const byStart = (a: (typeof threads)[number], b: (typeof threads)[number]) => a.at - b.at || (a.id < b.id ? -1 : 1);
    const expected = {
      oldest: [...threads].sort(byStart),
      newest: [...threads].sort(byStart).reverse(),
      replies: [...threads].sort((a, b) => b.replies - a.replies || byStart(a, b)),
    };
    for (const sort of ["oldest", "newest", "replies"] as const) {
      for (const clause of [undefined, null, 2] as const) {
        const want = expected[sort].filter((t) => clause === undefined || t.clause === clause);
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await visitor.comments.list({ slug, sort, clause, cursor });
          expect(page.threads.length).toBeLessThanOrEqual(50);
          expect(page.threadTotal).toBe(want.length);
          for (const t of page.threads) expect(t.replyCount, t.id).toBe(threads.find((x) => x.id === t.id)!.replies);
          seen.push(...page.threads.map((t) => t.id));
          cursor = page.nextCursor ?? undefined;
          pages++;
        } while (cursor && pages < 5);
        expect(seen, `${sort}, clause ${String(clause)}`).toEqual(want.map((t) => t.id));
        expect(pages).toBe(want.length > 50 ? 2 : 1);
      }
    }
    const first = await visitor.comments.list({ slug });
    expect(first.count).toBe(rows.length);
    expect((await failure(visitor.comments.list({ slug, cursor: "tampered" }))).code).toBe("BAD_REQUEST");
    // A page link of the date sorts lacks the replies count the "replies" sort needs.
    expect((await failure(visitor.comments.list({ slug, sort: "replies", cursor: first.nextCursor! }))).code).toBe("BAD_REQUEST");
  }, 60_000);
});

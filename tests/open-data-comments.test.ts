import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { moderationLogResponse, normCommentsResponse } from "~/server/open-data/comments";
import { buildOpenApiDocument } from "~/server/open-data/openapi";
import { apiError, moderationLogEntry, moderationLogPage, type NormComment, normComment, normCommentList } from "~/server/open-data/schemas";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

const HIDDEN_TEXT = "A remark about a named delegate that breaks the house rules.";
const HIDDEN_AUTHOR = "Hidden Remark Author";
const HIDDEN_NOTE = "Criticise the argument, not the delegate.";
const DELETED_TEXT = "Second thoughts that the author took back.";
const DELETED_AUTHOR = "Author Who Deleted";
const STAFF_NAME = "Secretariat Staff Member";
const EARLIER_WORDING = "The first wording of the clause comment.";

const normFields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm response teams.", "States should not use response teams for malicious activity.", "States should cooperate with response teams."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

async function arrange(db: Database["db"]) {
  const proposer = await createUser(db, { displayName: "Norm Proposer" });
  const staffUser = await createUser(db, { role: "secretariat", displayName: STAFF_NAME });
  const people = {
    alice: await createUser(db, { displayName: "Alice Commenter" }),
    bob: await createUser(db, { displayName: "Bob Replier" }),
    rep: await createUser(db, { displayName: "Institute Representative" }),
    hidden: await createUser(db, { displayName: HIDDEN_AUTHOR }),
    deleter: await createUser(db, { displayName: DELETED_AUTHOR }),
    reader: await createUser(db, { displayName: "Careful Reader" }),
  };
  const as = {
    proposer: await callerAs(db, proposer),
    staff: await callerAs(db, staffUser),
    alice: await callerAs(db, people.alice),
    bob: await callerAs(db, people.bob),
    rep: await callerAs(db, people.rep),
    hidden: await callerAs(db, people.hidden),
    deleter: await callerAs(db, people.deleter),
    reader: await callerAs(db, people.reader),
  };
  const institute = await createOrganization(db, {
    name: "Institute of Network Studies",
    stakeholderType: "academia",
    region: "african",
    status: "verified",
    createdById: people.rep.id,
  });

  const normRow = async (slug: string) => (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
  const created = await as.proposer.norms.create({ ...normFields, title: "Protecting response teams" });
  const norm = await normRow(created.slug);
  await as.proposer.norms.submit({ normId: norm.id });
  const draft = await as.proposer.norms.create({ ...normFields, title: "A draft nobody may see" });
  const other = await normRow((await as.proposer.norms.create({ ...normFields, title: "Another discussed norm" })).slug);
  await as.proposer.norms.submit({ normId: other.id });

  // Thread 1, on the norm as a whole: Alice, Bob's reply, Alice's reply to Bob.
  const opening = await as.alice.comments.create({ normId: norm.id, body: "On the norm as a whole." });
  const reply = await as.bob.comments.create({ normId: norm.id, body: "A reply to the opening comment.", parentId: opening.id });
  const replyToReply = await as.alice.comments.create({ normId: norm.id, body: "A reply to the reply.", parentId: reply.id, language: "fr" });
  // Thread 2, on clause 2 of version 1, on behalf of the institute, later edited.
  const onClause = await as.rep.comments.create({ normId: norm.id, body: EARLIER_WORDING, version: 1, clause: 2, organizationId: institute.id });
  await as.rep.comments.edit({ commentId: onClause.id, body: "Clause 2 should name the teams it protects." });
  // Thread 3: hidden by the secretariat after Bob replied to it.
  const hidden = await as.hidden.comments.create({ normId: norm.id, body: HIDDEN_TEXT, clause: 1 });
  const underHidden = await as.bob.comments.create({ normId: norm.id, body: "Please keep to the argument.", parentId: hidden.id });
  await as.reader.comments.report({ commentId: hidden.id, reason: "A personal attack on a delegate." });
  await as.staff.moderation.hide({ commentId: hidden.id, rule: "HR-2", note: HIDDEN_NOTE });
  // Thread 4: deleted by its author.
  const deleted = await as.deleter.comments.create({ normId: norm.id, body: DELETED_TEXT });
  await as.deleter.comments.delete({ commentId: deleted.id });

  // A new version; then a thread on clause 1 of version 2.
  await as.proposer.norms.revise({ ...normFields, title: norm.title, normId: norm.id, baseVersion: 1, changeSummary: "Reworded clause 2." });
  const onVersion2 = await as.alice.comments.create({ normId: norm.id, body: "On clause 1 of the new text.", clause: 1 });

  // More moderation, on the other norm, for paging through the log.
  const spam = await as.bob.comments.create({ normId: other.id, body: "Buy now at a shop." });
  await as.staff.moderation.hide({ commentId: spam.id, rule: "HR-7", note: "Advertising." });
  await as.staff.moderation.restore({ commentId: spam.id, note: "It was a link to a relevant report after all." });
  const borderline = await as.alice.comments.create({ normId: other.id, body: "A borderline remark." });
  await as.reader.comments.report({ commentId: borderline.id, reason: "I think this is off topic." });
  await as.staff.moderation.dismissReports({ commentId: borderline.id, note: "On topic." });

  return {
    norm,
    other,
    draftSlug: draft.slug,
    institute,
    ids: { opening, reply, replyToReply, onClause, hidden, underHidden, deleted, onVersion2, spam, borderline },
  };
}

let database: Database;
let f: Awaited<ReturnType<typeof arrange>>;
beforeAll(async () => {
  database = await createTestDatabase();
  f = await arrange(database.db);
});
afterAll(() => database.close());

const query = (params: Record<string, string> = {}) => new URLSearchParams(params);

async function discussion(params: Record<string, string> = {}) {
  const res = await normCommentsResponse(database.db, f.norm.slug, query(params));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { body: normCommentList.strict().parse(JSON.parse(text)), text };
}

async function log(params: Record<string, string> = {}) {
  const res = await moderationLogResponse(database.db, query(params));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { body: moderationLogPage.strict().parse(JSON.parse(text)), text };
}

const flatten = (comments: NormComment[]): NormComment[] => comments.flatMap((c) => [c, ...flatten(c.replies)]);
const commentFields = Object.keys(normComment.shape).sort();

describe("GET /api/v1/norms/{slug}/comments", () => {
  it("returns the discussion as threads, oldest first, with the standard headers", async () => {
    const res = await normCommentsResponse(database.db, f.norm.slug, query());
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("link")).toContain("creativecommons.org/licenses/by/4.0");
    const { body } = await discussion();
    expect(body.norm).toEqual({
      slug: f.norm.slug,
      title: "Protecting response teams",
      status: "consultation",
      currentVersion: 2,
      url: expect.stringMatching(new RegExp(`/norms/${f.norm.slug}$`)),
      apiUrl: expect.stringMatching(new RegExp(`/api/v1/norms/${f.norm.slug}$`)),
    });
    expect(body.open).toBe(true);
    // Six of the eight comments are visible: the hidden and the deleted one are not counted.
    expect(body.count).toBe(6);
    expect(body.threads.map((t) => t.id)).toEqual([f.ids.opening.id, f.ids.onClause.id, f.ids.hidden.id, f.ids.deleted.id, f.ids.onVersion2.id]);

    const [opening] = body.threads;
    expect(opening).toEqual({
      id: f.ids.opening.id,
      parentId: null,
      threadId: f.ids.opening.id,
      version: 1,
      clause: null,
      language: "en",
      status: "visible",
      body: "On the norm as a whole.",
      author: "Alice Commenter",
      organization: null,
      hiddenUnderRule: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      editedAt: null,
      replies: [
        expect.objectContaining({
          id: f.ids.reply.id,
          parentId: f.ids.opening.id,
          threadId: f.ids.opening.id,
          author: "Bob Replier",
          replies: [
            expect.objectContaining({
              id: f.ids.replyToReply.id,
              parentId: f.ids.reply.id,
              threadId: f.ids.opening.id,
              language: "fr",
              author: "Alice Commenter",
              replies: [],
            }),
          ],
        }),
      ],
    });
    // Every comment, at any depth, has exactly the documented fields: nothing about the reader,
    // the secretariat's note or the edit count.
    for (const c of flatten(body.threads)) {
      expect(Object.keys(c).sort(), c.id).toEqual(commentFields);
      expect(normComment.safeParse(c).success, c.id).toBe(true);
    }
  });

  it("keeps each comment on the version and clause it was written on, and filters by them", async () => {
    const { body } = await discussion();
    const onClause = body.threads.find((t) => t.id === f.ids.onClause.id)!;
    expect(onClause).toMatchObject({ version: 1, clause: 2, body: "Clause 2 should name the teams it protects.", editedAt: expect.any(String) });
    expect(body.threads.find((t) => t.id === f.ids.onVersion2.id)).toMatchObject({ version: 2, clause: 1 });
    // Replies take their thread's anchor.
    const hiddenThread = body.threads.find((t) => t.id === f.ids.hidden.id)!;
    expect(hiddenThread.replies[0]).toMatchObject({ id: f.ids.underHidden.id, version: 1, clause: 1 });

    const ids = async (params: Record<string, string>) => (await discussion(params)).body.threads.map((t) => t.id);
    expect(await ids({ version: "1", clause: "2" })).toEqual([f.ids.onClause.id]);
    expect(await ids({ version: "2" })).toEqual([f.ids.onVersion2.id]);
    expect(await ids({ clause: "1" })).toEqual([f.ids.hidden.id, f.ids.onVersion2.id]);
    expect(await ids({ version: "1", clause: "3" })).toEqual([]);
    expect(await ids({ sort: "newest" })).toEqual([f.ids.onVersion2.id, f.ids.deleted.id, f.ids.hidden.id, f.ids.onClause.id, f.ids.opening.id]);
    expect((await ids({ sort: "replies" })).slice(0, 2)).toEqual([f.ids.opening.id, f.ids.hidden.id]);
    // The count stays the norm's whole discussion, whatever the filters.
    expect((await discussion({ version: "2" })).body.count).toBe(6);
  });

  it("shows the organisation a comment was posted on behalf of, and filters by its stakeholder type", async () => {
    const { body } = await discussion({ stakeholderType: "academia" });
    expect(body.threads).toHaveLength(1);
    expect(body.threads[0]).toMatchObject({
      id: f.ids.onClause.id,
      author: "Institute Representative",
      organization: {
        slug: f.institute.slug,
        name: "Institute of Network Studies",
        stakeholderType: "academia",
        region: "african",
        url: expect.stringMatching(new RegExp(`/organizations/${f.institute.slug}$`)),
      },
    });
    expect(Object.keys(body.threads[0]!.organization!).sort()).toEqual(["name", "region", "slug", "stakeholderType", "url"]);
    expect((await discussion({ stakeholderType: "state" })).body.threads).toEqual([]);
  });

  it("keeps a hidden comment's place without its text, author or the secretariat's note", async () => {
    const { body, text } = await discussion();
    const hidden = body.threads.find((t) => t.id === f.ids.hidden.id)!;
    expect(hidden).toMatchObject({
      status: "hidden",
      body: null,
      author: null,
      organization: null,
      hiddenUnderRule: "HR-2",
      version: 1,
      clause: 1,
      editedAt: null,
    });
    // Its replies stay readable.
    expect(hidden.replies.map((r) => [r.id, r.status, r.author])).toEqual([[f.ids.underHidden.id, "visible", "Bob Replier"]]);
    expect(text).not.toContain(HIDDEN_TEXT);
    expect(text).not.toContain(HIDDEN_AUTHOR);
    expect(text).not.toContain(HIDDEN_NOTE);
    expect(text).not.toContain(STAFF_NAME);
    // Nor under any filter.
    expect((await discussion({ clause: "1", sort: "replies" })).text).not.toContain(HIDDEN_AUTHOR);
  });

  it("keeps a deleted comment's place without its text or author", async () => {
    const { body, text } = await discussion();
    expect(body.threads.find((t) => t.id === f.ids.deleted.id)).toMatchObject({
      status: "deleted",
      body: null,
      author: null,
      organization: null,
      hiddenUnderRule: null,
      replies: [],
    });
    expect(text).not.toContain(DELETED_TEXT);
    expect(text).not.toContain(DELETED_AUTHOR);
  });

  it("is not found for a draft or an unknown norm", async () => {
    const draft = await normCommentsResponse(database.db, f.draftSlug, query());
    expect(draft.status).toBe(404);
    const draftBody = apiError.parse(await draft.json());
    const unknown = await normCommentsResponse(database.db, "no-such-norm", query());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(draftBody);
    expect(draft.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("refuses unknown, repeated and invalid parameters with a message for each", async () => {
    const refused = async (params: URLSearchParams) => {
      const res = await normCommentsResponse(database.db, f.norm.slug, params);
      expect(res.status).toBe(400);
      return apiError.parse(await res.json()).error.fieldErrors;
    };
    expect(Object.keys(await refused(query({ page: "2" })))).toEqual(["page"]);
    // The slug is in the path, not a parameter.
    expect(Object.keys(await refused(query({ slug: f.other.slug })))).toEqual(["slug"]);
    expect(Object.keys(await refused(new URLSearchParams("clause=1&clause=2")))).toEqual(["clause"]);
    expect(Object.keys(await refused(query({ clause: "two" })))).toEqual(["clause"]);
    expect(Object.keys(await refused(query({ clause: "0" })))).toEqual(["clause"]);
    expect(Object.keys(await refused(query({ version: "-1" })))).toEqual(["version"]);
    expect(Object.keys(await refused(query({ sort: "best" })))).toEqual(["sort"]);
    expect(Object.keys(await refused(query({ stakeholderType: "government" })))).toEqual(["stakeholderType"]);
    // An empty parameter is as if it were not given.
    expect((await discussion({ clause: "" })).body.threads).toHaveLength(5);
  });
});

describe("GET /api/v1/moderation-log", () => {
  it("shows each action with its rule and what it was about, never the hidden text or who acted", async () => {
    const { body, text } = await log();
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((i) => i.action)).toEqual(["dismiss_reports", "restore", "hide", "hide"]);
    const hide = body.items.find((i) => i.content.commentId === f.ids.hidden.id)!;
    expect(moderationLogEntry.strict().parse(hide)).toEqual({
      id: expect.any(Number),
      action: "hide",
      rule: { id: "HR-2", title: "Respect people" },
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      content: {
        kind: "comment",
        commentId: f.ids.hidden.id,
        version: 1,
        clause: 1,
        norm: { slug: f.norm.slug, title: "Protecting response teams", url: expect.stringMatching(new RegExp(`/norms/${f.norm.slug}$`)) },
      },
    });
    expect(body.items.find((i) => i.action === "dismiss_reports")).toMatchObject({ rule: null, content: { commentId: f.ids.borderline.id, clause: null } });
    expect(body.items.find((i) => i.action === "restore")).toMatchObject({ rule: { id: "HR-7" }, content: { norm: { slug: f.other.slug } } });
    for (const secret of [HIDDEN_TEXT, HIDDEN_AUTHOR, HIDDEN_NOTE, STAFF_NAME, "Advertising.", "On topic.", "A personal attack"]) {
      expect(text).not.toContain(secret);
    }
    const res = await moderationLogResponse(database.db, query());
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("pages through the log with the cursor, newest first", async () => {
    const { body: all } = await log();
    const first = await log({ limit: "3" });
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).toEqual(expect.stringMatching(/^\d+$/));
    const second = await log({ limit: "3", cursor: first.body.nextCursor! });
    expect(second.body.nextCursor).toBeNull();
    const paged = [...first.body.items, ...second.body.items];
    expect(paged).toEqual(all.items);
    const ids = paged.map((i) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("refuses unknown and invalid parameters", async () => {
    const refused = async (params: Record<string, string>) => {
      const res = await moderationLogResponse(database.db, query(params));
      expect(res.status).toBe(400);
      return Object.keys(apiError.parse(await res.json()).error.fieldErrors);
    };
    expect(await refused({ page: "2" })).toEqual(["page"]);
    expect(await refused({ cursor: "abc" })).toEqual(["cursor"]);
    expect(await refused({ limit: "0" })).toEqual(["limit"]);
    expect(await refused({ limit: "101" })).toEqual(["limit"]);
  });
});

describe("the OpenAPI document", () => {
  it("documents the discussion endpoints with their parameters, schemas and examples", () => {
    const doc = buildOpenApiDocument();
    expect(doc.tags.map((t) => t.name)).toContain("Discussion");
    const comments = doc.paths["/api/v1/norms/{slug}/comments"]?.get;
    const names = (comments?.parameters ?? []).map((p) => ("name" in p ? p.name : p.$ref));
    expect(names).toEqual(["#/components/parameters/Slug", "sort", "version", "clause", "stakeholderType", "language", "amendment", "cursor"]);
    expect(comments?.responses["404"]).toBeDefined();
    expect(comments?.["x-example-request"]).toMatch(/^https?:\/\/.*\/api\/v1\/norms\/[\w-]+\/comments/);
    const logOp = doc.paths["/api/v1/moderation-log"]?.get;
    expect((logOp?.parameters ?? []).map((p) => ("name" in p ? p.name : ""))).toEqual(["cursor", "limit"]);
    expect(logOp?.["x-example-request"]).toMatch(/^https?:\/\/.*\/api\/v1\/moderation-log/);
    // A comment's replies are comments: the schema refers to itself.
    const comment = doc.components.schemas.Comment as { properties: { replies: { items: { $ref: string } } }; required: string[] };
    expect(comment.properties.replies.items.$ref).toBe("#/components/schemas/Comment");
    expect(comment.required).toEqual(expect.arrayContaining(["body", "author", "organization", "hiddenUnderRule", "replies"]));
    expect(doc.components.schemas.ModerationLogEntry).toMatchObject({ required: expect.arrayContaining(["action", "rule", "content"]) });
  });
});

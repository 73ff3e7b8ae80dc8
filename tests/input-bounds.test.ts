// Issue 13, hole 9: integers beyond PostgreSQL's range and tampered page links reached the database
// and came back as 500s. Every integer input and every cursor, through tRPC and /api/v1, must answer
// 400 (BAD_REQUEST) with a message saying what is wrong.
import { randomUUID } from "node:crypto";
import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createUser } from "~/db/factories";
import { norms } from "~/db/schema";
import { seed } from "~/db/seed";
import { moderationLogResponse, normCommentsResponse } from "~/server/open-data/comments";
import { listNormsResponse, normsCsvResponse, normVersionResponse } from "~/server/open-data/norms";
import { listOrganizationsResponse } from "~/server/open-data/organizations";
import { stocktakeSnapshotResponse } from "~/server/open-data/stocktakes";
import { encodeCursor } from "~/server/schemas/norms";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";
import { failure } from "./support/errors";

let database: Database;
let slug: string;
let normId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db, { demo: true });
  const norm = (await database.db.query.norms.findFirst({ where: ne(norms.status, "draft") }))!;
  slug = norm.slug;
  normId = norm.id;
});
afterAll(() => database.close());

const BAD_NUMBERS = [2 ** 31, 2 ** 53, -1, 1e20, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1" as unknown as number];
// Row ids of the logs are bigints: 2^31 is a fine cursor there, 2^53 is not.
const BAD_ID_CURSORS = BAD_NUMBERS.filter((n) => n !== 2 ** 31);
const BAD_NUMBER_STRINGS = ["2147483648", "99999999999999999999", "-1", "1e20", "NaN", "Infinity", "1.5", "abc", "0x10"];

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const TAMPERED_CURSORS = [
  "!!!not base64!!!",
  b64("not json"),
  b64(null),
  b64([]),
  b64({ v: "2026-01-01T00:00:00.000Z", id: "not-a-uuid" }),
  b64({ v: "2026-01-01T00:00:00.000Z", id: "00000000-0000-0000-0000-000000000000' or 1=1 --" }),
  b64({ v: "not a date", id: randomUUID() }),
  b64({ v: "2026-13-45T99:99:99Z", id: randomUUID() }),
  b64({ v: { nested: 1 }, id: randomUUID() }),
  b64({ v: "2026-01-01T00:00:00.000Z" }),
  "x".repeat(600),
];

async function expectBadRequest(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(error.code, error.message).toBe("BAD_REQUEST");
  expect(error.message).not.toMatch(/internal|sql|postgres/i);
}

async function expect400(response: Promise<Response>) {
  const res = await response;
  const body = (await res.json()) as { error: { message: string; fieldErrors: Record<string, string> } };
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(body.error.message).toBeTruthy();
  return body;
}

describe("every integer input is bounded (tRPC)", () => {
  type Call = [name: string, call: (n: number) => Promise<unknown>, bad?: number[]];
  const calls = async (): Promise<Call[]> => {
    const visitor = await callerAs(database.db, null);
    const member = await callerAs(database.db, await createUser(database.db));
    const admin = await callerAs(database.db, await createUser(database.db, { role: "admin" }));
    const staff = await callerAs(database.db, await createUser(database.db, { role: "secretariat" }));
    return [
      ["norms.version", (n) => visitor.norms.version({ slug, number: n })],
      ["norms.redline from", (n) => visitor.norms.redline({ slug, from: n, to: 1 })],
      ["norms.redline to", (n) => visitor.norms.redline({ slug, from: 1, to: n })],
      ["norms.list limit", (n) => visitor.norms.list({ limit: n })],
      [
        "norms.revise baseVersion",
        (n) =>
          member.norms.revise({
            normId,
            baseVersion: n,
            title: "A title",
            summary: "A summary of at least twenty characters.",
            clauses: ["A clause."],
            categories: ["I"],
            kind: "mutual_restraint",
            bindingness: "political",
            changeSummary: "Changes",
          }),
      ],
      ["comments.clauseCounts", (n) => visitor.comments.clauseCounts({ slug, version: n })],
      ["comments.list version", (n) => visitor.comments.list({ slug, version: n })],
      ["comments.list clause", (n) => visitor.comments.list({ slug, clause: n })],
      ["comments.create version", (n) => member.comments.create({ normId, body: "A comment on this norm.", version: n, clause: 1 })],
      ["comments.create clause", (n) => member.comments.create({ normId, body: "A comment on this norm.", version: 1, clause: n })],
      ["positions.list limit", (n) => visitor.positions.list({ slug, limit: n }), [...BAD_NUMBERS, 0, 1001]],
      ["positions.history limit", (n) => visitor.positions.history({ slug, limit: n }), [...BAD_NUMBERS, 0, 501]],
      ["moderation.log cursor", (n) => visitor.moderation.log({ cursor: n }), BAD_ID_CURSORS],
      ["moderation.log limit", (n) => visitor.moderation.log({ limit: n })],
      ["stocktakes.revision", (n) => visitor.stocktakes.revision({ year: 2025, revision: n })],
      ["stocktakes.get year", (n) => visitor.stocktakes.get({ year: n })],
      ["organizations.list cursor", (n) => visitor.organizations.list({ cursor: n })],
      ["organizations.list limit", (n) => visitor.organizations.list({ limit: n })],
      ["users.list cursor", (n) => admin.users.list({ cursor: n })],
      ["audit.list cursor", (n) => admin.audit.list({ cursor: n }), BAD_ID_CURSORS],
      ["audit.list limit", (n) => admin.audit.list({ limit: n })],
      ["stocktakes.saveNarrative year", (n) => staff.stocktakes.saveNarrative({ year: n, summary: "", categories: { I: "", II: "", III: "", IV: "", V: "" } })],
    ];
  };

  it("refuses 2^31, -1, 1e20, fractions, NaN and strings with a 400 and a plain message", async () => {
    for (const [name, call, bad = BAD_NUMBERS] of await calls()) {
      for (const n of bad) {
        const error = await failure(call(n));
        expect(error.code, `${name} with ${String(n)}: ${error.message}`).toBe("BAD_REQUEST");
      }
    }
    const error = await failure((await callerAs(database.db, null)).norms.version({ slug, number: 2 ** 31 }));
    expect(error.message).toMatch(/The version must be a whole number from 1 to 2,147,483,647/);
  });

  it("still answers for the largest allowed number (not found, not an error)", async () => {
    const visitor = await callerAs(database.db, null);
    expect((await failure(visitor.norms.version({ slug, number: 2 ** 31 - 1 }))).code).toBe("NOT_FOUND");
    expect(await visitor.comments.clauseCounts({ slug, version: 2 ** 31 - 1 })).toBeDefined();
  });
});

describe("cursors are decoded and checked (tRPC)", () => {
  it("refuses a tampered norms cursor with a 400, for every sort", async () => {
    const visitor = await callerAs(database.db, null);
    for (const sort of ["newest", "active", "relevance", "support", "bridging", "contested"] as const) {
      for (const cursor of TAMPERED_CURSORS) await expectBadRequest(visitor.norms.list({ sort, cursor, q: sort === "relevance" ? "states" : undefined }));
    }
    // A well-formed cursor of the wrong kind for the sort (a number where a time is expected, and back).
    await expectBadRequest(visitor.norms.list({ sort: "newest", cursor: encodeCursor({ v: 1, id: randomUUID() }) }));
    await expectBadRequest(visitor.norms.list({ sort: "support", cursor: encodeCursor({ v: "2026-01-01T00:00:00.000Z", id: randomUUID() }) }));
    const failed = await failure(visitor.norms.list({ cursor: b64({ v: "2026-01-01T00:00:00.000Z", id: "bad" }) }));
    expect(failed.message).toMatch(/page link is not valid/);
  });

  it("still pages with the cursors it hands out", async () => {
    const visitor = await callerAs(database.db, null);
    const first = await visitor.norms.list({ limit: 2 });
    expect(first.nextCursor).toBeTruthy();
    const second = await visitor.norms.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.slug)).not.toContain(first.items[0]!.slug);
  });
});

describe("/api/v1 query and path parameters answer 400, never 500", () => {
  const params = (p: Record<string, string>) => new URLSearchParams(p);

  it("GET /api/v1/norms and norms.csv: limit and cursor", async () => {
    for (const value of BAD_NUMBER_STRINGS) {
      await expect400(listNormsResponse(database.db, params({ limit: value })));
      await expect400(normsCsvResponse(database.db, params({ limit: value })));
    }
    for (const cursor of TAMPERED_CURSORS) {
      const body = await expect400(listNormsResponse(database.db, params({ cursor })));
      expect(body.error.fieldErrors.cursor).toMatch(/page link is not valid/);
    }
    const body = await expect400(listNormsResponse(database.db, params({ limit: "2147483648" })));
    expect(body.error.fieldErrors.limit).toMatch(/whole number from 1 to 100/);
  });

  it("GET /api/v1/norms/{slug}/versions/{n}", async () => {
    for (const value of [...BAD_NUMBER_STRINGS, "0"]) await expect400(normVersionResponse(database.db, slug, value));
    const body = await expect400(normVersionResponse(database.db, slug, "2147483648"));
    expect(body.error.fieldErrors.n).toMatch(/1 to 2,147,483,647/);
  });

  it("GET /api/v1/norms/{slug}/comments: version and clause", async () => {
    for (const value of BAD_NUMBER_STRINGS) {
      await expect400(normCommentsResponse(database.db, slug, params({ version: value })));
      await expect400(normCommentsResponse(database.db, slug, params({ clause: value })));
    }
  });

  it("GET /api/v1/moderation-log and /api/v1/organizations: cursor and limit", async () => {
    for (const value of BAD_NUMBER_STRINGS) {
      if (value !== "2147483648") await expect400(moderationLogResponse(database.db, params({ cursor: value })));
      await expect400(moderationLogResponse(database.db, params({ limit: value })));
      await expect400(listOrganizationsResponse(database.db, params({ cursor: value })));
      await expect400(listOrganizationsResponse(database.db, params({ limit: value })));
    }
  });

  it("GET /api/v1/stocktakes/{year}/snapshot: revision", async () => {
    for (const value of BAD_NUMBER_STRINGS) await expect400(stocktakeSnapshotResponse(database.db, "2025", value));
  });

  it("keeps answering normally for good values", async () => {
    expect((await listNormsResponse(database.db, params({ limit: "1" }))).status).toBe(200);
    const norm = await database.db.query.norms.findFirst({ where: eq(norms.slug, slug) });
    expect((await normVersionResponse(database.db, slug, String(norm!.currentVersion))).status).toBe(200);
  });
});

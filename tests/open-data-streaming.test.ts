// The large open-data exports are streamed (server/open-data/stream.ts): rows are written as they
// are read, a batch at a time, and the bytes are exactly those the exports sent when each was
// built whole in memory (one JSON.stringify, one CSV string).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { toCsv } from "~/server/open-data/csv";
import { CSV_MAX_ROWS, normCsvColumns, normsCsvResponse } from "~/server/open-data/norms";
import { normPositionHistoryResponse, normPositionsCsvResponse, normPositionsResponse, positionCsvColumns, serialisePosition, serialisePositionNorm, serialisePositionOrganization, publishedStatement } from "~/server/open-data/positions";
import { serialiseListItem } from "~/server/open-data/serialise";
import { callerAs } from "./support/context";
import { createTestDatabase } from "./support/db";

const normFields = {
  title: "A norm with a long record",
  summary: "A summary long enough to pass the validation rules.",
  clauses: ["States should do the first thing.", "States should do the second thing."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: ["ungge-f"],
};
const SPEAKERS = 23;
const REVOKED = 4;

let database: Database;
let slug: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const author = await createUser(db, { displayName: "Norm Author" });
  const secretariat = await createUser(db, { role: "secretariat" });
  const asAuthor = await callerAs(db, author);
  const created = await asAuthor.norms.create(normFields);
  slug = created.slug;
  for (let i = 0; i < 7; i++) {
    const other = await asAuthor.norms.create({ ...normFields, title: `Another norm number ${i}` });
    const row = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, other.slug) }))!;
    if (i < 5) await asAuthor.norms.submit({ normId: row.id });
  }
  const norm = (await db.query.norms.findFirst({ where: (n, { eq }) => eq(n.slug, slug) }))!;
  await asAuthor.norms.submit({ normId: norm.id });
  const stances = ["endorse", "object", "abstain", "endorse_with_reservations"] as const;
  const asSecretariat = await callerAs(db, secretariat);
  for (let i = 0; i < SPEAKERS; i++) {
    const rep = await createUser(db, { displayName: `Representative ${i}` });
    // Names out of creation order, some equal, so the order is the query's, not the insertion's.
    const org = await createOrganization(db, { name: `Organisation ${"QWERTYUIOPASDFGHJKLZXCV"[i]}${i % 3}`, status: "verified", createdById: rep.id });
    const stance = stances[i % 4]!;
    await (await callerAs(db, rep)).positions.record({ normId: norm.id, organizationId: org.id, stance, statement: stance === "object" || stance === "endorse_with_reservations" ? `Reason ${i}, with "quotes", commas and a\nline break.` : "" });
    if (i % 5 === 0) await (await callerAs(db, rep)).positions.record({ normId: norm.id, organizationId: org.id, stance: "abstain" });
    if (i < REVOKED) await asSecretariat.verification.revoke({ organizationId: org.id, reason: "Its registration turned out to be a duplicate." });
  }
}, 120_000);
afterAll(() => database.close());

/** Counts the statements sent while `run` runs (drizzle's query logger). */
function countingStatements() {
  const session = (database.db as unknown as { session: { logger: { logQuery: (sql: string, params: unknown[]) => void } } }).session;
  const original = session.logger;
  const counter = { n: 0, stop: () => void (session.logger = original) };
  session.logger = { logQuery: () => void counter.n++ };
  return counter;
}

/** The body's chunks as they arrive. */
async function chunks(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const out: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out;
    out.push(decoder.decode(value));
  }
}

describe("streamed exports give the same bytes as the whole-body exports did", () => {
  it("positions (JSON and CSV), for any batch size", async () => {
    const api = await callerAs(database.db, null);
    const every = await api.positions.every({ slug });
    const positions = every.positions.map(serialisePosition);
    expect(positions).toHaveLength(SPEAKERS);
    const json = JSON.stringify({ norm: serialisePositionNorm(every.norm), positions });
    const csv = toCsv(positionCsvColumns, positions);
    for (const batch of [1, 7, SPEAKERS - REVOKED, 500]) {
      const jsonResponse = await normPositionsResponse(database.db, slug, batch);
      expect(jsonResponse.headers.get("content-type")).toBe("application/json");
      expect(await jsonResponse.text(), `batch ${batch}`).toBe(json);
      const csvResponse = await normPositionsCsvResponse(database.db, slug, batch);
      expect(csvResponse.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(await csvResponse.text(), `batch ${batch}`).toBe(csv);
    }
  });

  it("the position history (JSON)", async () => {
    const api = await callerAs(database.db, null);
    const [{ norm }, { entries }] = await Promise.all([api.positions.forNorm({ slug }), api.positions.history({ slug })]);
    const expected = JSON.stringify({
      norm: serialisePositionNorm(norm),
      entries: entries.map((e) => ({
        sequence: e.sequence,
        kind: e.kind,
        organization: serialisePositionOrganization(e.organization),
        stance: e.stance,
        statement: publishedStatement(e.statement),
        version: e.version,
        clauses: e.clauses,
        recordedAt: e.recordedAt.toISOString(),
        revealedAt: e.revealedAt?.toISOString() ?? null,
        recordedBy: e.recordedBy,
      })),
    });
    expect(entries.length).toBeGreaterThan(SPEAKERS);
    for (const batch of [1, 5, 500]) expect(await (await normPositionHistoryResponse(database.db, slug, batch)).text(), `batch ${batch}`).toBe(expected);
  });

  it("the norms CSV, with and without a filter", async () => {
    const api = await callerAs(database.db, null);
    for (const params of [{}, { status: "draft" }, { status: "consultation" }] as { status?: "draft" | "consultation" }[]) {
      // What the export built in memory: every page of the list, then one CSV string.
      const rows = [];
      let cursor: string | undefined;
      do {
        const page = await api.norms.list({ ...params, cursor, limit: 100 });
        rows.push(...page.items.map(serialiseListItem));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < CSV_MAX_ROWS);
      const expected = toCsv(normCsvColumns, rows.slice(0, CSV_MAX_ROWS));
      for (const pageSize of [2, 100]) {
        const response = await normsCsvResponse(database.db, new URLSearchParams(params as Record<string, string>), pageSize);
        expect(await response.text(), `${JSON.stringify(params)} in pages of ${pageSize}`).toBe(expected);
      }
    }
  });
});

describe("the exports stream", () => {
  it("sends the first batch before reading the next, and reads a bounded number of rows at a time", async () => {
    const counter = countingStatements();
    try {
      const response = await normPositionsCsvResponse(database.db, slug, 5);
      const afterFirst = counter.n;
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      // The first chunk is the header and the first five positions, and nothing more was read for it.
      expect(first.split("\r\n").filter(Boolean)).toHaveLength(1 + 5);
      expect(counter.n).toBe(afterFirst);
      let rest = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        rest += new TextDecoder().decode(value);
      }
      // Every further batch was read only when asked for: more statements, several chunks.
      expect(counter.n).toBeGreaterThan(afterFirst);
      // (A line break inside a quoted statement is a bare LF, so records split on CRLF.)
      expect((first + rest).split("\r\n").filter(Boolean)).toHaveLength(1 + SPEAKERS);
    } finally {
      counter.stop();
    }
  });

  it("writes one chunk per batch, none larger than its batch", async () => {
    const parts = await chunks(await normPositionsResponse(database.db, slug, 4));
    // 19 counted positions in 5 batches, 4 uncounted in 1 (and an empty last read of each), then the closing bracket.
    expect(parts.length).toBeGreaterThanOrEqual(Math.ceil((SPEAKERS - REVOKED) / 4) + 1);
    for (const part of parts) expect((part.match(/"organization":/g) ?? []).length).toBeLessThanOrEqual(4);
    // 6 public norms in pages of 2: three chunks, the header riding with the first.
    const csvParts = await chunks(await normsCsvResponse(database.db, new URLSearchParams(), 2));
    expect(csvParts.map((p) => p.split("\r\n").filter(Boolean).length)).toEqual([3, 2, 2]);
  });

  it("still answers an unknown norm or a bad parameter with its JSON error, before streaming anything", async () => {
    const missing = await normPositionsResponse(database.db, "no-such-norm");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { message: expect.any(String) } });
    const bad = await normsCsvResponse(database.db, new URLSearchParams({ status: "nonsense" }));
    expect(bad.status).toBe(400);
    const unknown = await normsCsvResponse(database.db, new URLSearchParams({ limit: "5" }));
    expect(unknown.status).toBe(400);
  });
});

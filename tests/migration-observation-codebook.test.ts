// Migration 0039 (observations coded to a codebook) on observations as they stood before it: each
// becomes "codebook v0"; named forum organisations become 'organization' actors and each free-text
// outside actor an 'unattributed' one labelled with its text; sources become {url}; a decided
// observation keeps its single reviewer's decision, marked as such and recorded as its one review.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const folder = path.join(process.cwd(), "db", "migrations");
const CODEBOOK = "0039_observation_codebook";

let client: PGlite;
let before: string;

async function rows<T>(query: string): Promise<T[]> {
  return (await client.query<T>(query)).rows;
}

beforeAll(async () => {
  before = mkdtempSync(path.join(tmpdir(), "nf-migrations-"));
  cpSync(folder, before, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === CODEBOOK);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(path.join(before, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

  client = new PGlite({ extensions: { pg_trgm } });
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: before });
  await client.exec(`
    insert into users (id, email, display_name, password_hash, role) values
      ('00000000-0000-4000-8000-000000000001', 'sam@example.test', 'Sam Clerk', 'x', 'secretariat'),
      ('00000000-0000-4000-8000-000000000002', 'mia@example.test', 'Mia Member', 'x', 'member');
    insert into organizations (id, slug, name, stakeholder_type, region, country, verification_status, created_by_id) values
      ('00000000-0000-4000-8000-00000000000a', 'mfa-b', 'Ministry B', 'state', 'weog', 'DE', 'verified', '00000000-0000-4000-8000-000000000002'),
      ('00000000-0000-4000-8000-00000000000b', 'mfa-a', 'Ministry A', 'state', 'weog', 'FR', 'verified', '00000000-0000-4000-8000-000000000002');
    insert into stocktakes (id, year, opens_on, closes_on, narrative, created_by_id) values
      ('00000000-0000-4000-8000-000000000051', 2025, '2025-01-01', '2025-12-31', '{}', '00000000-0000-4000-8000-000000000001');
  `);
  await client.exec(`
    insert into observations (id, stocktake_id, reporter_id, title, description, occurred_on, outside_actors, sources, status, review_note, reviewed_by_id, reviewed_at) values
      ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000002', 'Accepted', 'What happened.', '2025-03-01',
        '["A named group", "Another group"]', '["https://example.org/a", "https://example.org/b"]', 'accepted', null, '00000000-0000-4000-8000-000000000001', '2025-03-05T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000002', 'Rejected', 'What happened.', '2025-03-02',
        '["Someone"]', '["https://example.org/c"]', 'rejected', 'Not supported by the sources.', '00000000-0000-4000-8000-000000000001', '2025-03-06T10:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e3', '00000000-0000-4000-8000-000000000051', '00000000-0000-4000-8000-000000000002', 'Pending', 'What happened.', '2025-03-03',
        '[]', '["https://example.org/d"]', 'pending', null, null, null);
    insert into observation_organizations (observation_id, organization_id) values
      ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-00000000000a'),
      ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-00000000000b'),
      ('00000000-0000-4000-8000-0000000000e3', '00000000-0000-4000-8000-00000000000a');
  `);
  await migrate(drizzle(client), { migrationsFolder: folder });
}, 120_000);

afterAll(async () => {
  await client?.close();
  rmSync(before, { recursive: true, force: true });
});

describe("migration 0039: observations become codebook v0", () => {
  it("marks every existing observation v0, and those decided as decided by one reviewer", async () => {
    expect(await rows(`select title, codebook_version, single_reviewer, confidence, attribution_status from observations order by title`)).toEqual([
      { title: "Accepted", codebook_version: "v0", single_reviewer: true, confidence: null, attribution_status: null },
      { title: "Pending", codebook_version: "v0", single_reviewer: false, confidence: null, attribution_status: null },
      { title: "Rejected", codebook_version: "v0", single_reviewer: true, confidence: null, attribution_status: null },
    ]);
  });

  it("turns named organisations and free-text actors into actors, organisations first by name", async () => {
    expect(
      await rows(`select o.title, a.position, a.kind, g.name, a.country, a.label from observation_actors a join observations o on o.id = a.observation_id
        left join organizations g on g.id = a.organization_id order by o.title, a.position`),
    ).toEqual([
      { title: "Accepted", position: 0, kind: "organization", name: "Ministry A", country: null, label: null },
      { title: "Accepted", position: 1, kind: "organization", name: "Ministry B", country: null, label: null },
      { title: "Accepted", position: 2, kind: "unattributed", name: null, country: null, label: "A named group" },
      { title: "Accepted", position: 3, kind: "unattributed", name: null, country: null, label: "Another group" },
      { title: "Pending", position: 0, kind: "organization", name: "Ministry B", country: null, label: null },
      { title: "Rejected", position: 0, kind: "unattributed", name: null, country: null, label: "Someone" },
    ]);
  });

  it("turns each source URL into an object, in order", async () => {
    const [accepted] = await rows<{ sources: unknown }>(`select sources from observations where title = 'Accepted'`);
    expect(accepted!.sources).toEqual([{ url: "https://example.org/a" }, { url: "https://example.org/b" }]);
  });

  it("records the single reviewer's decision and reason as the one review", async () => {
    expect(await rows(`select o.title, r.decision, r.reason from observation_reviews r join observations o on o.id = r.observation_id order by o.title`)).toEqual([
      { title: "Accepted", decision: "accept", reason: null },
      { title: "Rejected", decision: "reject", reason: "Not supported by the sources." },
    ]);
  });

  it("refuses an actor whose kind does not match its columns", async () => {
    await expect(
      client.exec(`insert into observation_actors (observation_id, position, kind, country) values ('00000000-0000-4000-8000-0000000000e3', 5, 'state', 'de')`),
    ).rejects.toThrow(/observation_actors_kind_chk/);
    await expect(
      client.exec(`insert into observation_actors (observation_id, position, kind, label) values ('00000000-0000-4000-8000-0000000000e3', 5, 'organization', 'x')`),
    ).rejects.toThrow(/observation_actors_kind_chk/);
  });
});

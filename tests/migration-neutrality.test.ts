// Migration 0029 (the secretariat's neutrality rule) on data as it stood before it: staff
// memberships are removed, each recorded in the audit log; staff requests to join are withdrawn;
// what staff entered for organisations stays, marked; nothing else changes. The database is
// migrated to 0028 from a copy of the migrations folder cut there, filled in SQL (the app's
// schema is already past it), then migrated to the end with the real folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const folder = path.join(process.cwd(), "db", "migrations");
const NEUTRALITY = "0029_neutral_secretariat";

let client: PGlite;
let before: string;

async function rows<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query<T>(query, params)).rows;
}

beforeAll(async () => {
  before = mkdtempSync(path.join(tmpdir(), "nf-migrations-"));
  cpSync(folder, before, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === NEUTRALITY);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(path.join(before, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

  client = new PGlite({ extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: before });

  // The forum as it could stand before the rule: an admin who represents a state and recorded
  // its position, a clerk who is a plain member elsewhere and has asked to join a third, and a
  // representative who is no staff.
  await client.exec(`
    insert into users (id, email, display_name, password_hash, role) values
      ('00000000-0000-4000-8000-000000000001', 'ada@example.test', 'Ada Admin', 'x', 'admin'),
      ('00000000-0000-4000-8000-000000000002', 'sam@example.test', 'Sam Clerk', 'x', 'secretariat'),
      ('00000000-0000-4000-8000-000000000003', 'rafa@example.test', 'Rafa Rep', 'x', 'member');
    insert into organizations (id, slug, name, stakeholder_type, region, country, verification_status, created_by_id) values
      ('00000000-0000-4000-8000-00000000000a', 'mfa-a', 'Ministry A', 'state', 'weog', 'DE', 'verified', '00000000-0000-4000-8000-000000000001'),
      ('00000000-0000-4000-8000-00000000000b', 'ngo-b', 'NGO B', 'civil_society', 'global', null, 'verified', '00000000-0000-4000-8000-000000000003'),
      ('00000000-0000-4000-8000-00000000000c', 'firm-c', 'Firm C', 'private_sector', 'global', null, 'verified', '00000000-0000-4000-8000-000000000003');
    insert into organization_members (organization_id, user_id, role) values
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'representative'),
      ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000003', 'representative'),
      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000002', 'member'),
      ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000003', 'representative'),
      ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000003', 'representative');
    insert into join_requests (organization_id, user_id) values
      ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000002');
    insert into norms (id, slug, status, kind, bindingness, proposer_id, title, summary, search) values
      ('00000000-0000-4000-8000-0000000000f1', 'a-norm', 'consultation', 'mutual_restraint', 'political', '00000000-0000-4000-8000-000000000003', 'A norm', 'A summary.', to_tsvector('simple', 'a norm'));
    insert into norm_position_history (norm_id, organization_id, sequence, kind, stance, version, recorded_by_id) values
      ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-00000000000a', 1, 'recorded', 'endorse', 1, '00000000-0000-4000-8000-000000000001'),
      ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-00000000000a', 2, 'recorded', 'abstain', 1, '00000000-0000-4000-8000-000000000003');
  `);
  await migrate(db, { migrationsFolder: folder });
});

afterAll(async () => {
  await client?.close();
  rmSync(before, { recursive: true, force: true });
});

describe("migration 0029", () => {
  it("removes every staff membership and keeps every other one", async () => {
    const members = await rows<{ organization_id: string; user_id: string; role: string }>(
      "select organization_id, user_id, role from organization_members order by organization_id, user_id",
    );
    expect(members.map((m) => [m.organization_id.slice(-1), m.user_id.slice(-1), m.role])).toEqual([
      ["a", "3", "representative"],
      ["b", "3", "representative"],
      ["c", "3", "representative"],
    ]);
  });

  it("records each removal in the audit log, naming the organisation and the person", async () => {
    const entries = await rows<{ action: string; actor_id: string | null; target_id: string; details: Record<string, string> }>(
      "select action, actor_id, target_id, details from audit_log where action = 'organization.staff_membership_removed' order by target_id",
    );
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => [e.target_id.slice(-1), e.details.name, e.details.person, e.details.memberRole, e.details.staffRole, e.actor_id])).toEqual([
      ["a", "Ministry A", "Ada Admin", "representative", "admin", null],
      ["b", "NGO B", "Sam Clerk", "member", "secretariat", null],
    ]);
    expect(entries[0]!.details.reason).toContain("neutrality rule");
  });

  it("withdraws staff requests to join", async () => {
    expect(await rows<{ status: string }>("select status from join_requests")).toEqual([{ status: "withdrawn" }]);
  });

  it("keeps what staff recorded, marked, and leaves the rest unmarked", async () => {
    const history = await rows<{ sequence: number; stance: string; recorded_by_staff: boolean }>(
      "select sequence, stance, recorded_by_staff from norm_position_history order by sequence",
    );
    expect(history).toEqual([
      { sequence: 1, stance: "endorse", recorded_by_staff: true },
      { sequence: 2, stance: "abstain", recorded_by_staff: false },
    ]);
  });

  it("leaves the history append-only afterwards", async () => {
    await expect(client.query("update norm_position_history set stance = 'object'")).rejects.toThrow();
  });

  it("then refuses a new staff membership", async () => {
    await expect(
      client.query("insert into organization_members (organization_id, user_id, role) values ('00000000-0000-4000-8000-00000000000c', '00000000-0000-4000-8000-000000000001', 'member')"),
    ).rejects.toThrow(/cannot be a member of an organisation/);
  });
});

describe("migration 0031", () => {
  it("opens the public history with a term for every representative left, from when they joined, and none for the removed staff", async () => {
    const terms = await rows<{ organization_id: string; user_id: string; started: boolean; ended_at: string | null }>(
      `select t.organization_id, t.user_id, t.started_at = m.created_at as started, t.ended_at
       from representation_terms t join organization_members m using (organization_id, user_id) order by 1, 2`,
    );
    expect(terms.map((t) => [t.organization_id.slice(-1), t.user_id.slice(-1), t.started, t.ended_at])).toEqual([
      ["a", "3", true, null],
      ["b", "3", true, null],
      ["c", "3", true, null],
    ]);
    expect(await rows("select * from representation_terms where user_id <> '00000000-0000-4000-8000-000000000003'")).toEqual([]);
  });
});

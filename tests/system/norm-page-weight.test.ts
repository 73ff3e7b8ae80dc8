// Page budgets (issue 15): the HTML of a norm page with 100 positions and a lively discussion is at
// most 150 kB gzipped, measured on the built app over HTTP, for a visitor and for a signed-in
// member (who gets the reply and report actions on every comment). The markup and the React
// Server Components payload that repeats it both count: client components carrying whole objects
// in their props, or longer markup per position or comment, would make it fail.
import { gzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "~/db/connect";
import { createOrganization, createUser } from "~/db/factories";
import { norms, type Region, type StakeholderType } from "~/db/schema";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";
import { callerAs } from "../support/context";
import { builtAppMissing, createSeededDatabase, type RunningApp, signIn, startApp } from "./support";
import { overriding } from "../support/moves";

const BUDGET_KB = 150;
const POSITIONS = 100;
const THREADS = 60;
const REPLIES = 40;

const serverUrl = process.env.TEST_DATABASE_URL;
const why = builtAppMissing() ?? (serverUrl ? null : "TEST_DATABASE_URL is unset");

let app: RunningApp;
let database: Awaited<ReturnType<typeof createSeededDatabase>>;
let slug: string;
let memberEmail: string;

const paragraph =
  "The obligation should be read together with the existing commitments on critical infrastructure, and the text should say who decides when an incident is serious enough to call for assistance.";

/** A public norm with POSITIONS organisations' positions, THREADS threads and REPLIES replies, written through the procedures. */
async function lively(url: string) {
  const database = openPostgres(url, { max: 2 });
  const { db } = database;
  try {
    const proposer = await createUser(db);
    const author = await callerAs(db, proposer);
    const created = await author.norms.create({
      title: "States should protect the public core of the internet",
      summary: "States should not conduct or knowingly support activity that harms the general availability or integrity of the public core of the internet.",
      clauses: [
        "States should not conduct or knowingly support activity that harms the public core of the internet.",
        "States should cooperate to protect the public core, including by sharing information on threats.",
        "States should consider the public core when they assess the effects of their operations.",
      ],
      categories: ["II"],
      kind: "mutual_restraint",
      bindingness: "political",
      citations: ["ungge-k"],
    });
    slug = created.slug;
    const norm = (await db.query.norms.findFirst({ where: eq(norms.slug, slug) }))!;
    await author.norms.submit({ normId: norm.id });
    const threadIds: string[] = [];
    for (let i = 0; i < THREADS; i++) {
      // Each by another member: one person's comments are rate limited.
      const commenter = await callerAs(db, await createUser(db));
      const { id } = (await commenter.comments.create({
        normId: norm.id,
        version: 1,
        clause: i % 4 === 0 ? null : 1 + (i % 3),
        body: `Comment ${i}. ${paragraph}\n\n- a first point on **clause ${1 + (i % 3)}**\n- a second point, with [a link](https://example.org/${i})`,
        language: "en",
      })) as { id: string };
      threadIds.push(id);
    }
    for (let i = 0; i < REPLIES; i++) {
      const replier = await callerAs(db, await createUser(db));
      await replier.comments.create({ normId: norm.id, parentId: threadIds[i % 20]!, body: `Reply ${i}. ${paragraph}`, language: "en" });
    }
    const staff = await callerAs(db, await createUser(db, { role: "secretariat" }));
    await staff.norms.transition({ normId: norm.id, transition: "openEndorsement", ...overriding });
    for (let i = 0; i < POSITIONS; i++) {
      const user = await createUser(db);
      const organization = await createOrganization(db, {
        createdById: user.id,
        status: "verified",
        stakeholderType: stakeholderTypes[i % stakeholderTypes.length] as StakeholderType,
        region: regions[i % regions.length] as Region,
      });
      await (
        await callerAs(db, user)
      ).positions.record({
        normId: norm.id,
        organizationId: organization.id,
        stance: i % 3 === 0 ? "object" : i % 3 === 1 ? "endorse_with_reservations" : "endorse",
        statement: i % 3 === 2 ? "" : `Our reason, number ${i}: ${paragraph}`,
      });
    }
    const member = await createUser(db, { password: "member-password-2026" });
    memberEmail = member.email;
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  if (why) return;
  database = await createSeededDatabase(serverUrl!, "nf_system_norm_page_weight");
  await lively(database.url);
  app = await startApp(database.url);
}, 600_000);

afterAll(async () => {
  if (why) return;
  await app?.stop();
  await database?.drop();
});

/** Comments in the markup: the first 50 threads (of THREADS) and the replies, all within them. */
const comments = (html: string) => (html.match(/<li id="comment-[0-9a-f-]{36}"/g) ?? []).length;

async function measure(cookie?: string) {
  const started = performance.now();
  const response = await fetch(`${app.url}/norms/${slug}`, { headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(200);
  const html = await response.text();
  const ms = Math.round(performance.now() - started);
  // Complete in the first response: no part left to be streamed in later, which only script
  // could put in place (the interactive islands render on the server, inside the page).
  expect(html).not.toContain("<!--$?-->");
  const bytes = Buffer.byteLength(html);
  // The RSC payload: the self.__next_f.push([1,"…"]) scripts that repeat the tree for hydration.
  const payload = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const gzipKb = gzipSync(html).length / 1024;
  console.log(`norm page, ${cookie ? "signed in" : "visitor"}: ${(bytes / 1024).toFixed(0)} KB of HTML (RSC payload ${(payload / 1024).toFixed(0)} KB), ${gzipKb.toFixed(1)} kB gzipped, ${ms} ms`);
  return { html, gzipKb };
}

describe.skipIf(!!why)(`HTML of a norm page with ${POSITIONS} positions (${why ? `skipped: ${why}` : "built app, PostgreSQL"})`, () => {
  it(`is at most ${BUDGET_KB} kB gzipped for a visitor, with its first 50 positions and 50 threads`, async () => {
    const { html, gzipKb } = await measure();
    // The page shows what it should, so the size is that of a full page.
    expect(html).toContain(`Our reason, number 0:`);
    expect(comments(html)).toBe(50 + REPLIES);
    expect(gzipKb).toBeGreaterThan(20);
    expect(gzipKb).toBeLessThanOrEqual(BUDGET_KB);
  });

  it(`is at most ${BUDGET_KB} kB gzipped for a signed-in member, who may reply to and report every comment`, async () => {
    const { cookie, signedIn } = await signIn(app.url, memberEmail, "member-password-2026");
    expect(signedIn).toBe(true);
    const { html, gzipKb } = await measure(cookie);
    expect(comments(html)).toBe(50 + REPLIES);
    expect(gzipKb).toBeLessThanOrEqual(BUDGET_KB);
  });
});

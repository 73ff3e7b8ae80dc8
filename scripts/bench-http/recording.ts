// The write measure of `npm run bench:http`: representatives recording positions through the tRPC
// mutation, as the browser does, at once from several connections; afterwards each norm's stored
// figures must equal what its positions give (maintained aggregates kept exact under concurrency).
import { eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "~/db/connect";
import { addMember, createUser } from "~/db/factories";
import * as schema from "~/db/schema";
import { normPositions, norms, organizations, users } from "~/db/schema";
import { computeMeasures } from "~/server/domain/measures";
import { signIn } from "~/tests/system/support";
import { load } from "./load";

const PASSWORD = "bench-http-representative-password";
const emailOf = (i: number) => `bench-representative-${i}@bench.normsforum.example`;

export interface Recording {
  cookies: string[];
  organizationIds: string[];
  normIds: string[];
}

/**
 * `count` verified organisations, each with a representative made for the benchmark (kept between
 * runs), and up to 20 norms open to positions.
 */
export async function prepareRepresentatives(databaseUrl: string, count: number) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  try {
    const orgs = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.verificationStatus, "verified"))
      .orderBy(organizations.id)
      .limit(count);
    const open = await db
      .select({ id: norms.id })
      .from(norms)
      .where(inArray(norms.status, ["consultation", "endorsement"]))
      .orderBy(norms.id)
      .limit(20);
    if (orgs.length < count || open.length === 0) throw new Error("the database has too few verified organisations or open norms for the write measure");
    const emails: string[] = [];
    for (const [i, org] of orgs.entries()) {
      const email = emailOf(i);
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const userId = existing?.id ?? (await createUser(db, { email, password: PASSWORD, displayName: `Benchmark representative ${i + 1}` })).id;
      await addMember(db, org.id, userId, "representative", false);
      emails.push(email);
    }
    return { emails, organizationIds: orgs.map((o) => o.id), normIds: open.map((n) => n.id) };
  } finally {
    await client.end({ timeout: 2 });
  }
}

export async function signInRepresentatives(appUrl: string, prepared: Awaited<ReturnType<typeof prepareRepresentatives>>): Promise<Recording> {
  const cookies: string[] = [];
  for (const email of prepared.emails) {
    const { cookie, signedIn } = await signIn(appUrl, email, PASSWORD);
    if (!signedIn) throw new Error(`${email} could not sign in`);
    cookies.push(cookie);
  }
  return { cookies, organizationIds: prepared.organizationIds, normIds: prepared.normIds };
}

/**
 * The stance of request `i` (representative i % reps, norm ⌊i / reps⌋ % norms): endorse on one
 * round of every representative over every norm, abstain on the next, so each request changes the
 * organisation's position, but for the first round of a run, which meets what the last run left (a
 * stance by i % 2 would give each of ten representatives the same stance every time, and every
 * round after the first would write nothing).
 */
export const stanceOf = (i: number, reps: number, norms: number) => (Math.floor(i / (reps * norms)) % 2 === 0 ? "endorse" : "abstain");

/** Each request: one representative records a position on one norm, a change each time (stanceOf). */
// Counted across measurements, so the next one goes on with the round (and the stance) where the last stopped.
let n = 0;
export async function measureRecording(appUrl: string, recording: Recording, connections: number, seconds: number) {
  const result = await load({
    url: `${appUrl}/api/trpc/positions.record`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const i = n++;
          const who = i % recording.cookies.length;
          const norm = recording.normIds[Math.floor(i / recording.cookies.length) % recording.normIds.length]!;
          return {
            ...request,
            method: "POST",
            headers: { "content-type": "application/json", origin: appUrl, cookie: recording.cookies[who]! },
            body: JSON.stringify({ json: { normId: norm, organizationId: recording.organizationIds[who], stance: stanceOf(i, recording.cookies.length, recording.normIds.length) } }),
          };
        },
      },
    ],
  });
  return result;
}

/**
 * The write's floor: a signed-in tRPC query that reads the session and one row (`account.me`),
 * from the same representatives in turn, so the framework's, the session's and tRPC's share of a
 * request can be told from the write's own.
 */
export async function measureSignedInQuery(appUrl: string, recording: Recording, connections: number, seconds: number) {
  let k = 0;
  return load({
    url: `${appUrl}/api/trpc/account.me`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: recording.cookies[k++ % recording.cookies.length]! } }) }],
  });
}

/**
 * Norms among `normIds` whose stored figures differ from what their positions give now. Both are
 * read in one repeatable-read snapshot: autocannon ends its measure with requests still running on
 * the server, and one committing between a read of the positions and a read of the norm would show
 * a difference that no single moment of the database ever had.
 */
export async function figuresThatDiffer(databaseUrl: string, normIds: string[]) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  try {
    return await db.transaction(
      async (tx) => {
        const wrong: string[] = [];
        for (const normId of normIds) {
          const rows = await tx
            .select({ stance: normPositions.stance, stakeholderType: organizations.stakeholderType, region: organizations.region, status: organizations.verificationStatus })
            .from(normPositions)
            .innerJoin(organizations, eq(organizations.id, normPositions.organizationId))
            .where(eq(normPositions.normId, normId));
          const m = computeMeasures(rows.map((r) => ({ ...r, verified: r.status === "verified", current: true })));
          const [stored] = await tx.select({ positionCount: norms.positionCount, support: norms.support, bridging: norms.bridging }).from(norms).where(eq(norms.id, normId));
          if (!stored || stored.positionCount !== m.counts.total || stored.support !== m.support || stored.bridging !== m.bridging) {
            wrong.push(`${normId}: stored ${JSON.stringify(stored)}, from positions ${JSON.stringify({ positionCount: m.counts.total, support: m.support, bridging: m.bridging })}`);
          }
        }
        return wrong;
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  } finally {
    await client.end({ timeout: 2 });
  }
}

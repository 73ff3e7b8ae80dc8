// Countersignature and clearance in the demo data (issue 17): Poland's foreign ministry requires
// that a second representative countersign what it publishes. It has a second representative
// (Zofia Kowalska, db/demo-delegates.ts, with a confirmed address at its domain); a position its
// first representative (Tomasz Nowak) entered three days ago waits for her countersignature, and
// she has saved a draft the ministry is clearing. Neither is public until it is countersigned or
// submitted (server/domain/countersign.ts, clearance.ts).
import { and, eq } from "drizzle-orm";
import type { Tx } from "./connect";
import { demoDelegates, demoSecondDelegates } from "./demo-delegates";
import { demoDomainOf } from "./demo-representation";
import { addMember, createUser } from "./factories";
import { norms, organizationEntries, organizationMembers, organizations, userEmails, users } from "./schema";
import { addMonths, TERM_MONTHS } from "~/server/domain/nominations";
import { clock } from "~/server/clock";

const DAY_MS = 24 * 60 * 60 * 1000;
export const COUNTERSIGNING_ORGANIZATION = "Ministry of Foreign Affairs of Poland";

export async function seedDemoCountersignature(tx: Tx, passwordHash: string) {
  const now = clock.now();
  const [poland] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, COUNTERSIGNING_ORGANIZATION));
  const first = demoDelegates[COUNTERSIGNING_ORGANIZATION];
  const second = demoSecondDelegates[COUNTERSIGNING_ORGANIZATION];
  if (!poland || !first || !second) return;
  const [tomasz] = await tx.select({ id: users.id }).from(users).where(eq(users.email, first.email));
  const zofia = await createUser(tx, { ...second, passwordHash });
  // Her representation rests on a confirmed address at the ministry's domain, for twelve months.
  const address = `zofia@${demoDomainOf(COUNTERSIGNING_ORGANIZATION)}`;
  await tx.insert(userEmails).values({ userId: zofia.id, email: address, confirmedAt: now, createdAt: now });
  await addMember(tx, poland.id, zofia.id, "representative");
  await tx
    .update(organizationMembers)
    .set({ address, reconfirmBy: addMonths(now, TERM_MONTHS) })
    .where(and(eq(organizationMembers.organizationId, poland.id), eq(organizationMembers.userId, zofia.id)));
  await tx.update(organizations).set({ requiresCountersignature: true }).where(eq(organizations.id, poland.id));

  const normId = async (title: string) => (await tx.select({ id: norms.id }).from(norms).where(eq(norms.title, title)))[0]!.id;
  const entered = new Date(now.getTime() - 3 * DAY_MS);
  await tx.insert(organizationEntries).values([
    {
      organizationId: poland.id,
      kind: "position",
      state: "pending",
      normId: await normId("Preserving the integrity of financial system data"),
      content: {
        stance: "endorse_with_reservations",
        statement: "Poland supports the norm; the reporting duty in clause 2 should apply only to systemically important institutions.",
        clauses: [2],
      },
      enteredById: tomasz!.id,
      submittedAt: entered,
      createdAt: entered,
      updatedAt: entered,
    },
    {
      organizationId: poland.id,
      kind: "position",
      state: "draft",
      normId: await normId("Protecting electoral infrastructure"),
      content: {
        stance: "endorse",
        statement: "Draft for clearance with the legal department: Poland endorses the norm as it stands.",
        clauses: [],
      },
      enteredById: zofia.id,
      createdAt: new Date(now.getTime() - DAY_MS),
      updatedAt: new Date(now.getTime() - DAY_MS),
    },
  ]);
}

// Verified representation in the demo data (issue 17): every demo organisation registers an
// official email domain, and every demo representative rests on something the rules accept, one of
// each kind:
// - a confirmed address at the organisation's confirmed domain (most of them; rep@ as
//   rafael@mfa-kenya.example for the Kenyan ministry);
// - a secretariat exception with its reason (the Regional Cyber Cooperation Organisation);
// - the migration's exception, to reconfirm within 12 months (rep@ for Digital Rights Collective,
//   who holds a confirmed address there and can tie the representation to it on the manage page);
// - provisional, checked when the secretariat verifies (the two organisations in the queue: the
//   Pacific CERT's creator has a confirmed address at its registered domain, Open Networks
//   Limited registered none, so verifying it takes an exception).
// member@ has no address at the Kenyan ministry's domain: making them a representative is refused.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "./connect";
import { addMember, createUser } from "./factories";
import { organizationDomains, organizationMembers, organizations, representationTerms, representativeNominations, userEmails, users } from "./schema";
import { addMonths, TERM_MONTHS } from "~/server/domain/nominations";
import { slugify } from "~/server/domain/slug";
import { clock } from "~/server/clock";

/** Short domains for the organisations the README names; the others use their slug. */
const demoDomains: Record<string, string> = {
  "Ministry of Foreign Affairs of Kenya": "mfa-kenya.example",
  "Ministry of Foreign Affairs of Japan": "mofa-japan.example",
  "Ministry of Foreign Affairs of Poland": "msz-poland.example",
  "Ministry of Foreign Affairs of Brazil": "itamaraty-brazil.example",
  "Federal Foreign Office of Germany": "auswaertiges-amt.example",
  "Regional Cyber Cooperation Organisation": "rcco.example",
  "Open Networks Ltd": "open-networks.example",
  "Digital Rights Collective": "digital-rights-collective.example",
  "Pacific CERT Coordination Centre": "pacific-cert.example",
};
export const demoDomainOf = (name: string) => demoDomains[name] ?? `${slugify(name)}.example`;

const EXCEPTION = "Intergovernmental staff write from the host country's mail system; confirmed by the organisation's letter of 3 March.";
const MIGRATION = "Representative before verified domains (migration)";
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const localPart = (displayName: string) => slugify(displayName.split(" ")[0] ?? "rep") || "rep";

export async function seedDemoRepresentation(tx: Tx, secretariatId: string) {
  const now = clock.now();
  const all = await tx.select({ id: organizations.id, name: organizations.name, status: organizations.verificationStatus }).from(organizations);
  const confirmAddress = async (userId: string, email: string) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (user?.email === email) return;
    await tx.insert(userEmails).values({ userId, email, confirmedAt: now, createdAt: now }).onConflictDoNothing();
  };
  for (const organization of all) {
    const domain = demoDomainOf(organization.name);
    const queued = organization.status === "pending";
    // The duplicate in the queue registered no domain: verifying it takes an exception.
    if (organization.name === "Open Networks Limited") continue;
    await tx.insert(organizationDomains).values({
      organizationId: organization.id,
      domain,
      confirmedAt: queued ? null : now,
      confirmedById: queued ? null : secretariatId,
      createdAt: now,
    });
    const representatives = await tx
      .select({ userId: organizationMembers.userId, displayName: users.displayName })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.role, "representative")));
    for (const r of representatives) {
      const address = `${localPart(r.displayName)}@${domain}`;
      await confirmAddress(r.userId, address);
      const basis = queued
        ? {}
        : organization.name === "Regional Cyber Cooperation Organisation"
          ? { exceptionReason: EXCEPTION, exceptionById: secretariatId, exceptionAt: now }
          : organization.name === "Digital Rights Collective"
            ? { exceptionReason: MIGRATION, exceptionAt: now, reconfirmBy: new Date(now.getTime() + YEAR_MS) }
            : { address };
      if (Object.keys(basis).length === 0) continue;
      await tx
        .update(organizationMembers)
        .set(basis)
        .where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, r.userId)));
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The demo member of Japan's ministry whose nomination waits for the secretariat. */
export const DEMO_NOMINEE = "nominee.jp@demo.normsforum.example";
/** Germany's former representative, in its public history. */
export const DEMO_FORMER_REPRESENTATIVE = "former.de@demo.normsforum.example";

/**
 * States and intergovernmental organisations in the demo (issue 17): each representative's
 * representation runs twelve months (Brazil's is due in 20 days, so its page asks to reconfirm);
 * a member of Japan's ministry with an address at its domain, nominated by its representative,
 * waits in the secretariat's queue; Germany's history names a representative who stepped down.
 */
export async function seedDemoNominations(tx: Tx, passwordHash: string) {
  const now = clock.now();
  const states = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.stakeholderType, ["state", "intergovernmental"]), eq(organizations.verificationStatus, "verified")));
  for (const s of states) {
    const due = s.name === "Ministry of Foreign Affairs of Brazil" ? new Date(now.getTime() + 20 * DAY_MS) : addMonths(now, TERM_MONTHS);
    await tx
      .update(organizationMembers)
      .set({ reconfirmBy: due })
      .where(and(eq(organizationMembers.organizationId, s.id), eq(organizationMembers.role, "representative")));
  }
  const byName = new Map(states.map((s) => [s.name, s.id]));
  const japan = byName.get("Ministry of Foreign Affairs of Japan");
  if (japan) {
    const [nominator] = await tx
      .select({ id: organizationMembers.userId })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, japan), eq(organizationMembers.role, "representative")));
    const nominee = await createUser(tx, { email: DEMO_NOMINEE, displayName: "Kenji Watanabe", passwordHash });
    const address = `kenji@${demoDomainOf("Ministry of Foreign Affairs of Japan")}`;
    await tx.insert(userEmails).values({ userId: nominee.id, email: address, confirmedAt: now, createdAt: now });
    await addMember(tx, japan, nominee.id, "member", false);
    await tx.insert(representativeNominations).values({ organizationId: japan, userId: nominee.id, nominatedById: nominator!.id, address, createdAt: new Date(now.getTime() - 2 * DAY_MS) });
  }
  const germany = byName.get("Federal Foreign Office of Germany");
  if (germany) {
    const former = await createUser(tx, { email: DEMO_FORMER_REPRESENTATIVE, displayName: "Lena Fischer", passwordHash });
    await tx.insert(representationTerms).values({
      organizationId: germany,
      userId: former.id,
      startedAt: new Date(now.getTime() - 400 * DAY_MS),
      endedAt: new Date(now.getTime() - 60 * DAY_MS),
      ending: "stepped_down",
    });
  }
}

// Builders for rows, shared by the seed and the tests so both make data the same way.
import { hashPassword } from "~/server/auth/password";
import { slugify } from "~/server/domain/slug";
import { closeTerm, openTerm } from "~/server/domain/nominations";
import type { DbOrTx } from "./connect";
import {
  type MemberRole,
  type Participation,
  type Region,
  type StakeholderType,
  type UserRole,
  type VerificationStatus,
  organizationMembers,
  organizations,
  users,
} from "./schema";
import { clock } from "~/server/clock";

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface UserInput {
  email?: string;
  displayName?: string;
  password?: string;
  /** A hash made once for many accounts of the same password (the demo's representatives). */
  passwordHash?: string;
  role?: UserRole;
  verified?: boolean;
}

export async function createUser(db: DbOrTx, input: UserInput = {}) {
  const id = next();
  const [user] = await db
    .insert(users)
    .values({
      email: (input.email ?? `user-${id}@example.test`).toLowerCase(),
      displayName: input.displayName ?? `User ${id}`,
      passwordHash: input.passwordHash ?? (await hashPassword(input.password ?? "correct horse battery")),
      role: input.role ?? "member",
      emailVerifiedAt: input.verified === false ? null : clock.now(),
    })
    .returning();
  return user!;
}

export interface OrganizationInput {
  name?: string;
  slug?: string;
  stakeholderType?: StakeholderType;
  region?: Region;
  country?: string | null;
  website?: string | null;
  description?: string;
  status?: VerificationStatus;
  /** A full participant unless said otherwise; an observer takes no positions. */
  participation?: Participation;
  createdById: string;
}

export async function createOrganization(db: DbOrTx, input: OrganizationInput) {
  const name = input.name ?? `Organisation ${next()}`;
  const status = input.status ?? "pending";
  const [organization] = await db
    .insert(organizations)
    .values({
      name,
      slug: input.slug ?? `${slugify(name)}-${next()}`,
      stakeholderType: input.stakeholderType ?? "civil_society",
      region: input.region ?? "global",
      country: input.country ?? null,
      website: input.website ?? null,
      description: input.description ?? "",
      verificationStatus: status,
      participation: input.participation ?? "participant",
      statusChangedAt: status === "pending" ? null : clock.now(),
      createdById: input.createdById,
    })
    .returning();
  await addMember(db, organization!.id, input.createdById, "representative");
  return organization!;
}

export async function addMember(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  role: MemberRole = "member",
  listed = true,
) {
  await db
    .insert(organizationMembers)
    .values({ organizationId, userId, role, listed })
    .onConflictDoUpdate({
      target: [organizationMembers.organizationId, organizationMembers.userId],
      set: { role },
    });
  // The public history of representation, as the domain keeps it (server/domain/nominations.ts).
  if (role === "representative") await openTerm(db, organizationId, userId, clock.now());
  else await closeTerm(db, organizationId, userId, clock.now(), "stepped_down");
}

// Demo uptake (issue 19) on two demo norms, clearly marked as demo: the documents are fictional,
// named "Demo:", with no link and no paragraph, so nobody takes them for a real record. (The
// reference norms' uptake is real and comes from db/reference-data/uptake.json.)
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "./connect";
import { normUptakes, norms, users } from "./schema";
import { demoAccounts } from "./seed";

const demoUptake: { norm: string; document: string; forum: string; takenUpOn: string; parties: string[] }[] = [
  {
    norm: "coordinated-disclosure-of-ict-vulnerabilities",
    document: "Demo: Joint statement of a regional cyber dialogue (fictional)",
    forum: "Demo regional dialogue",
    takenUpOn: "2025-06-12",
    parties: ["KE", "JP", "DE", "BR"],
  },
  {
    norm: "coordinated-disclosure-of-ict-vulnerabilities",
    document: "Demo: Ministerial declaration on ICT security (fictional)",
    forum: "Demo ministerial meeting",
    takenUpOn: "2026-02-03",
    parties: ["group:au"],
  },
  {
    norm: "national-points-of-contact-and-cooperation-on-incident-response",
    document: "Demo: Communiqué on incident response cooperation (fictional)",
    forum: "Demo working group",
    takenUpOn: "2025-11-20",
    parties: ["group:osce"],
  },
];

export async function seedDemoUptake(tx: Tx) {
  const rows = await tx.select({ id: norms.id, slug: norms.slug }).from(norms).where(inArray(norms.slug, [...new Set(demoUptake.map((u) => u.norm))]));
  const [secretariat] = await tx.select({ id: users.id }).from(users).where(eq(users.email, demoAccounts.secretariat));
  const values = demoUptake.flatMap((u) => {
    const norm = rows.find((r) => r.slug === u.norm);
    return norm ? [{ normId: norm.id, document: u.document, forum: u.forum, takenUpOn: u.takenUpOn, parties: u.parties, createdById: secretariat?.id ?? null }] : [];
  });
  if (values.length) await tx.insert(normUptakes).values(values);
}

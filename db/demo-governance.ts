// The demo's /about/governance: one revision by the demo administrator, so the page reads as it would
// on a running forum. The texts are the demo's own; a real forum's administrators publish theirs.
import type { Tx } from "./connect";
import { governanceRevisions } from "./schema";
import { clock } from "~/server/clock";

const DAY = 24 * 60 * 60 * 1000;

export const demoGovernance = {
  secretariat: [
    "The secretariat is a small staff that runs the forum day to day: it verifies organisations, moves norms between stages on the published rules, moderates the discussion and prepares each year's stock-take.",
    "It is hosted by the demonstration foundation that keeps this site (a demo, not a real body) and answers to a board on which no participating organisation holds a seat.",
  ].join("\n\n"),
  appointments: [
    "Staff are appointed by the board after an open call, for terms of three years that can be renewed once. Nobody who represents an organisation in the forum can hold a staff role while they do.",
    "Administrators are named by the board from among the staff; an administrator cannot change their own role.",
  ].join("\n\n"),
  funding: [
    "The forum is funded by a pooled fund to which states, companies and foundations contribute; no contributor gives more than a fifth of the year's budget, and contributions buy no say in the forum's decisions.",
    "- Contributors and amounts are listed each year in the annual report.",
    "- Partners that lend staff or premises are named here when they do so.",
  ].join("\n\n"),
};

export async function seedDemoGovernance(tx: Tx, adminId: string) {
  await tx.insert(governanceRevisions).values({
    number: 1,
    ...demoGovernance,
    summary: "First publication of the governance page.",
    editedById: adminId,
    createdAt: new Date(clock.nowMs() - 60 * DAY),
  });
}

/**
 * A secretariat move made in a test before its published criteria could be met (a norm just
 * submitted, with few positions): as an override, with its outcome statement and reason.
 */
export const overriding = {
  statement: "The secretariat makes this move for the purpose of this test.",
  override: true,
  overrideReason: "A test makes the move before the published criteria could be met.",
} as const;

/** A merge's outcome statement. */
export const mergeStatement = "These two proposals cover the same ground; their records are kept together.";

/** A norm's fields apart from its title: short, valid, about response teams. */
export const responseTeamNormFields = {
  summary: "States should not harm the work of authorised emergency response teams.",
  clauses: ["States should not harm CSIRTs.", "States should cooperate with CSIRTs."],
  categories: ["II" as const],
  kind: "mutual_restraint" as const,
  bindingness: "political" as const,
  citations: [],
};

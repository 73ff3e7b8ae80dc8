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

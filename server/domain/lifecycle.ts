// A norm's life (DESIGN.md): which transitions exist, from which states, and who may make them.
// Pure: no database. The policy decides the role; this table decides the state.

import { type NormStatus, normStatuses } from "../schemas/vocabulary";

export { normStatuses, type NormStatus };

export const transitions = {
  submit: { from: ["draft"], to: "consultation", by: "proposer" },
  withdraw: { from: ["draft", "consultation", "endorsement"], to: "withdrawn", by: "proposer" },
  openEndorsement: { from: ["consultation"], to: "endorsement", by: "secretariat" },
  returnToConsultation: { from: ["endorsement"], to: "consultation", by: "secretariat" },
  conclude: { from: ["endorsement"], to: "concluded", by: "secretariat" },
  merge: { from: ["consultation", "endorsement"], to: "merged", by: "secretariat" },
} as const satisfies Record<string, { from: readonly NormStatus[]; to: NormStatus; by: "proposer" | "secretariat" }>;

export type Transition = keyof typeof transitions;

const statusWords: Record<NormStatus, string> = {
  draft: "a draft",
  consultation: "in consultation",
  endorsement: "in endorsement",
  concluded: "concluded",
  withdrawn: "withdrawn",
  merged: "merged into another norm",
};

/** Null when the transition is allowed from `status`; otherwise why not, in plain words. */
export function transitionRefusal(transition: Transition, status: NormStatus): string | null {
  const rule = transitions[transition];
  if ((rule.from as readonly NormStatus[]).includes(status)) return null;
  const allowed = rule.from.map((s) => statusWords[s]).join(" or ");
  return `This norm is ${statusWords[status]}; it can only be ${verb[transition]} when it is ${allowed}.`;
}

const verb: Record<Transition, string> = {
  submit: "submitted to consultation",
  withdraw: "withdrawn",
  openEndorsement: "moved to endorsement",
  returnToConsultation: "returned to consultation",
  conclude: "concluded",
  merge: "merged",
};

/** Only drafts and norms in consultation can be revised; endorsement freezes the text. */
export const canRevise = (status: NormStatus) => status === "draft" || status === "consultation";

// Who may see a norm is not a matter of its state alone (a draft withdrawn unsubmitted stays
// private): see norm-visibility.ts.

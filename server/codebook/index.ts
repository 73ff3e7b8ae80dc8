// The codebook behaviour observations are coded to (issue 19). Each version is fixed once
// published: a change to a field, a value or a rule is a new version, and every observation
// records the version it was coded under. The words that define each field and value are in
// messages/en/codebook.json under the version's key; /about/codebook shows the current version
// and /about/codebook/<version> each earlier one.
import {
  assessmentValues,
  attributionStatuses,
  confidenceLevels,
  evidenceTypes,
  observationActorKinds,
} from "~/server/schemas/vocabulary";

export const codebookVersions = ["v0", "v1"] as const;
export type CodebookVersion = (typeof codebookVersions)[number];

/** The version new observations are coded under. */
export const CURRENT_CODEBOOK = "v1" satisfies CodebookVersion;

export const isCodebookVersion = (v: string): v is CodebookVersion => (codebookVersions as readonly string[]).includes(v);

export interface CodebookField {
  key: string;
  /** The values the field takes, each defined in the codebook; absent for free text, dates, URLs. */
  values?: readonly string[];
  required: boolean;
}

export interface Codebook {
  version: CodebookVersion;
  /** The day the version took effect (UTC). */
  adoptedOn: string;
  fields: readonly CodebookField[];
  /** Secretariat members who must agree before an observation is accepted or rejected. */
  reviewersRequired: 1 | 2;
  /** Days named forum organisations have to reply before it may be accepted; null: none (v0). */
  replyWindowDays: number | null;
}

export const codebooks: Record<CodebookVersion, Codebook> = {
  v0: {
    version: "v0",
    adoptedOn: "2025-01-01",
    fields: [
      { key: "title", required: true },
      { key: "description", required: true },
      { key: "occurredOn", required: true },
      { key: "actors", values: ["organization", "unattributed"], required: true },
      { key: "assessments", values: ["consistent", "inconsistent"], required: true },
      { key: "sources", required: true },
    ],
    reviewersRequired: 1,
    replyWindowDays: null,
  },
  v1: {
    version: "v1",
    adoptedOn: "2026-12-02",
    fields: [
      { key: "title", required: true },
      { key: "description", required: true },
      { key: "when", required: true },
      { key: "actors", values: observationActorKinds, required: true },
      { key: "attributionStatus", values: attributionStatuses, required: true },
      { key: "attributedBy", required: false },
      { key: "attributionSource", required: false },
      { key: "confidence", values: confidenceLevels, required: true },
      { key: "evidenceType", values: evidenceTypes, required: true },
      { key: "assessments", values: assessmentValues, required: true },
      { key: "sources", required: true },
    ],
    reviewersRequired: 2,
    replyWindowDays: 14,
  },
};

export const currentCodebook = () => codebooks[CURRENT_CODEBOOK];

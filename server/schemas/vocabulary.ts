// The forum's fixed vocabulary (DESIGN.md). Plain constants, so forms in the browser and the
// database schema share them.
export const userRoles = ["member", "secretariat", "admin"] as const;
export type UserRole = (typeof userRoles)[number];

export const stakeholderTypes = [
  "state",
  "intergovernmental",
  "private_sector",
  "civil_society",
  "academia",
  "technical_community",
] as const;
export type StakeholderType = (typeof stakeholderTypes)[number];

// The five UN regional groups, plus `global` for bodies with no home region.
export const regions = [
  "african",
  "asia_pacific",
  "eastern_european",
  "latin_american_caribbean",
  "weog",
  "global",
] as const;
export type Region = (typeof regions)[number];

export const verificationStatuses = ["pending", "verified", "rejected", "revoked"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

// How an organisation takes part: a full participant takes positions; an observer follows,
// comments and files statements, but takes no positions (issue 17).
export const participations = ["participant", "observer"] as const;
export type Participation = (typeof participations)[number];

export const memberRoles = ["representative", "member"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const normStatuses = ["draft", "consultation", "endorsement", "concluded", "withdrawn", "merged"] as const;
export type NormStatus = (typeof normStatuses)[number];

/** The stages that run on the consultation clock: each has a closing date, set when it starts. */
export const timedStages = ["consultation", "endorsement"] as const;
export type TimedStage = (typeof timedStages)[number];

export const normKinds = ["mutual_restraint", "common_welfare"] as const;
export type NormKind = (typeof normKinds)[number];

export const bindingnesses = ["political", "legal", "technical"] as const;
export type Bindingness = (typeof bindingnesses)[number];

export const categoryCodes = ["I", "II", "III", "IV", "V"] as const;
export type CategoryCode = (typeof categoryCodes)[number];

export const stances = ["endorse", "endorse_with_reservations", "object", "abstain"] as const;
export type Stance = (typeof stances)[number];

// How a history entry came about: a position recorded (new or changed), reaffirmed on a newer text,
// or withdrawn (an organisation ending its adherence to a concluded norm: the entry keeps the stance
// it held, and its current position is removed).
export const positionEventKinds = ["recorded", "reaffirmed", "withdrawn"] as const;
export type PositionEventKind = (typeof positionEventKinds)[number];

export const commentStatuses = ["visible", "hidden", "deleted"] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const reportStatuses = ["open", "upheld", "dismissed"] as const;
export type ReportStatus = (typeof reportStatuses)[number];

// What the public moderation log records.
export const moderationActions = ["hide", "restore", "suspend_author", "dismiss_reports", "appeal_upheld", "appeal_restored"] as const;
export type ModerationAction = (typeof moderationActions)[number];

export const commentAppealStatuses = ["pending", "upheld", "restored"] as const;
export type CommentAppealStatus = (typeof commentAppealStatuses)[number];

export const implementationStatuses = ["implemented", "partially", "not_yet", "no_information"] as const;
export type ImplementationStatus = (typeof implementationStatuses)[number];

export const observationStatuses = ["pending", "accepted", "rejected"] as const;
export type ObservationStatus = (typeof observationStatuses)[number];

// "unclear" came with codebook v1 (server/codebook): a v0 observation is consistent or inconsistent.
export const assessmentValues = ["consistent", "inconsistent", "unclear"] as const;
export const assessments = assessmentValues;
export type Assessment = (typeof assessments)[number];

// The codebook's coded fields of an observation (server/codebook defines each value).
export const observationActorKinds = ["organization", "state", "unattributed"] as const;
export type ObservationActorKind = (typeof observationActorKinds)[number];

export const attributionStatuses = ["none", "government", "company", "researchers", "acknowledged"] as const;
export type AttributionStatus = (typeof attributionStatuses)[number];

export const confidenceLevels = ["low", "medium", "high"] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

export const evidenceTypes = ["technical-report", "government-statement", "court-document", "media-report", "company-disclosure", "actor-statement"] as const;
export type EvidenceType = (typeof evidenceTypes)[number];

export const reviewDecisions = ["accept", "reject"] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const correctionStatuses = ["open", "answered"] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

export const publicationStatuses = ["running", "done", "failed"] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

// An amendment to one clause of a norm's text (server/domain/amendments.ts): replace the clause's
// words, insert a new clause after it, or delete it.
export const amendmentKinds = ["replace", "insert", "delete"] as const;
export type AmendmentKind = (typeof amendmentKinds)[number];

// open: awaiting the authors; accepted: in a new version; declined: by the authors, with a reason;
// withdrawn: by its proposer; superseded: still open when the norm left consultation.
export const amendmentStates = ["open", "accepted", "declined", "withdrawn", "superseded"] as const;
export type AmendmentState = (typeof amendmentStates)[number];

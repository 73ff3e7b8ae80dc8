// The shapes the open-data API returns. The serialisers are typed by these schemas and the
// OpenAPI document is generated from them, so the documentation and the output cannot drift.
import { z } from "zod";
import { houseRuleIds } from "../domain/house-rules";
import { LOCALES } from "../i18n/locales";
import {
  bindingnesses,
  categoryCodes,
  commentStatuses,
  moderationActions,
  normKinds,
  normStatuses,
  participations,
  regions,
  stakeholderTypes,
  stances,
  timedStages,
  verificationStatuses,
} from "../schemas/vocabulary";
import { criterionKinds } from "~/db/schema/process";

const timestamp = z.iso.datetime().describe("UTC, ISO 8601.");
const publicStatus = z.enum(normStatuses).exclude(["draft"]);

export const organizationRef = z
  .object({
    slug: z.string(),
    name: z.string(),
    stakeholderType: z.enum(stakeholderTypes),
  })
  .describe("The organisation a norm was proposed on behalf of.");

export const proposer = z.object({
  name: z.string().describe("The display name of the person who proposed the norm."),
  organization: organizationRef.nullable().describe("Null when the norm was proposed in a personal capacity."),
});

export const normStage = z
  .object({
    name: z.enum(timedStages).describe("The timed stage the norm is in."),
    closesAt: timestamp.describe("The first instant the stage is closed: 00:00 UTC after its last open day."),
    lastOpenDay: z.iso.date().describe("The last day (UTC) the stage is open, as the forum shows it."),
    closed: z.boolean().describe("True once the date has passed: the norm awaits the secretariat's decision, and the stage takes no more comments and revisions (consultation) or positions (endorsement)."),
    sealed: z
      .boolean()
      .describe(
        "True for an endorsement stage the secretariat opened sealed: positions recorded during it are seen only by their organisations until the stage closes (closesAt), when they are all published at once, each with the time it was recorded. Until then positions, figures and lists show each organisation's position as it stood before the stage.",
      ),
  })
  .describe("The consultation clock: when the norm's current stage closes (/about/process).");

const normFields = {
  slug: z.string().describe("Stable identifier; does not change when the title does."),
  title: z.string(),
  summary: z.string(),
  status: publicStatus.describe("Drafts are never published."),
  categories: z.array(z.enum(categoryCodes)).describe("The categories I–V the norm is placed in."),
  kind: z.enum(normKinds),
  bindingness: z.enum(bindingnesses),
  language: z.string().describe("BCP 47 language tag of the authoritative text."),
  currentVersion: z.int().min(1),
  proposer,
  createdAt: timestamp,
  updatedAt: timestamp,
  url: z.url().describe("The norm's page on the forum."),
  apiUrl: z.url().describe("This norm in the API, with its text and versions."),
  stage: normStage.nullable().describe("Null unless the norm is in consultation or endorsement."),
};

export const person = z.object({ name: z.string().describe("Display name.") });

const share = z.number().min(0).max(1);

// The measures stored with each norm, so the list can show and sort by them.
const listMeasureFields = {
  positionCount: z.int().min(0).describe("Positions of verified organisations, which count in the measures."),
  support: share.nullable().describe("Share of endorsements (with or without reservations) among endorsements and objections; null when there are none."),
  bridging: share.describe("The bridging score: support across the 12 declared groups (stakeholder types and regions)."),
  contestation: share.nullable().describe("Share of objections among all counted positions; null with no positions."),
};

export const normListItem = z
  .object({ ...normFields, ...listMeasureFields })
  .describe("A norm as listed, with its published measures; fetch `apiUrl` for its text.");

export const normList = z.object({
  items: z.array(normListItem),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

export const citationRef = z.object({
  id: z.string().describe("The reference norm's identifier, e.g. `ungge-f`."),
  display: z.string().describe("How the reference norm is usually cited, e.g. UN GGE 13(f)."),
  document: z.string().describe("The reference document's key, usable as the `document` filter."),
});

export const versionRef = z.object({
  number: z.int().min(1),
  changeSummary: z.string().describe("What this version changed, in its author's words."),
  createdAt: timestamp,
  url: z.url().describe("The version's permanent, citable page."),
  apiUrl: z.url(),
});

export const normRef = z.object({ slug: z.string(), url: z.url(), apiUrl: z.url() });

const criterionResult = z
  .object({
    criterion: z.enum(criterionKinds).describe("stageClosed, minOrganizations, minStakeholderTypes, minRegions (of the 5 UN regional groups) or minBridging; see /about/process."),
    threshold: z.number().min(0),
    value: z.number().describe("The norm's figure: 1 or 0 for stageClosed, a count, or the bridging score."),
    met: z.boolean(),
  })
  .describe("A published criterion of a secretariat move, evaluated against the norm's figures.");

export const normDecision = z
  .object({
    move: z.enum(["openEndorsement", "returnToConsultation", "conclude", "merge", "extended"]),
    at: timestamp,
    statement: z.string().nullable().describe("The secretariat's outcome statement: what was decided and why (the reason, for an extension)."),
    override: z.boolean().describe("True when the move was made although its published criteria were not all met."),
    overrideReason: z.string().nullable(),
    criteria: z.array(criterionResult).nullable().describe("The move's criteria as evaluated when it was made; null for moves without published criteria."),
    closesAt: timestamp.nullable().describe("The closing instant of the stage the move opened or extended."),
    sealed: z.boolean().describe("On openEndorsement: the stage was opened sealed. On a later move: the move ended a sealed stage early and revealed its positions."),
  })
  .describe("A decision of the secretariat on the norm, oldest first.");

export const normSponsor = z
  .object({
    organization: z.object({
      slug: z.string(),
      name: z.string(),
      stakeholderType: z.enum(stakeholderTypes),
      region: z.enum(regions).describe("UN regional group, or `global`."),
      country: z.string().nullable().describe("ISO 3166-1 alpha-2 code; null for organisations with no single country."),
      verified: z.boolean().describe("Whether the organisation is verified now; a sponsor whose verification was later revoked stays listed, marked."),
      url: z.url().describe("The organisation's page on the forum."),
    }),
    since: timestamp.describe("When the norm's authors accepted the organisation's request to co-sponsor it."),
  })
  .describe("An organisation that co-sponsors the norm beside its proposer (a \"champion\"). Requests not yet accepted are not published; a withdrawal removes the organisation from this list, and the norm's page keeps both dates on its timeline.");

export const uptakeRecord = z
  .object({
    document: z.string().describe("The document the norm was taken up in, e.g. a UN General Assembly resolution or a communiqué."),
    forum: z.string().describe("The forum it was taken up in (empty when the document names none)."),
    forumId: z.string().nullable().describe("The forums-timeline entry (`GET /api/v1/forums`), when the forum is one."),
    paragraph: z.string().describe("The paragraph or section; empty when not recorded."),
    takenUpOn: z.iso.date().describe("The date of the document, YYYY-MM-DD."),
    url: z.url().nullable().describe("Where the document can be read."),
    parties: z
      .array(z.string())
      .describe("The states party to it: ISO 3166-1 alpha-2 codes, or a group key such as `group:un`, `group:osce`, `group:g20` (all its members)."),
  })
  .describe("Where a norm was taken up, recorded by the secretariat. Oldest first.");

/** A translation of a version (server/domain/translations.ts): into which language, of which version, by whom and when. */
export const translationInfo = z
  .object({
    language: z.enum(["ar", "zh", "en", "fr", "ru", "es"]).describe("The forum language it is in."),
    version: z.int().min(1).describe("The version it translates."),
    providedBy: z.string().describe("Who provided it (one of the norm's authors or the secretariat)."),
    providedAt: timestamp.describe("When it was provided, or last replaced."),
  })
  .describe("A translation of one version; the authoritative text stays the version's own, in the norm's `language`.");

/** The language each text field is in: a translation's, or the authoritative language. */
const fieldLanguages = (fields: readonly string[]) =>
  z
    .object(Object.fromEntries(fields.map((f) => [f, z.string()])) as Record<string, z.ZodString>)
    .describe("The BCP 47 tag of the language each text field is in: the translation's where `?lang=` found one, else the authoritative `language`.");

export const normDetail = z
  .object({
    ...normFields,
    nextStep: z
      .object({ move: z.enum(["openEndorsement", "conclude"]), criteria: z.array(criterionResult) })
      .nullable()
      .describe("The published criteria of the secretariat's next move, with the norm's figures now; null outside consultation and endorsement."),
    decisions: z.array(normDecision).describe("Every move the secretariat made, with its outcome statement; overrides are marked."),
    rationale: z.string().describe("Markdown."),
    clauses: z.array(z.string()).describe("The current version's text, one Markdown paragraph per numbered clause."),
    citations: z.array(citationRef).describe("Reference norms this norm builds on."),
    versions: z.array(versionRef).describe("Every version, newest first."),
    coauthors: z.array(person),
    sponsors: z.array(normSponsor).describe("The organisations that co-sponsor the norm now, in the order they joined."),
    uptake: z.array(uptakeRecord).describe("Where the norm was taken up (documents, forums, paragraphs, dates and parties), oldest first."),
    mergedInto: normRef.nullable().describe("Set when the secretariat merged this norm into another as a duplicate."),
    mergedFrom: z.array(normRef).describe("Norms merged into this one."),
    citation: z.string().describe("A ready-made citation of the current version."),
    translation: translationInfo
      .nullable()
      .describe("With `?lang=`: the translation of the current version into that language whose fields are given, if it has one; null for the authoritative text."),
    fieldLanguages: fieldLanguages(["title", "summary", "clauses", "rationale"]),
    translations: z.array(translationInfo).describe("Every translation of every version, newest version first."),
  })
  .describe("A norm with its current text: the authoritative text, or with `?lang=` its translation into that language where the current version has one.");

export const normVersion = z
  .object({
    slug: z.string(),
    number: z.int().min(1),
    isCurrent: z.boolean(),
    status: publicStatus.describe("The norm's status now, not when this version was saved."),
    title: z.string(),
    summary: z.string(),
    clauses: z.array(z.string()).describe("One Markdown paragraph per numbered clause."),
    changeSummary: z.string(),
    language: z.string(),
    createdAt: timestamp,
    url: z.url().describe("The version's permanent, citable page."),
    normUrl: z.url(),
    citation: z.string().describe("A ready-made citation of this version."),
    bibtex: z.string().describe("The same citation as a BibTeX entry."),
    translation: translationInfo
      .nullable()
      .describe("With `?lang=`: the translation of this version into that language whose fields are given, if it has one; null for the authoritative text."),
    fieldLanguages: fieldLanguages(["title", "summary", "clauses"]),
  })
  .describe("One immutable version of a norm: the authoritative text, or with `?lang=` its translation into that language where it has one.");

// ---------------------------------------------------------------------------------------------
// Positions and organisations

export const stance = z
  .enum(stances)
  .describe("`endorse`, `endorse_with_reservations`, `object` or `abstain`.");

const statement = z
  .string()
  .nullable()
  .describe("The organisation's statement, in its own words; null when none was given (a statement is required with reservations and objections).");

const recordedBy = z.string().describe("Display name of the person who recorded the position on the organisation's behalf.");

export const positionOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    stakeholderType: z.enum(stakeholderTypes),
    region: z.enum(regions).describe("UN regional group, or `global`."),
    country: z.string().nullable().describe("ISO 3166-1 alpha-2 code; null for organisations with no single country."),
    verified: z
      .boolean()
      .describe("Whether the organisation is verified now. Only verified organisations' positions count in the measures; the positions of an organisation whose verification was revoked, or that is back in review after changing its name, type, region, country or website, stay listed, uncounted."),
    url: z.url().describe("The organisation's page on the forum."),
  })
  .describe("The organisation a position was given for.");

export const positionNorm = z
  .object({
    slug: z.string(),
    title: z.string(),
    status: publicStatus.describe("Positions are recorded while a norm is in consultation or endorsement."),
    currentVersion: z.int().min(1),
    url: z.url().describe("The norm's page on the forum."),
    apiUrl: z.url(),
  })
  .describe("The norm positions are about.");

const positionFields = {
  stance,
  statement,
  version: z.int().min(1).describe("The version of the norm's text the position was given (or last reaffirmed) on."),
  clauses: z
    .array(z.int().min(1))
    .describe(
      "The clauses of that version, by number from 1 and in ascending order, that a reservation or objection says it concerns; empty when it names none (always so for an endorsement or abstention). A position reaffirmed on a newer version keeps them only if those clauses read the same there.",
    ),
  recordedAt: timestamp,
  recordedBy,
};

export const normPosition = z
  .object({
    organization: positionOrganization,
    ...positionFields,
    current: z.boolean().describe("Whether the position was given on the norm's current version; false means *given on an earlier version*."),
  })
  .describe("An organisation's current position on a norm.");

export const normPositionList = z
  .object({
    norm: positionNorm,
    positions: z
      .array(normPosition)
      .describe("One current position per organisation: verified organisations first, then those no longer verified, each by organisation name."),
  })
  .describe("The current positions on a norm.");

const historyFields = {
  sequence: z.int().min(1).describe("Counts the organisation's entries on this norm, from 1."),
  kind: z
    .enum(["recorded", "reaffirmed", "withdrawn"])
    .describe(
      "`reaffirmed` carries an earlier position, unchanged, to a newer version; `withdrawn` ends an organisation's adherence to a concluded norm (the entry keeps the stance it withdrew, and the organisation has no current position from then on).",
    ),
};

export const normPositionHistoryEntry = z
  .object({
    ...historyFields,
    organization: positionOrganization,
    ...positionFields,
    revealedAt: timestamp
      .nullable()
      .describe("For a position recorded during a sealed endorsement stage: when the stage closed and it was published (recordedAt is when the organisation recorded it). Null otherwise."),
  })
  .describe("One entry in the append-only history of positions on a norm.");

export const normPositionHistory = z
  .object({ norm: positionNorm, entries: z.array(normPositionHistoryEntry).describe("Every entry, newest first.") })
  .describe("Every position ever recorded on a norm.");

export const stanceCounts = z
  .object({
    endorse: z.int().min(0),
    endorse_with_reservations: z.int().min(0),
    object: z.int().min(0),
    abstain: z.int().min(0),
    total: z.int().min(0),
  })
  .describe("Counted positions by stance.");

export const stakeholderTypeFigures = z.object({
  group: z.enum(stakeholderTypes),
  counts: stanceCounts,
  support: share.nullable().describe("Support within the group; null where none of its organisations endorsed or objected."),
});

export const regionFigures = z.object({
  group: z.enum(regions),
  counts: stanceCounts,
  support: share.nullable().describe("Support within the group; null where none of its organisations endorsed or objected."),
});

export const breadth = z
  .object({
    stakeholderTypes: z.int().min(0).describe("Stakeholder types with at least one endorsing organisation."),
    regions: z.int().min(0).describe("Regions with at least one endorsing organisation."),
    ofStakeholderTypes: z.int().min(1).describe("How many stakeholder types there are."),
    ofRegions: z.int().min(1).describe("How many regions there are, `global` included."),
  })
  .describe("How widely a norm is endorsed: verified organisations' endorsements, with or without reservations.");

export const normMeasures = z
  .object({
    norm: positionNorm,
    methodology: z.url().describe("The page that explains how each figure is computed."),
    counts: stanceCounts,
    onCurrentText: z.int().min(0).describe("How many of the counted positions were given on the current version."),
    uncounted: z.int().min(0).describe("Positions of organisations no longer verified: listed, never counted."),
    support: share.nullable().describe("(endorse + endorse_with_reservations) / (endorse + endorse_with_reservations + object); null when no organisation endorsed or objected."),
    contestation: share.nullable().describe("object / all counted positions, abstentions included; null with no positions."),
    bridging: share.describe(
      "Mean over the 12 declared groups (6 stakeholder types and 6 regions) of each group's support where at least one of its organisations endorses, else 0.",
    ),
    breadth,
    byStakeholderType: z.array(stakeholderTypeFigures).describe("Every stakeholder type, in a fixed order, including those with no positions."),
    byRegion: z.array(regionFigures).describe("Every region, in a fixed order, including those with no positions."),
  })
  .describe("The figures the forum publishes for a norm, computed from the positions of verified organisations.");

const countedFigures = {
  counts: stanceCounts,
  support: share.nullable().describe("(endorse + endorse_with_reservations) / (endorse + endorse_with_reservations + object); null when no organisation endorsed or objected."),
  contestation: share.nullable().describe("object / all counted positions, abstentions included; null with no positions."),
  bridging: share.describe("The bridging score, as in NormMeasures."),
  breadth,
  byStakeholderType: z.array(stakeholderTypeFigures).describe("Every stakeholder type, in a fixed order."),
  byRegion: z.array(regionFigures).describe("Every region, in a fixed order."),
};

const adherenceByType = z.object(Object.fromEntries(stakeholderTypes.map((t) => [t, z.int().min(0)])) as Record<(typeof stakeholderTypes)[number], z.ZodInt>);
const adherenceByRegion = z.object(Object.fromEntries(regions.map((r) => [r, z.int().min(0)])) as Record<(typeof regions)[number], z.ZodInt>);

export const adherencePoint = z
  .object({
    date: z.iso.date().describe("A UTC day: the day of conclusion, then each day on which the number of adherents changed."),
    joined: z.int().min(0).describe("Organisations that began to adhere that day; on the day of conclusion, every adherent up to its end."),
    left: z.int().min(0).describe("Organisations whose adherence ended that day: withdrawn, or changed to a stance that does not endorse."),
    total: z.int().min(0).describe("Adherents at the end of the day: verified organisations whose current position endorses the norm, with or without reservations."),
    byStakeholderType: adherenceByType.describe("Adherents at the end of the day by stakeholder type."),
    byRegion: adherenceByRegion.describe("Adherents at the end of the day by region."),
  })
  .describe("The adherents of a concluded norm at the end of one day.");

export const normAdherence = z
  .object({
    norm: positionNorm,
    methodology: z.url().describe("The page that explains how each figure is computed."),
    concludedAt: z.iso.datetime({ offset: true }).nullable().describe("When the secretariat concluded the norm; null for a norm not concluded."),
    frozen: z
      .object({ frozenAt: z.iso.datetime({ offset: true }).describe("The close of the endorsement stage (or the conclusion, if that came first)."), ...countedFigures })
      .nullable()
      .describe("The figures as they stood at the close of the endorsement stage: never changed afterwards. Null for a norm not concluded."),
    live: z
      .object(countedFigures)
      .nullable()
      .describe("The figures now, with every adherence and withdrawal since the conclusion (the same figures as /measures). Null for a norm not concluded."),
    series: z.array(adherencePoint).describe("Adherents by day since the conclusion, oldest first; empty for a norm not concluded."),
  })
  .describe("A concluded norm's figures at the close of endorsement, and organisations' adherence since.");

const directoryStatus = z.enum(verificationStatuses).exclude(["rejected"]);

export const organizationEntry = z
  .object({
    slug: z.string(),
    name: z.string(),
    stakeholderType: z.enum(stakeholderTypes),
    region: z.enum(regions).describe("UN regional group, or `global`."),
    country: z.string().nullable().describe("ISO 3166-1 alpha-2 code."),
    website: z.string().nullable(),
    verificationStatus: directoryStatus.describe("`pending` awaits the secretariat (a new registration, or a verified organisation back in review after changing its name, type, region, country or website); `revoked` lost its verification. Rejected registrations are never listed."),
    verified: z.boolean().describe("Whether the organisation is verified now, so its positions count."),
    participation: z
      .enum(participations)
      .describe("`participant` takes positions; `observer` follows the forum, comments and files implementation statements, but takes no positions."),
    url: z.url().describe("The organisation's page on the forum."),
    positionsApiUrl: z.url().describe("Its positions in the API."),
  })
  .describe("An organisation in the forum's public directory.");

export const organizationList = z.object({
  items: z.array(organizationEntry).describe("By name."),
  total: z.int().min(0).describe("How many organisations match, across all pages."),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

export const organizationPosition = z
  .object({
    norm: positionNorm,
    ...positionFields,
    current: z.boolean().describe("Whether the position was given on the norm's current version."),
  })
  .describe("An organisation's current position on one norm.");

export const organizationPositionHistoryEntry = z
  .object({ ...historyFields, norm: positionNorm, ...positionFields })
  .describe("One entry in an organisation's history of positions.");

export const organizationPositions = z
  .object({
    organization: organizationEntry,
    positions: z.array(organizationPosition).describe("Its current position on each published norm, most recent first."),
    history: z.array(organizationPositionHistoryEntry).describe("Every position it has recorded, newest first."),
  })
  .describe("An organisation's positions on norms.");

// ---------------------------------------------------------------------------------------------
// Discussion and moderation

export const discussedNorm = z
  .object({
    slug: z.string(),
    title: z.string(),
    status: publicStatus.describe("Comments are posted while a norm is in consultation or endorsement; afterwards its discussion stays readable."),
    currentVersion: z.int().min(1).describe("The norm's latest version; comments on earlier versions keep the version they were written on."),
    url: z.url().describe("The norm's page on the forum."),
    apiUrl: z.url(),
  })
  .describe("The norm under discussion.");

export const commentOrganization = z
  .object({
    slug: z.string(),
    name: z.string(),
    stakeholderType: z.enum(stakeholderTypes),
    region: z.enum(regions).describe("UN regional group, or `global`."),
    url: z.url().describe("The organisation's page on the forum."),
  })
  .describe("The verified organisation a comment was posted on behalf of, by one of its representatives.");

const houseRuleId = z.enum(houseRuleIds).describe("A house rule's stable identifier, e.g. `HR-2`.");

export const normComment = z
  .object({
    id: z.string().describe("The comment's identifier; the moderation log refers to comments by it."),
    parentId: z.string().nullable().describe("The comment this one replies to; null for the first comment of a thread."),
    threadId: z.string().describe("The identifier of the thread's first comment."),
    version: z.int().min(1).describe("The version of the norm's text the comment is about; a reply takes its thread's. It stays the same when the text is revised."),
    clause: z.int().min(1).nullable().describe("The clause of that version the comment is about, from 1; null for a comment on the norm as a whole."),
    language: z.string().describe("BCP 47 language tag of the comment."),
    status: z
      .enum(commentStatuses)
      .describe("`hidden` by the secretariat under a house rule, or `deleted` by its author: such a comment keeps its place in the thread, without its text or author."),
    body: z.string().nullable().describe("The comment's text, in Markdown; null unless `status` is `visible`."),
    author: z.string().nullable().describe("The author's display name; null unless `status` is `visible`."),
    organization: commentOrganization.nullable().describe("Set when the comment was posted on behalf of an organisation; null for a personal comment, and unless `status` is `visible`."),
    hiddenUnderRule: houseRuleId.nullable().describe("The house rule the secretariat cited when hiding the comment; null unless `status` is `hidden`."),
    createdAt: timestamp,
    editedAt: timestamp.nullable().describe("When the author last edited the text; null if never, and unless `status` is `visible`."),
    get replies() {
      return z.array(normComment).describe("Replies, oldest first, each with its own replies.");
    },
  })
  .describe("A comment on a norm, with its replies.");

export const normCommentList = z
  .object({
    norm: discussedNorm,
    open: z.boolean().describe("Whether the discussion is open for new comments: it is while the norm is in consultation or endorsement."),
    count: z.int().min(0).describe("Visible comments on the norm, replies included, across every version and clause, whatever the filters."),
    threadTotal: z.int().min(0).describe("Threads matching the filters, on every page."),
    threads: z
      .array(normComment)
      .describe("Up to 50 threads matching the filters, in the order of `sort`, after `cursor`: each is a comment on the norm or on one clause, with all its replies."),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page of threads; null on the last page."),
  })
  .describe("A norm's discussion, as threads, a page at a time.");

export const moderationRuleRef = z
  .object({ id: houseRuleId, title: z.string() })
  .describe("The house rule a moderation decision cited.");

export const moderationLogNorm = z
  .object({ slug: z.string(), title: z.string(), url: z.url().describe("The norm's page on the forum.") })
  .describe("The norm the moderated content was posted on.");

export const moderatedContent = z
  .object({
    kind: z.enum(["comment"]).describe("What kind of content the action was about."),
    commentId: z.string().nullable().describe("The comment, as `id` in the norm's comments."),
    version: z.int().min(1).nullable().describe("The version of the norm the comment is about."),
    clause: z.int().min(1).nullable().describe("The clause the comment is about; null for the norm as a whole."),
    norm: moderationLogNorm.nullable(),
  })
  .describe("What a moderation action was about. The text of a hidden comment is never published, nor who in the secretariat acted.");

export const moderationLogEntry = z
  .object({
    id: z.int().min(1).describe("Entries are numbered in the order they were made."),
    action: z
      .enum(moderationActions)
      .describe(
        "`hide` and `restore` a comment; `suspend_author` suspends the person who wrote it; `dismiss_reports` closes reports that broke no rule; `appeal_upheld` keeps a comment hidden after its author appealed, `appeal_restored` restores it.",
      ),
    rule: moderationRuleRef.nullable().describe("The house rule cited; null when the action cites none, such as dismissing reports."),
    createdAt: timestamp,
    content: moderatedContent,
  })
  .describe("One decision of the secretariat's moderation.");

export const moderationLogPage = z.object({
  items: z.array(moderationLogEntry).describe("Newest first."),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

// ---------------------------------------------------------------------------------------------
// The annual stock-take

const isoDate = z.iso.date().describe("A UTC date, YYYY-MM-DD.");
const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe("The SHA-256 of the snapshot's exact bytes, as 64 lower-case hexadecimal digits.");

export const stocktakeListEntry = z
  .object({
    year: z.int(),
    opensOn: isoDate.describe("The first day of the submission window (UTC)."),
    closesOn: isoDate.describe("The last day of the submission window (UTC), inclusive."),
    window: z.enum(["upcoming", "open", "closed"]).describe("Whether the submission window has yet to open, is open, or is closed."),
    closedAt: timestamp.nullable().describe("When the window closed (on its end date or earlier, by the secretariat); the report's figures are as of this moment. Null while it is not closed."),
    published: z
      .object({ revision: z.int().min(1).describe("The current revision."), publishedAt: timestamp.describe("When the current revision was published.") })
      .nullable()
      .describe("Null until the report is published."),
    url: z.url().describe("The year's report page on the forum."),
    apiUrl: z.url().nullable().describe("The published report's metadata in the API; null until it is published."),
  })
  .describe("One year's stock-take.");

export const stocktakeList = z.object({ items: z.array(stocktakeListEntry).describe("Every year, newest first.") }).describe("The annual stock-takes.");

export const stocktakeDownloads = z
  .object({
    snapshot: z.url().describe("The snapshot as JSON: exactly the bytes whose SHA-256 is `sha256`."),
    pdf: z.url().describe("The typeset report in its authoritative language (English), rendered once when the revision was published."),
    csv: z.url().describe("One row per covered norm with its figures (RFC 4180, UTF-8)."),
    pdfs: z
      .array(
        z.object({
          language: z.enum(LOCALES).describe("The language of the PDF's fixed text (headings, labels, sentences): ar, zh, en, fr, ru or es. Names, titles, narrative and the snapshot's hash are as published."),
          sha256: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 of this PDF file's bytes (the snapshot's own SHA-256 is `sha256`)."),
          url: z.url().describe("Its permanent address: report.pdf for English, report.pdf?lang=<code> for the others."),
        }),
      )
      .describe("The report's PDF in each of the forum's six languages rendered so far, each with its own SHA-256; rendered from the same snapshot shortly after publication, so a language may be missing for a few minutes."),
  })
  .describe("Permanent addresses of one revision's files; they never change.");

export const stocktakeRevisionEntry = z
  .object({
    revision: z.int().min(1),
    current: z.boolean().describe("Whether this is the current revision, the latest."),
    publishedAt: timestamp,
    sha256: sha256Hex,
    erratum: z.string().nullable().describe("What this revision corrects; null for the first."),
    downloads: stocktakeDownloads,
  })
  .describe("One published revision of a year's report.");

export const stocktakeMetadata = z
  .object({
    year: z.int(),
    revision: z.int().min(1).describe("The current revision."),
    publishedAt: timestamp.describe("When the current revision was published."),
    sha256: sha256Hex,
    erratum: z.string().nullable().describe("What the current revision corrects; null for a first publication."),
    latestRevision: z.int().min(1).describe("The latest revision, which is the current one."),
    window: z
      .object({ opensOn: isoDate, closesOn: isoDate, closedAt: timestamp.describe("The moment the figures are computed as of.") })
      .describe("The submission window."),
    url: z.url().describe("The report's page on the forum."),
    methodology: z.url().describe("How the figures are computed, and how to recompute them from the snapshot."),
    downloads: stocktakeDownloads.describe("The current revision's files, at their permanent addresses."),
    revisions: z.array(stocktakeRevisionEntry).describe("Every published revision, newest first; earlier revisions stay readable, each with its own hash."),
  })
  .describe("A year's published report: its current revision, its hash, and every revision.");

export const apiErrorDetail = z.object({
  message: z.string().describe("What went wrong, in plain English."),
  fieldErrors: z.record(z.string(), z.string()).describe("A message per parameter name; empty when the problem is not with one parameter."),
});

export const apiError = z.object({ error: apiErrorDetail }).describe("The body of every error response.");

export type OrganizationRef = z.output<typeof organizationRef>;
export type NormListItem = z.output<typeof normListItem>;
export type NormList = z.output<typeof normList>;
export type NormDetail = z.output<typeof normDetail>;
export type NormStage = z.output<typeof normStage>;
export type NormVersion = z.output<typeof normVersion>;
export type ApiError = z.output<typeof apiError>;
export type PositionOrganization = z.output<typeof positionOrganization>;
export type PositionNorm = z.output<typeof positionNorm>;
export type NormPosition = z.output<typeof normPosition>;
export type NormPositionList = z.output<typeof normPositionList>;
export type NormPositionHistory = z.output<typeof normPositionHistory>;
export type NormMeasures = z.output<typeof normMeasures>;
export type NormAdherence = z.output<typeof normAdherence>;
export type OrganizationEntry = z.output<typeof organizationEntry>;
export type OrganizationList = z.output<typeof organizationList>;
export type OrganizationPositions = z.output<typeof organizationPositions>;
export type PublicNormStatus = z.output<typeof publicStatus>;
export type CommentOrganization = z.output<typeof commentOrganization>;
export type NormComment = z.output<typeof normComment>;
export type NormCommentList = z.output<typeof normCommentList>;
export type ModerationLogEntry = z.output<typeof moderationLogEntry>;
export type ModerationLogPage = z.output<typeof moderationLogPage>;
export type StocktakeList = z.output<typeof stocktakeList>;
export type StocktakeDownloads = z.output<typeof stocktakeDownloads>;
export type StocktakeMetadata = z.output<typeof stocktakeMetadata>;

/** Named schemas for the OpenAPI document's `components.schemas`. */
export const openDataSchemas = z.registry<{ id: string }>();
openDataSchemas.add(organizationRef, { id: "OrganizationRef" });
openDataSchemas.add(proposer, { id: "Proposer" });
openDataSchemas.add(person, { id: "Person" });
openDataSchemas.add(normListItem, { id: "NormListItem" });
openDataSchemas.add(normList, { id: "NormList" });
openDataSchemas.add(citationRef, { id: "CitationRef" });
openDataSchemas.add(versionRef, { id: "VersionRef" });
openDataSchemas.add(normRef, { id: "NormRef" });
openDataSchemas.add(normDetail, { id: "NormDetail" });
openDataSchemas.add(normSponsor, { id: "NormSponsor" });
openDataSchemas.add(uptakeRecord, { id: "UptakeRecord" });
openDataSchemas.add(normStage, { id: "NormStage" });
openDataSchemas.add(normDecision, { id: "NormDecision" });
openDataSchemas.add(criterionResult, { id: "CriterionResult" });
openDataSchemas.add(normVersion, { id: "NormVersion" });
openDataSchemas.add(positionOrganization, { id: "PositionOrganization" });
openDataSchemas.add(positionNorm, { id: "PositionNorm" });
openDataSchemas.add(normPosition, { id: "NormPosition" });
openDataSchemas.add(normPositionList, { id: "NormPositionList" });
openDataSchemas.add(normPositionHistoryEntry, { id: "NormPositionHistoryEntry" });
openDataSchemas.add(normPositionHistory, { id: "NormPositionHistory" });
openDataSchemas.add(stanceCounts, { id: "StanceCounts" });
openDataSchemas.add(stakeholderTypeFigures, { id: "StakeholderTypeFigures" });
openDataSchemas.add(regionFigures, { id: "RegionFigures" });
openDataSchemas.add(breadth, { id: "Breadth" });
openDataSchemas.add(normMeasures, { id: "NormMeasures" });
openDataSchemas.add(adherencePoint, { id: "AdherencePoint" });
openDataSchemas.add(normAdherence, { id: "NormAdherence" });
openDataSchemas.add(organizationEntry, { id: "Organization" });
openDataSchemas.add(organizationList, { id: "OrganizationList" });
openDataSchemas.add(organizationPosition, { id: "OrganizationPosition" });
openDataSchemas.add(organizationPositionHistoryEntry, { id: "OrganizationPositionHistoryEntry" });
openDataSchemas.add(organizationPositions, { id: "OrganizationPositions" });
openDataSchemas.add(discussedNorm, { id: "DiscussedNorm" });
openDataSchemas.add(commentOrganization, { id: "CommentOrganization" });
openDataSchemas.add(normComment, { id: "Comment" });
openDataSchemas.add(normCommentList, { id: "NormComments" });
openDataSchemas.add(moderationRuleRef, { id: "HouseRuleRef" });
openDataSchemas.add(moderationLogNorm, { id: "ModerationLogNorm" });
openDataSchemas.add(moderatedContent, { id: "ModeratedContent" });
openDataSchemas.add(moderationLogEntry, { id: "ModerationLogEntry" });
openDataSchemas.add(moderationLogPage, { id: "ModerationLog" });
openDataSchemas.add(stocktakeListEntry, { id: "StocktakeListEntry" });
openDataSchemas.add(stocktakeList, { id: "StocktakeList" });
openDataSchemas.add(stocktakeDownloads, { id: "StocktakeDownloads" });
openDataSchemas.add(stocktakeRevisionEntry, { id: "StocktakeRevision" });
openDataSchemas.add(stocktakeMetadata, { id: "StocktakeMetadata" });
openDataSchemas.add(apiError, { id: "Error" });
openDataSchemas.add(apiErrorDetail, { id: "ErrorDetail" });

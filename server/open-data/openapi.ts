// The OpenAPI 3.1 document of the open-data API, served at /api/openapi.json and rendered as the
// /open-data reference page. Parameter and response schemas are generated from the same zod
// schemas that validate the input (server/schemas) and type the output (./schemas.ts).
import { z } from "zod";
import { listCommentsInput, moderationLogInput } from "../schemas/comments";
import { listNormsInput } from "../schemas/norms";
import { listOrganizationsInput } from "../schemas/organizations";
// Registers the amendments' schemas with openDataSchemas.
import "./amendments";
import { commentListParams, moderationLogParams } from "./comments";
import { jsonResponse } from "./http";
import { csvHeaders, csvParams, listParams } from "./norms";
import { organizationListParams } from "./organizations";
import { stocktakeFileName } from "./stocktakes";
// Registers the states' schemas with openDataSchemas.
import "./states";
import { positionsCsvHeaders } from "./positions";
import { forumParams } from "./reference";
import { openDataSchemas } from "./schemas";
import { absoluteUrl, LICENSE, SITE_NAME } from "./urls";

type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: "query" | "path";
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: string | number;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: (OpenApiParameter | { $ref: string })[];
  responses: Record<string, unknown>;
  /** A request a reader can paste into a terminal; rendered on /open-data. */
  "x-example-request": string;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string; url: string } };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OpenApiOperation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
  };
}

/** One area of the API: its tag and its paths. */
interface Section {
  tag: { name: string; description: string };
  paths: Record<string, { get: OpenApiOperation }>;
}

const ref = (kind: "schemas" | "parameters" | "responses" | "headers", name: string) => ({ $ref: `#/components/${kind}/${name}` });

const withoutMeta = ({ $schema: _s, $id: _i, ...schema }: JsonSchema) => schema;

const EXAMPLE_SLUG = "protecting-the-public-core-of-the-internet";
const EXAMPLE_ORGANIZATION = "digital-rights-collective";

// Keyed by the input schema's fields, so a filter added there fails to compile until described here.
const listParamDescriptions: Record<keyof typeof listNormsInput.shape, string> = {
  q: "Full-text search over title, summary and text (web search syntax: quoted phrases, `or`, `-word`). Sorts by relevance unless `sort` is given.",
  status: "Lifecycle status. `draft` is accepted but matches nothing: drafts are never published, nor is a draft withdrawn before it was ever submitted.",
  category: "Category code: I basic principles; II avoiding and preventing attacks from a state's territory; III securing information and systems within a territory; IV cooperation to mitigate incidents; V restraint in developing and using cyber weapons.",
  kind: "A norm of mutual restraint or of common welfare.",
  bindingness: "Political (voluntary), legal (how existing international law applies) or technical (industry or technical practice).",
  stakeholderType: "The stakeholder type of the organisation the norm was proposed on behalf of.",
  document: "A reference document's key (CoC, USG, UNGGE, Tallinn, MSFT): norms citing any of its norms.",
  sort: "`newest` (default), `active` (most recently active first), `relevance` (default when `q` is given), or by the published measures, highest first: `support`, `bridging` (bridging score) or `contested` (share of objections); norms without positions come last.",
  cursor: "The `nextCursor` of the previous page.",
  limit: "Norms per page.",
};

/** Query parameters documented from the procedure's input schema; `schemas` overrides how one is written in a URL. */
function queryParametersOf<S extends z.ZodObject>(
  input: S,
  names: readonly (keyof S["shape"] & string)[],
  descriptions: Record<keyof S["shape"], string>,
  schemas: Partial<Record<keyof S["shape"], JsonSchema>> = {},
): OpenApiParameter[] {
  const generated = z.toJSONSchema(input, {
    io: "input",
    // zod's bound for "any whole number" says nothing a reader needs.
    override: ({ jsonSchema: s }) => {
      if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
    },
  });
  const properties = (generated as { properties: Record<string, JsonSchema> }).properties;
  return names.map((name) => ({
    name,
    in: "query",
    required: false,
    description: descriptions[name],
    schema: schemas[name] ?? properties[name] ?? {},
  }));
}

const queryParameters = (names: readonly (keyof typeof listNormsInput.shape)[]) => queryParametersOf(listNormsInput, names, listParamDescriptions);

const json = (schema: { $ref: string }, description: string, headers = standardHeaders) => ({
  description,
  headers,
  content: { "application/json": { schema } },
});

const standardHeaders = {
  "Cache-Control": ref("headers", "CacheControl"),
  "Access-Control-Allow-Origin": ref("headers", "AllowOrigin"),
  Link: ref("headers", "License"),
};

const errorResponses = {
  "400": ref("responses", "BadRequest"),
  "500": ref("responses", "ServerError"),
};

const normsSection = (): Section => ({
  tag: { name: "Norms", description: "Norms proposed to the forum, their versions and the reference norms they cite. Drafts never appear." },
  paths: {
    "/api/v1/norms": {
      get: {
        operationId: "listNorms",
        summary: "List norms",
        description: "Published norms, newest first, with the same filters and search as the norms page. Page through with `cursor`.",
        tags: ["Norms"],
        parameters: queryParameters(listParams),
        responses: { "200": json(ref("schemas", "NormList"), "A page of norms."), ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/norms?status=consultation&category=II&limit=10"),
      },
    },
    "/api/v1/norms.csv": {
      get: {
        operationId: "listNormsCsv",
        summary: "Download norms as CSV",
        description:
          "Every published norm matching the filters, one row per norm, as RFC 4180 CSV in UTF-8. Categories are separated by `;`. Cells that a spreadsheet would run as a formula (starting with =, +, - or @) begin with an apostrophe.",
        tags: ["Norms"],
        parameters: queryParameters(csvParams),
        responses: {
          "200": {
            description: "A CSV file named norms.csv.",
            headers: { ...standardHeaders, "Content-Disposition": ref("headers", "Attachment") },
            content: { "text/csv": { schema: { type: "string" }, example: `${csvHeaders.join(",")}\r\n` } },
          },
          ...errorResponses,
        },
        "x-example-request": absoluteUrl("/api/v1/norms.csv?bindingness=political"),
      },
    },
    "/api/v1/norms/{slug}": {
      get: {
        operationId: "getNorm",
        summary: "Get a norm",
        description:
          "One norm with its current text, the reference norms it cites, its versions and the organisations that co-sponsor it (`sponsors`, with each one's stakeholder type, region and the date it joined). A norm merged into another is still returned, with `mergedInto` set. The text is the authoritative one, in `language`; with `?lang=` it is the current version's translation into that language where there is one (`translation` says into which language, by whom and when, and `fieldLanguages` which language each text field is in), and `translations` lists every translation.",
        tags: ["Norms"],
        parameters: [ref("parameters", "Slug"), ref("parameters", "TextLanguage")],
        responses: { "200": json(ref("schemas", "NormDetail"), "The norm."), "404": ref("responses", "NotFound"), ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}`),
      },
    },
    "/api/v1/norms/{slug}/versions/{n}": {
      get: {
        operationId: "getNormVersion",
        summary: "Get one version of a norm",
        description:
          "One immutable version: its title, summary and clauses as they were saved, with a ready-made citation. With `?lang=`, its translation into that language where there is one (`translation`, `fieldLanguages`); the authoritative text otherwise.",
        tags: ["Norms"],
        parameters: [ref("parameters", "Slug"), ref("parameters", "VersionNumber"), ref("parameters", "TextLanguage")],
        responses: { "200": json(ref("schemas", "NormVersion"), "The version."), "404": ref("responses", "NotFound"), ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/versions/1`),
      },
    },
  },
});

// Keyed by the input schema's fields, so a filter added there fails to compile until described here.
const forumParamDescriptions: Record<(typeof forumParams)[number], string> = {
  kind: "The kind of forum, e.g. `global`, `regional`, `bilateral`, `multi-stakeholder`.",
  party: "A party to the forum or agreement, e.g. `United States`: forums it took part in.",
};

const referenceSection = (): Section => ({
  tag: {
    name: "Reference library",
    description:
      "The five documents and 33 norms compared in Appendix I of the EastWest Institute paper, the documents the secretariat has added since (each marked `added`, with its date), the forums where norms for cyberspace have been made since 1988, and where each norm was taken up. Corrections by the forum's administrators are included.",
  },
  paths: {
    "/api/v1/reference/documents": {
      get: {
        operationId: "listReferenceDocuments",
        summary: "List reference documents",
        description: "The five documents of Appendix I, in the paper's order, then the documents added by the secretariat, with their legal or political status, kind of author and source (`paper-2015` or `added`).",
        tags: ["Reference library"],
        parameters: [],
        responses: { "200": json(ref("schemas", "ReferenceDocumentList"), "The documents."), "500": ref("responses", "ServerError") },
        "x-example-request": absoluteUrl("/api/v1/reference/documents"),
      },
    },
    "/api/v1/reference/norms": {
      get: {
        operationId: "listReferenceNorms",
        summary: "List reference norms",
        description:
          "Every reference norm in the paper's order (then the added documents' norms), with its text, categories, other wordings, where it was taken up (`uptake`) and the forum's published proposals that cite it.",
        tags: ["Reference library"],
        parameters: [],
        responses: { "200": json(ref("schemas", "ReferenceNormList"), "The reference norms."), "500": ref("responses", "ServerError") },
        "x-example-request": absoluteUrl("/api/v1/reference/norms"),
      },
    },
    "/api/v1/forums": {
      get: {
        operationId: "listForums",
        summary: "List forums",
        description: "The forums, agreements, proposals and events of the timeline, oldest first; filter by kind and by party.",
        tags: ["Reference library"],
        parameters: forumParams.map((name) => ({
          name,
          in: "query" as const,
          required: false,
          description: forumParamDescriptions[name],
          schema: { type: "string" },
        })),
        responses: { "200": json(ref("schemas", "ForumList"), "The forums."), ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/forums?kind=global"),
      },
    },
  },
});

const notFound = { "404": ref("responses", "NotFound") };

const positionsSection = (): Section => ({
  tag: {
    name: "Positions",
    description:
      "Organisations' positions on norms (endorse, endorse with reservations, object, abstain), their append-only history, and the measures computed from them. Only verified organisations' positions count; the positions of an organisation whose verification was revoked, or that is back in review after an identity change, stay listed with `verified` false.",
  },
  paths: {
    "/api/v1/norms/{slug}/positions": {
      get: {
        operationId: "listNormPositions",
        summary: "List the positions on a norm",
        description:
          "Each organisation's current position on the norm, with its statement, the version it was given on and who recorded it. Positions of verified organisations come first, then those of organisations no longer verified; each group by organisation name.",
        tags: ["Positions"],
        parameters: [ref("parameters", "Slug")],
        responses: { "200": json(ref("schemas", "NormPositionList"), "The positions."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/positions`),
      },
    },
    "/api/v1/norms/{slug}/positions.csv": {
      get: {
        operationId: "listNormPositionsCsv",
        summary: "Download the positions on a norm as CSV",
        description:
          "The same positions, one row per organisation, as RFC 4180 CSV in UTF-8. `verified` and `current` are `true` or `false`; an empty `statement` means none was given. Cells that a spreadsheet would run as a formula (starting with =, +, - or @) begin with an apostrophe.",
        tags: ["Positions"],
        parameters: [ref("parameters", "Slug")],
        responses: {
          "200": {
            description: "A CSV file named after the norm, such as protecting-the-public-core-of-the-internet-positions.csv.",
            headers: { ...standardHeaders, "Content-Disposition": ref("headers", "PositionsAttachment") },
            content: { "text/csv": { schema: { type: "string" }, example: `${positionsCsvHeaders.join(",")}\r\n` } },
          },
          ...notFound,
          ...errorResponses,
        },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/positions.csv`),
      },
    },
    "/api/v1/norms/{slug}/positions/history": {
      get: {
        operationId: "listNormPositionHistory",
        summary: "Get the history of positions on a norm",
        description:
          "Every position ever recorded on the norm, newest first: each change of stance or statement, and each reaffirmation that carried a position to a newer version. Entries are never changed or removed.",
        tags: ["Positions"],
        parameters: [ref("parameters", "Slug")],
        responses: { "200": json(ref("schemas", "NormPositionHistory"), "The history."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/positions/history`),
      },
    },
    "/api/v1/norms/{slug}/measures": {
      get: {
        operationId: "getNormMeasures",
        summary: "Get a norm's measures",
        description: `The figures the norm's page shows: counts by stance, support, contestation, the bridging score and breadth, overall and by stakeholder type and region. Shares are between 0 and 1. How each is computed: ${absoluteUrl("/about/methodology")}.`,
        tags: ["Positions"],
        parameters: [ref("parameters", "Slug")],
        responses: { "200": json(ref("schemas", "NormMeasures"), "The measures."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/measures`),
      },
    },
    "/api/v1/norms/{slug}/adherence": {
      get: {
        operationId: "getNormAdherence",
        summary: "Get a concluded norm's adherence over time",
        description:
          "A concluded norm stays open for adherence: organisations may endorse it (with or without reservations) at any time after the conclusion, or withdraw their adherence. This gives the figures as they stood at the close of the endorsement stage (frozen, never changed), the live figures now, and the number of adherents at the end of each day since the conclusion on which it changed, by stakeholder type and by region, from the append-only history of positions. Verified organisations only, as in every figure. For a norm not concluded, `frozen` and `live` are null and `series` is empty.",
        tags: ["Positions"],
        parameters: [ref("parameters", "Slug")],
        responses: { "200": json(ref("schemas", "NormAdherence"), "The adherence."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/adherence`),
      },
    },
  },
});

// Keyed by the input schema's fields, so a filter added there fails to compile until described here.
const organizationParamDescriptions: Record<keyof typeof listOrganizationsInput.shape, string> = {
  q: "Search in organisations' names.",
  stakeholderType: "The organisation's stakeholder type.",
  region: "The organisation's UN regional group, or `global`.",
  verifiedOnly: "`true` to list only verified organisations, whose positions count.",
  participation: "`participant` or `observer`: how the organisation takes part (observers take no positions).",
  cursor: "The `nextCursor` of the previous page.",
  limit: "Organisations per page.",
};

const organizationsSection = (): Section => ({
  tag: {
    name: "Organisations",
    description:
      "The organisations that take part in the forum: states (through their foreign ministry or mission), intergovernmental bodies, companies, civil society, academia and the technical community. Rejected registrations never appear.",
  },
  paths: {
    "/api/v1/organizations": {
      get: {
        operationId: "listOrganizations",
        summary: "List organisations",
        description: "The public directory of organisations, by name, with the same filters as the directory page. Page through with `cursor`.",
        tags: ["Organisations"],
        parameters: queryParametersOf(listOrganizationsInput, organizationListParams, organizationParamDescriptions, {
          verifiedOnly: { type: "string", enum: ["true", "false"] },
          cursor: { type: "string" },
        }),
        responses: { "200": json(ref("schemas", "OrganizationList"), "A page of organisations."), ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/organizations?stakeholderType=state&verifiedOnly=true"),
      },
    },
    "/api/v1/organizations/{slug}/positions": {
      get: {
        operationId: "listOrganizationPositions",
        summary: "List an organisation's positions",
        description:
          "The organisation, its current position on each published norm, and every position it has recorded, newest first.",
        tags: ["Organisations"],
        parameters: [ref("parameters", "OrganizationSlug")],
        responses: { "200": json(ref("schemas", "OrganizationPositions"), "The organisation and its positions."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/organizations/${EXAMPLE_ORGANIZATION}/positions`),
      },
    },
  },
});

const cursorParameter = (name: string, section: string): OpenApiParameter => ({
  name,
  in: "query",
  required: false,
  description: `The \`nextCursor\` of \`${section}\` in the previous answer: that section continues after it (the others start from their newest entries).`,
  schema: { type: "string" },
});

const statesSection = (): Section => ({
  tag: {
    name: "States",
    description:
      "Every member state of the United Nations and its two observer states, whether or not it takes part in the forum, each with its record across years: its forum organisations' positions, implementation statements in published reports and the accepted observations naming it.",
  },
  paths: {
    "/api/v1/states": {
      get: {
        operationId: "listStates",
        summary: "List states",
        description: "All 195 states by name: ISO code, UN membership, regional group, forum organisations and counts of their record.",
        tags: ["States"],
        parameters: [],
        responses: { "200": json(ref("schemas", "StateList"), "Every state."), ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/states"),
      },
    },
    "/api/v1/states/{iso}": {
      get: {
        operationId: "getState",
        summary: "A state's record across years",
        description:
          "The state's profile: its forum organisations, their positions on norms with dates, versions and history (newest first), their implementation statements by year (published reports only) and the accepted observations naming the state, with replies. Each section gives 50 entries and a `nextCursor`. A code that is not a UN member or observer state is 404.",
        tags: ["States"],
        parameters: [
          { name: "iso", in: "path", required: true, description: "ISO 3166-1 alpha-2 code, either case.", schema: { type: "string", pattern: "^[A-Za-z]{2}$" }, example: "ke" },
          cursorParameter("positionsAfter", "positions"),
          cursorParameter("statementsAfter", "statements"),
          cursorParameter("observationsAfter", "observations"),
        ],
        responses: { "200": json(ref("schemas", "StateProfile"), "The state's profile."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/states/ke"),
      },
    },
  },
});

// Keyed by the input schema's fields, so a filter added there fails to compile until described here.
const commentQueryInput = listCommentsInput.omit({ slug: true });
const commentParamDescriptions: Record<keyof typeof commentQueryInput.shape, string> = {
  sort: "The order of the threads: `oldest` first (default), `newest` first, or `replies` (most replies first). Replies within a thread are always oldest first.",
  version: "Only threads about this version of the norm's text.",
  clause: "Only threads about this clause (from 1). Combine with `version`: clause numbers can change between versions.",
  stakeholderType: "Only threads in which an organisation of this stakeholder type speaks.",
  language: "Only threads with a comment in this language (ar, zh, en, fr, ru or es; a comment tagged fr-CA is in fr).",
  amendment: "The discussion of this amendment (by its number, see `/api/v1/norms/{slug}/amendments`) instead of the discussion of the text.",
  cursor: "The `nextCursor` of the previous page: the next 50 threads.",
};

const moderationLogParamDescriptions: Record<keyof typeof moderationLogInput.shape, string> = {
  cursor: "The `nextCursor` of the previous page.",
  limit: "Entries per page.",
};

const discussionSection = (): Section => ({
  tag: {
    name: "Discussion",
    description:
      "Comments on norms, each on the norm as a whole or on one clause of one version, in threads; and the public log of the secretariat's moderation. A comment hidden under a house rule or deleted by its author keeps its place in its thread without its text or author; the log says what was moderated, under which rule and when, never the hidden text nor who in the secretariat acted.",
  },
  paths: {
    "/api/v1/norms/{slug}/comments": {
      get: {
        operationId: "listNormComments",
        summary: "List the comments on a norm",
        description:
          "The norm's discussion as threads, with the same sort and filters as the norm's page. Each comment gives the version and clause it is about, its author's display name and, when posted on behalf of an organisation, the organisation with its stakeholder type and region.",
        tags: ["Discussion"],
        parameters: [ref("parameters", "Slug"), ...queryParametersOf(commentQueryInput, commentListParams, commentParamDescriptions)],
        responses: { "200": json(ref("schemas", "NormComments"), "The discussion."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/comments?sort=replies`),
      },
    },
    "/api/v1/norms/{slug}/amendments": {
      get: {
        operationId: "listNormAmendments",
        summary: "List the amendments to a norm",
        description:
          "Every amendment proposed to the norm's text during consultation, in the order proposed: the clause it concerns and the version it was written on, the change as a word redline, its proposer, its support by stakeholder type, and what became of it (accepted into a version, declined with a reason, withdrawn, or superseded when the consultation ended). Its discussion is at `/api/v1/norms/{slug}/comments?amendment={number}`.",
        tags: ["Discussion"],
        parameters: [ref("parameters", "Slug")],
        responses: { "200": json(ref("schemas", "NormAmendments"), "The amendments."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/norms/${EXAMPLE_SLUG}/amendments`),
      },
    },
    "/api/v1/moderation-log": {
      get: {
        operationId: "listModerationLog",
        summary: "Read the moderation log",
        description:
          "Every moderation decision, newest first: hiding and restoring comments, suspending their authors, dismissing reports and deciding appeals, each with the house rule it cited. Page through with `cursor`.",
        tags: ["Discussion"],
        parameters: queryParametersOf(moderationLogInput, moderationLogParams, moderationLogParamDescriptions, { cursor: { type: "string" } }),
        responses: { "200": json(ref("schemas", "ModerationLog"), "A page of the log."), ...errorResponses },
        "x-example-request": absoluteUrl("/api/v1/moderation-log?limit=20"),
      },
    },
  },
});

const EXAMPLE_YEAR = 2025;

/** A file of a published revision: the same headers whether the address names the revision or means the current one. */
function stocktakeFile(kind: "snapshot" | "pdf" | "csv", named: boolean): OpenApiOperation {
  const base = named ? "/api/v1/stocktakes/{year}/revisions/{n}" : "/api/v1/stocktakes/{year}";
  const which = named ? "revision `n`" : "the current revision";
  const file = {
    snapshot: {
      name: "snapshot.json",
      operation: "Snapshot",
      summary: named ? "Download one revision's snapshot" : "Download the report's snapshot",
      description: `The report of ${which} as JSON: exactly the bytes stored when it was published, whose SHA-256 is the revision's \`sha256\`. Object keys are sorted at every level, with no whitespace, in UTF-8, so anyone can recompute the hash (e.g. \`sha256sum\`) and the figures. The \`ETag\` and \`Repr-Digest\` headers carry the same hash.`,
      type: "application/json",
      schema: {
        type: "string",
        description:
          "The snapshot text, its `format` naming its shape: `normsforum-stocktake/3` for reports published since observations were coded to the codebook (/about/codebook): each observation has `codebookVersion`, `occurredUntil`, `actors` (each `{kind: organization, organization: slug}`, `{kind: state, country: ISO 3166-1 alpha-2}` or `{kind: unattributed, label}`), `attribution` `{status, by, source}`, `confidence`, `evidenceType`, `sources` as `{url, archiveUrl?}`, `review` (`{reviewers: 2}`, or `{singleReviewer: true}` for codebook v0 observations accepted by one reviewer) and `replies`; each item's `observations` counts add `unclear`; and the narrative keeps `narrativeSource` beside the resolved text. `normsforum-stocktake/2` for reports published since positions could name clauses (each position has `clauses`), `normsforum-stocktake/1` for those published before (no `clauses`); in both, sources are URLs and outside actors free text (`outsideActors`). A published snapshot never changes, so every format is served as it was published.",
      },
      extension: "json" as const,
    },
    pdf: {
      name: "report.pdf",
      operation: "Pdf",
      summary: named ? "Download one revision's PDF" : "Download the report as PDF",
      description: `The typeset report of ${which}, with its cover, contents, figures and the snapshot's SHA-256: in English, rendered once when the revision was published, or with \`?lang=\` in another of the forum's six languages, rendered from the same snapshot shortly after.`,
      type: "application/pdf",
      schema: { type: "string", format: "binary" },
      extension: "pdf" as const,
    },
    csv: {
      name: "report.csv",
      operation: "Csv",
      summary: named ? "Download one revision's CSV" : "Download the report's figures as CSV",
      description: `The figures of ${which}, one row per covered norm (positions by stance, support, bridging score, contestation, implementation statements by status, observations by verdict: consistent and inconsistent, and from format 3 on an observations_unclear column) with the snapshot's SHA-256 on every row, as RFC 4180 CSV in UTF-8. Cells that a spreadsheet would run as a formula begin with an apostrophe.`,
      type: "text/csv",
      schema: { type: "string" },
      extension: "csv" as const,
    },
  }[kind];
  const headers = {
    ...standardHeaders,
    ...(named ? { "Cache-Control": ref("headers", "Immutable") } : {}),
    "Content-Disposition": ref("headers", "StocktakeAttachment"),
    "Stocktake-Revision": ref("headers", "StocktakeRevision"),
    "Stocktake-Snapshot-SHA256": ref("headers", "StocktakeSha256"),
    ...(kind === "snapshot" ? { ETag: ref("headers", "SnapshotETag"), "Repr-Digest": ref("headers", "ReprDigest") } : {}),
    ...(kind === "pdf" ? { "Content-Language": ref("headers", "PdfLanguage"), "Stocktake-PDF-SHA256": ref("headers", "StocktakePdfSha256") } : {}),
  };
  const pathParameters = named ? [ref("parameters", "Year"), ref("parameters", "RevisionNumber")] : [ref("parameters", "Year")];
  return {
    operationId: `getStocktake${named ? "Revision" : ""}${file.operation}`,
    summary: file.summary,
    description: file.description,
    tags: ["Stock-take"],
    parameters: kind === "pdf" ? [...pathParameters, ref("parameters", "ReportLanguage")] : pathParameters,
    responses: {
      "200": {
        description: `A file named like ${stocktakeFileName(EXAMPLE_YEAR, 1, file.extension)}.`,
        headers,
        content: { [file.type]: { schema: file.schema } },
      },
      ...notFound,
      ...errorResponses,
    },
    "x-example-request": absoluteUrl(`${base.replace("{year}", String(EXAMPLE_YEAR)).replace("{n}", "1")}/${file.name}`),
  };
}

const stocktakeSection = (): Section => ({
  tag: {
    name: "Stock-take",
    description:
      "The annual stock-take: each year the secretariat publishes a report of positions and measures per norm, organisations' implementation statements and reviewed behaviour observations. A published revision never changes; a correction is a new revision with an erratum, and earlier revisions stay readable, each with its own SHA-256.",
  },
  paths: {
    "/api/v1/stocktakes": {
      get: {
        operationId: "listStocktakes",
        summary: "List the stock-takes",
        description: "Every year's stock-take, newest first, with its submission window and, once published, its current revision.",
        tags: ["Stock-take"],
        parameters: [],
        responses: { "200": json(ref("schemas", "StocktakeList"), "The years."), "500": ref("responses", "ServerError") },
        "x-example-request": absoluteUrl("/api/v1/stocktakes"),
      },
    },
    "/api/v1/stocktakes/{year}": {
      get: {
        operationId: "getStocktake",
        summary: "Get a year's published report",
        description:
          "The current revision's metadata: when it was published, its SHA-256, its erratum, every revision, and the permanent addresses of each revision's snapshot, PDF and CSV. Not found until the year's report is published.",
        tags: ["Stock-take"],
        parameters: [ref("parameters", "Year")],
        responses: { "200": json(ref("schemas", "StocktakeMetadata"), "The report's metadata."), ...notFound, ...errorResponses },
        "x-example-request": absoluteUrl(`/api/v1/stocktakes/${EXAMPLE_YEAR}`),
      },
    },
    "/api/v1/stocktakes/{year}/snapshot.json": { get: stocktakeFile("snapshot", false) },
    "/api/v1/stocktakes/{year}/report.pdf": { get: stocktakeFile("pdf", false) },
    "/api/v1/stocktakes/{year}/report.csv": { get: stocktakeFile("csv", false) },
    "/api/v1/stocktakes/{year}/revisions/{n}/snapshot.json": { get: stocktakeFile("snapshot", true) },
    "/api/v1/stocktakes/{year}/revisions/{n}/report.pdf": { get: stocktakeFile("pdf", true) },
    "/api/v1/stocktakes/{year}/revisions/{n}/report.csv": { get: stocktakeFile("csv", true) },
  },
});

// Built on each call: the example addresses use the site's address, which may depend on the request.
const sections = (): readonly Section[] => [normsSection(), positionsSection(), discussionSection(), organizationsSection(), statesSection(), referenceSection(), stocktakeSection()];

export function buildOpenApiDocument(): OpenApiDocument {
  const all = sections();
  const generated = z.toJSONSchema(openDataSchemas, {
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ jsonSchema: s }) => {
      // `format` says it plainly; zod's long regex for the same thing only adds noise.
      if (s.format === "date-time") delete s.pattern;
      if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
      // Responses may gain fields over time without that being a breaking change.
      if (s.additionalProperties === false) delete s.additionalProperties;
    },
  });
  const schemas = Object.fromEntries(Object.entries(generated.schemas).map(([id, schema]) => [id, withoutMeta(schema as JsonSchema)]));
  const errorBody = (description: string) => json(ref("schemas", "Error"), description);
  return {
    openapi: "3.1.0",
    info: {
      title: `${SITE_NAME} open data`,
      version: "1.0.0",
      description: [
        `Public, read-only data from the ${SITE_NAME}: no sign-in or key is needed, and drafts never appear.`,
        "Responses are JSON unless the path ends in `.csv`; errors are JSON with a message and per-parameter messages. New fields may be added to responses; fields are not removed or renamed within version 1.",
        `The data is published under ${LICENSE.name}: reuse it freely, crediting the ${SITE_NAME} and linking to the norm version you use (see ${absoluteUrl("/about/citing")}).`,
      ].join("\n\n"),
      license: { name: LICENSE.name, url: LICENSE.url },
    },
    servers: [{ url: absoluteUrl(""), description: SITE_NAME }],
    tags: all.map((s) => s.tag),
    paths: Object.assign({}, ...all.map((s) => s.paths)) as OpenApiDocument["paths"],
    components: {
      schemas,
      parameters: {
        Slug: {
          name: "slug",
          in: "path",
          required: true,
          description: "The norm's slug, as in its address on the forum.",
          schema: { type: "string", maxLength: 120 },
          example: EXAMPLE_SLUG,
        },
        OrganizationSlug: {
          name: "slug",
          in: "path",
          required: true,
          description: "The organisation's slug, as in its address on the forum.",
          schema: { type: "string", maxLength: 80 },
          example: EXAMPLE_ORGANIZATION,
        },
        Year: {
          name: "year",
          in: "path",
          required: true,
          description: "The stock-take's year, four digits.",
          schema: { type: "integer", minimum: 2015, maximum: 2100 },
          example: EXAMPLE_YEAR,
        },
        ReportLanguage: {
          name: "lang",
          in: "query",
          required: false,
          description:
            "The language of the report's fixed text (headings, labels, sentences): ar, zh, en, fr, ru or es; without it, the authoritative English PDF. The snapshot, and so every figure, name and narrative, is the same in all; each language's PDF is rendered shortly after publication, and is not found until then.",
          schema: { type: "string", enum: ["ar", "zh", "en", "fr", "ru", "es"] },
          example: "fr",
        },
        RevisionNumber: {
          name: "n",
          in: "path",
          required: true,
          description: "The revision number, from 1.",
          schema: { type: "integer", minimum: 1 },
          example: 1,
        },
        VersionNumber: {
          name: "n",
          in: "path",
          required: true,
          description: "The version number, from 1.",
          schema: { type: "integer", minimum: 1 },
          example: 1,
        },
        TextLanguage: {
          name: "lang",
          in: "query",
          required: false,
          description:
            "One of the forum's languages (ar, zh, en, fr, ru, es): the text fields in that language where the version has a translation into it, each translation marked as one; the authoritative text otherwise, and always for positions.",
          schema: { type: "string", enum: ["ar", "zh", "en", "fr", "ru", "es"] },
          example: "fr",
        },
      },
      responses: {
        BadRequest: errorBody("A parameter is missing, unknown or not valid; `fieldErrors` says which."),
        NotFound: errorBody("Nothing published at this address: no such norm, version, organisation, stock-take or revision, or a stock-take whose report is not published yet. Norms never submitted (drafts, and drafts withdrawn before submission) are never published."),
        ServerError: errorBody("Something went wrong on the forum's side; try again later."),
      },
      headers: {
        CacheControl: { description: "Responses may be cached for a minute.", schema: { type: "string", example: "public, max-age=60" } },
        AllowOrigin: { description: "Any web page may read the data.", schema: { type: "string", example: "*" } },
        License: { description: "The data's licence.", schema: { type: "string", example: `<${LICENSE.url}>; rel="license"` } },
        Attachment: { description: "Saves as norms.csv.", schema: { type: "string", example: 'attachment; filename="norms.csv"' } },
        Immutable: {
          description: "A revision named in the address never changes, so it may be cached for good.",
          schema: { type: "string", example: "public, max-age=31536000, immutable" },
        },
        StocktakeAttachment: {
          description: "Saves as stocktake-, the year, -r and the revision number.",
          schema: { type: "string", example: `attachment; filename="${stocktakeFileName(EXAMPLE_YEAR, 1, "json")}"` },
        },
        StocktakeRevision: { description: "The revision the file belongs to.", schema: { type: "integer", example: 1 } },
        StocktakeSha256: {
          description: "The SHA-256 of the revision's snapshot, in hexadecimal: the hash the report publishes.",
          schema: { type: "string", pattern: "^[0-9a-f]{64}$" },
        },
        StocktakePdfSha256: {
          description: "The SHA-256 of this PDF file, in hexadecimal: each language's PDF has its own, listed in the report's `downloads.pdfs`.",
          schema: { type: "string", pattern: "^[0-9a-f]{64}$" },
        },
        PdfLanguage: { description: "The language of the PDF's fixed text (en-GB, ar, zh-Hans, fr, ru or es).", schema: { type: "string" } },
        SnapshotETag: { description: "The snapshot's SHA-256 in hexadecimal, quoted.", schema: { type: "string" } },
        ReprDigest: {
          description: "The snapshot's SHA-256 as an RFC 9530 digest (base64).",
          schema: { type: "string", example: "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:" },
        },
        PositionsAttachment: {
          description: "Saves as the norm's slug followed by -positions.csv.",
          schema: { type: "string", example: `attachment; filename="${EXAMPLE_SLUG}-positions.csv"` },
        },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document is the same for every request; build it once per process. */
export function getOpenApiDocument() {
  cached ??= buildOpenApiDocument();
  return cached;
}

export const openApiResponse = () => jsonResponse(getOpenApiDocument());

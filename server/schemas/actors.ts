// An actor's record across years (issue 19): a state (by ISO code, whether or not it takes part) or
// a forum organisation (by slug). Actors are named in addresses and comparisons as
//   state:<ISO 3166-1 alpha-2>   e.g. state:KE (either case; the canonical form is upper case)
//   org:<organisation slug>      e.g. org:ministry-of-foreign-affairs-of-kenya
import { z } from "zod";
import { encodeJsonCursor, jsonCursor } from "./cursor";

export const COMPARE_ACTORS_MIN = 2;
export const COMPARE_ACTORS_MAX = 3;
/** Entries shown per section of a record, and per "more" page. */
export const RECORD_PAGE = 50;

export type ActorRef = { kind: "state"; iso: string } | { kind: "organization"; slug: string };

const statePattern = /^state:([A-Za-z]{2})$/;
const organizationPattern = /^org:([a-z0-9][a-z0-9-]{0,199})$/;

/** `state:KE` or `org:<slug>`; null when the text is neither. */
export function parseActorId(raw: string): ActorRef | null {
  const state = statePattern.exec(raw.trim());
  if (state) return { kind: "state", iso: state[1]!.toUpperCase() };
  const organization = organizationPattern.exec(raw.trim());
  if (organization) return { kind: "organization", slug: organization[1]! };
  return null;
}

export const actorId = (ref: ActorRef) => (ref.kind === "state" ? `state:${ref.iso}` : `org:${ref.slug}`);

/** The `ids` URL parameter: comma-separated, possibly repeated, blanks dropped. */
export function splitIdsParam(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value ? [value] : [];
  return values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

const actorIdField = z.string().trim().max(210, "That actor is too long.");

// Keyset page links, one per section: positions newest first, statements by year and the order of
// the report's items, observations newest first.
const positionCursorShape = z.strictObject({ t: z.iso.datetime({ offset: true }), id: z.uuid() });
const statementCursorShape = z.strictObject({ y: z.number().int(), p: z.number().int(), id: z.uuid() });
const observationCursorShape = z.strictObject({ d: z.iso.date(), id: z.uuid() });
export type PositionCursor = z.infer<typeof positionCursorShape>;
export type StatementCursor = z.infer<typeof statementCursorShape>;
export type ObservationCursor = z.infer<typeof observationCursorShape>;
export const encodeRecordCursor = (c: PositionCursor | StatementCursor | ObservationCursor) => encodeJsonCursor(c);

export const actorRecordInput = z.strictObject({
  id: actorIdField,
  positionsAfter: jsonCursor(positionCursorShape).optional(),
  statementsAfter: jsonCursor(statementCursorShape).optional(),
  observationsAfter: jsonCursor(observationCursorShape).optional(),
});

const normCursorShape = z.strictObject({ title: z.string().max(400), id: z.uuid() });
export type CompareNormCursor = z.infer<typeof normCursorShape>;
export const encodeCompareCursor = (c: CompareNormCursor) => encodeJsonCursor(c);

export const compareActorsInput = z.strictObject({
  // Counted by the domain, which says plainly how many it takes.
  ids: z.array(actorIdField).max(20, "Compare at most three actors at a time."),
  after: jsonCursor(normCursorShape, 1200).optional(),
});

export const stateListInput = z.strictObject({}).optional();

import { z } from "zod";
import { encodeJsonCursor, jsonCursor } from "./cursor";
import { MAX_CLAUSES } from "./norms";
import { pageLimit } from "./numbers";
import { regions, stakeholderTypes, stances } from "./vocabulary";

export const MAX_STATEMENT = 5000;
export const MIN_REASONED_STATEMENT = 20;
/** The most clauses one position may name: a norm's most clauses (each once). */
export const MAX_CLAUSES_NAMED = MAX_CLAUSES;

/** Stances that must give their reasons: an objection without a reason helps nobody bridge anything. */
export const stancesNeedingStatement = ["endorse_with_reservations", "object"] as const;

export const recordPositionInput = z
  .strictObject({
    normId: z.uuid(),
    organizationId: z.uuid({ error: "Choose the organisation this position is given for." }),
    stance: z.enum(stances, { error: "Choose endorse, endorse with reservations, object or abstain." }),
    statement: z
      .string()
      .trim()
      .max(MAX_STATEMENT, `The statement must be ${MAX_STATEMENT.toLocaleString("en")} characters or fewer.`)
      .default(""),
    // The clauses (numbers from 1, of the current version) a reservation or objection concerns.
    // Whether each exists is checked against the version the position is recorded on, in
    // recordPosition's statement; here only their shape.
    clauses: z
      .array(z.number({ error: "Name each clause by its number." }).int("Name each clause by its number.").min(1, "Clauses are numbered from 1."), {
        error: "Name each clause by its number.",
      })
      .max(MAX_CLAUSES_NAMED, `Name at most ${MAX_CLAUSES_NAMED} clauses.`)
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (value.clauses.length > 0 && !(stancesNeedingStatement as readonly string[]).includes(value.stance)) {
      ctx.addIssue({ code: "custom", path: ["clauses"], message: "Only a reservation or an objection can name the clauses it concerns." });
    }
    if (new Set(value.clauses).size !== value.clauses.length) {
      ctx.addIssue({ code: "custom", path: ["clauses"], message: "Name each clause once." });
    }
    const needed = (stancesNeedingStatement as readonly string[]).includes(value.stance);
    if (needed && value.statement.length < MIN_REASONED_STATEMENT) {
      ctx.addIssue({
        code: "custom",
        path: ["statement"],
        message:
          value.stance === "object"
            ? "Give the organisation's reasons for objecting, in at least one sentence."
            : "Say what the reservations are, in at least one sentence.",
      });
    }
  });

export const reaffirmPositionInput = z.strictObject({ normId: z.uuid(), organizationId: z.uuid() });

/** An organisation ends its adherence to a concluded norm, optionally saying why (published with its name). */
export const withdrawAdherenceInput = z.strictObject({
  normId: z.uuid(),
  organizationId: z.uuid({ error: "Choose the organisation whose adherence is withdrawn." }),
  // Named apart from a position's statement: both forms are on the norm page at once.
  reason: z
    .string()
    .trim()
    .max(MAX_STATEMENT, `The reason must be ${MAX_STATEMENT.toLocaleString("en")} characters or fewer.`)
    .default(""),
});
export const positionsForNormInput = z.strictObject({ slug: z.string().min(1).max(120) });
export const organizationPositionsInput = z.strictObject({ slug: z.string().min(1).max(120) });

const positionCursorShape = z.strictObject({ name: z.string().max(300), id: z.uuid() });

/** The list of positions' page link: the last organisation's name and id. */
export const encodePositionCursor = (c: z.infer<typeof positionCursorShape>) => encodeJsonCursor(c);

/** The most positions one page of positions.list may ask for. */
export const POSITIONS_PAGE_MAX = 1000;

export const normPositionsListInput = z.strictObject({
  slug: z.string().min(1).max(120),
  // Verified organisations' positions (counted), or those no longer verified (shown apart).
  counted: z.boolean().default(true),
  stakeholderType: z.enum(stakeholderTypes).optional(),
  region: z.enum(regions).optional(),
  // "reasoned": objections and reservations, the catalogue's entries.
  stance: z.enum([...stances, "reasoned"]).optional(),
  // Positions naming this clause (of the version each was given on), or with 0 those naming none.
  clause: z.number().int().min(0).max(MAX_CLAUSES).optional(),
  cursor: jsonCursor(positionCursorShape, 600).optional(),
  // Rows a page: the norm page's 50 by default; the open data streams every position in pages of up to 1,000.
  limit: z.number().int().min(1).max(POSITIONS_PAGE_MAX).optional(),
});

const historyCursorShape = z.strictObject({ t: z.iso.datetime({ offset: true }), s: z.number().int().min(0), id: z.uuid() });
export type HistoryCursor = z.infer<typeof historyCursorShape>;
export const encodeHistoryCursor = (c: HistoryCursor) => encodeJsonCursor(c);

export const positionHistoryInput = z.strictObject({
  slug: z.string().min(1).max(120),
  // Without a limit, the whole history (the open data's record); with one, a page after `cursor`.
  limit: pageLimit(500).optional(),
  cursor: jsonCursor(historyCursorShape).optional(),
});

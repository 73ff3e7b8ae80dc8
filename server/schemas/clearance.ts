import { z } from "zod";
import { recordPositionInput } from "./positions";
import { replyInput, statementInput } from "./stocktakes";

/** What an organisation's entry in clearance says: a position, an implementation statement or a reply. */
export const entryKinds = ["position", "statement", "reply"] as const;
export type EntryKind = (typeof entryKinds)[number];
/**
 * Where the entry stands: a draft (edited inside the organisation), pending countersignature,
 * published (written to the public record), declined by the countersigner, withdrawn by its author
 * (or a draft discarded), or lapsed (pending for longer than the countersignature period).
 */
export const entryStates = ["draft", "pending", "published", "declined", "withdrawn", "lapsed"] as const;
export type EntryState = (typeof entryStates)[number];

/** A pending entry lapses this many days after it was submitted, on the forum's clock. */
export const COUNTERSIGN_DAYS = 14;

const entryId = z.uuid({ error: "Choose an entry of your organisation." });

export const organizationEntriesInput = z.strictObject({ organizationId: z.uuid() });
export const entryInput = z.strictObject({ entryId });
export const setCountersignatureInput = z.strictObject({ organizationId: z.uuid(), required: z.boolean() });

// A draft holds exactly what the direct write would take; `entryId` names the draft being edited.
export const positionDraftInput = z.strictObject({ entryId: entryId.optional(), position: recordPositionInput });
export const statementDraftInput = z.strictObject({ entryId: entryId.optional(), statement: statementInput });
export const replyDraftInput = z.strictObject({ entryId: entryId.optional(), reply: replyInput });

import { z } from "zod";
import { followTargetTypes, mailRhythms, notificationCategories } from "./notification-vocabulary";

/** What to follow: a norm or organisation by slug, a stock-take by year, a thread by its first comment, or the forum. */
const followTargetFields = {
  type: z.enum(followTargetTypes),
  // A norm's or organisation's slug, a stock-take's year, a thread's first comment id; empty for the forum.
  key: z.string().trim().max(200).default(""),
};

export const followInput = z.strictObject({ ...followTargetFields, follow: z.boolean() });

/** Whether the signed-in person follows a target (the Follow button's state). */
export const followTargetInput = z.strictObject(followTargetFields);

export const notificationListInput = z.strictObject({
  /** Notifications older than this id (the next page). */
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(100).default(30),
  unreadOnly: z.boolean().default(false),
});

export const markReadInput = z.strictObject({ id: z.number().int().positive() });

export const preferencesInput = z.strictObject({
  rhythms: z.partialRecord(z.enum(notificationCategories), z.enum(mailRhythms)),
});

export const unsubscribeInput = z.strictObject({ token: z.string().trim().min(10).max(500) });

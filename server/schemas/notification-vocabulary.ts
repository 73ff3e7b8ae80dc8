// What the forum tells people about (issue 18): the kinds of event, the categories a person sets a
// mail rhythm for, and what one follows. Plain constants, shared by the schema, forms and domain.

/** What one can follow: a norm, an organisation, a stock-take cycle (by year), a comment thread, or the forum ("every new proposal"). */
export const followTargetTypes = ["norm", "organization", "stocktake", "thread", "forum"] as const;
export type FollowTargetType = (typeof followTargetTypes)[number];

/** Why one follows: chose to, or took part (proposer, co-author, position, comment, stock-take filing). */
export const followReasons = ["chosen", "proposer", "coauthor", "position", "comment", "stocktake"] as const;
export type FollowReason = (typeof followReasons)[number];

export const notificationCategories = [
  "deadlines",
  "reaffirm",
  "norms",
  "proposals",
  "discussion",
  "organization",
  "moderation",
  "stocktakes",
] as const;
export type NotificationCategory = (typeof notificationCategories)[number];

export const mailRhythms = ["immediately", "daily", "weekly", "off"] as const;
export type MailRhythm = (typeof mailRhythms)[number];

/** Deadlines and "reaffirm needed" are mailed at once; the rest in a weekly digest. */
export const defaultRhythm: Record<NotificationCategory, MailRhythm> = {
  deadlines: "immediately",
  reaffirm: "immediately",
  norms: "weekly",
  proposals: "weekly",
  discussion: "weekly",
  organization: "weekly",
  moderation: "weekly",
  stocktakes: "weekly",
};

/**
 * Mail about one's account rather than one's taking part: still sent to a suspended person (a
 * decision on their comment or appeal, their organisation's verification). Every other category is
 * participation mail, which a suspended person does not get.
 */
export const accountCategories: readonly NotificationCategory[] = ["moderation"];

export const eventKinds = [
  "norm.submitted",
  "norm.version",
  "norm.stage",
  "norm.deadline",
  "amendment.proposed",
  "amendment.accepted",
  "amendment.declined",
  "position.reaffirm",
  "organization.observed",
  "organization.join_request",
  "organization.verification",
  "comment.reply",
  "comment.on_norm",
  "comment.thread",
  "moderation.decision",
  "coauthor.invitation",
  "stocktake.opened",
  "stocktake.closing",
  "stocktake.published",
  "stocktake.erratum",
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventCategory: Record<EventKind, NotificationCategory> = {
  "norm.submitted": "proposals",
  "norm.version": "norms",
  "norm.stage": "norms",
  "norm.deadline": "deadlines",
  "amendment.proposed": "norms",
  "amendment.accepted": "norms",
  "amendment.declined": "norms",
  "position.reaffirm": "reaffirm",
  "organization.observed": "organization",
  "organization.join_request": "organization",
  "organization.verification": "organization",
  "comment.reply": "discussion",
  "comment.on_norm": "discussion",
  "comment.thread": "discussion",
  "moderation.decision": "moderation",
  "coauthor.invitation": "norms",
  "stocktake.opened": "stocktakes",
  "stocktake.closing": "deadlines",
  "stocktake.published": "stocktakes",
  "stocktake.erratum": "stocktakes",
};

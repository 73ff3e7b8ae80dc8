// The messages sent to the browser: only those the client components use. Every page embeds what
// NextIntlClientProvider is given, so the whole catalogue (over 120 KB) would travel with every
// page (docs/performance.md). tests/client-messages.test.ts walks the client components and their
// imports and fails when one uses a namespace missing here.

/** Namespaces (dotted paths into the catalogue) that client components translate from. */
export const CLIENT_NAMESPACES = [
  "common.errors",
  "common.actions",
  "common.forms",
  "vocabulary",
  "account.addresses",
  "account.comments",
  "account.delete",
  "account.password",
  "account.profile",
  "account.signOutEverywhere",
  "account.suspension",
  "auth.forgotPassword",
  "auth.signIn",
  "auth.resetPassword",
  "auth.signUp",
  "auth.verifyEmail",
  "clearance.draft",
  "clearance.form",
  "clearance.page",
  "clearance.setting",
  "compare",
  "discussion.actions",
  "discussion.appeal",
  "discussion.form",
  "discussion.history",
  "discussion.languages",
  "houseRules",
  "moderation.queue",
  "normForm",
  "norms.actions",
  "norms.invitations",
  "organizations.domains",
  "organizations.form",
  "organizations.manage",
  "organizations.membership",
  "organizations.mine",
  "organizations.nominations",
  "organizations.reconfirm",
  "positions.panel",
  "reference.corrections",
  "secretariat",
  "stocktakeAdmin",
  "stocktakes.corrections",
  "stocktakes.observation",
  "stocktakes.observationForm",
  "stocktakes.reply",
  "stocktakes.statements",
  "stocktakes.status",
] as const;

type Tree = { [key: string]: string | Tree };

/** The parts of `messages` under `paths` (each "a.b.c"), in the same shape; paths that do not exist are skipped. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const picked: Tree = {};
  for (const dotted of paths) {
    const keys = dotted.split(".");
    let from: string | Tree | undefined = messages;
    for (const key of keys) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) to = (typeof to[key] === "object" ? to[key] : (to[key] = {})) as Tree;
    to[keys.at(-1)!] = from;
  }
  return picked;
}

// The messages sent to the browser: only those the client components of the page use. Every page
// embeds what NextIntlClientProvider is given, so the whole catalogue (over 120 KB) would travel
// with every page, and even every client component's namespaces together came to 92 KB (26 kB
// gzipped) on each page, most of it the secretariat's and the account pages' forms
// (docs/performance.md, "Messages by part of the site"). The root layout sends what the site's
// frame and shared components use; each part of the site with client components of its own adds
// its namespaces in its folder's layout (app/_components/scoped-messages.tsx).
// tests/client-messages.test.ts walks every page and layout, the client components they render
// and what those import, and fails when a part lacks a namespace it uses or sends one it does not.

/** Namespaces (dotted paths into the catalogue) every page's client components may translate from. */
export const CLIENT_NAMESPACES = ["common.errors", "common.actions"] as const;

/** Namespaces the client components of one folder of app/ use, added by that folder's layout. */
export const SCOPED_NAMESPACES = {
  "(auth)": ["auth.forgotPassword", "auth.resetPassword", "auth.signIn", "auth.signUp", "auth.verifyEmail"],
  account: [
    "account.addresses",
    "account.comments",
    "account.delete",
    "account.password",
    "account.profile",
    "account.signOutEverywhere",
    "account.suspension",
  ],
  compare: ["compare"],
  norms: [
    "clearance.form",
    "discussion.actions",
    "discussion.appeal",
    "discussion.form",
    "discussion.history",
    "discussion.languages",
    "normForm.coauthors",
    "normForm.conflict",
    "normForm.documents",
    "normForm.form",
    "normForm.preview",
    "norms.actions",
    "norms.invitations",
    "positions.panel",
    "vocabulary",
  ],
  organizations: [
    "clearance.draft",
    "clearance.page",
    "clearance.setting",
    "organizations.domains",
    "organizations.form",
    "organizations.manage",
    "organizations.membership",
    "organizations.mine",
    "organizations.nominations",
    "organizations.reconfirm",
    "stocktakes.status",
    "vocabulary",
  ],
  reference: ["reference.corrections"],
  secretariat: [
    "clearance.form",
    "common.forms",
    "houseRules",
    "moderation.queue",
    "secretariat",
    "stocktakeAdmin.narrative",
    "stocktakeAdmin.openForm",
    "stocktakeAdmin.publish",
    "stocktakeAdmin.review",
    "stocktakeAdmin.window",
    // The preview of a stock-take's report renders the report as /stocktakes does.
    "stocktakes.corrections",
    "stocktakes.observation",
    "stocktakes.reply",
    "vocabulary.userRole",
  ],
  stocktakes: [
    "clearance.form",
    "stocktakes.corrections",
    "stocktakes.observation",
    "stocktakes.observationForm",
    "stocktakes.reply",
    "stocktakes.statements",
    "stocktakes.status",
  ],
} as const satisfies Record<string, readonly string[]>;

/** A folder of app/ whose layout adds the messages of its client components. */
export type MessageScope = keyof typeof SCOPED_NAMESPACES;

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

/** What a part of the site sends: the frame's namespaces and its own. */
export function scopedMessages(messages: Tree, scope: MessageScope): Tree {
  return pickMessages(messages, [...CLIENT_NAMESPACES, ...SCOPED_NAMESPACES[scope]]);
}

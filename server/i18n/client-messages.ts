// The messages sent to the browser: only those the client components of the page use. Every page
// embeds what NextIntlClientProvider is given, so the whole catalogue (over 120 KB) would travel
// with every page, and even every client component's namespaces together came to 92 KB (26 kB
// gzipped) on each page, most of it the secretariat's and the account pages' forms
// (docs/performance.md, "Messages by part of the site"). The root layout sends what the site's
// frame and shared components use; each part of the site with client components of its own adds
// its namespaces in its folder's layout (app/_components/scoped-messages.tsx). A folder inside a
// part may add more for its own pages (the norm page's islands, the norm form): its pages get the
// enclosing parts' namespaces and its own, the part's other pages do not get its own.
// tests/client-messages.test.ts walks every page and layout, the client components they render
// and what those import, and fails when a part lacks a namespace it uses or sends one it does not.

/** Namespaces (dotted paths into the catalogue) every page's client components may translate from. */
export const CLIENT_NAMESPACES = ["common.errors"] as const;

/**
 * Namespaces the client components of one folder of app/ use, added by that folder's layout. A key
 * is the folder's path under app/; a folder inside another key's folder adds to what that one sends.
 */
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
    "common.actions",
  ],
  compare: ["compare"],
  // /norms itself (the list) has no client component that translates.
  "norms/mine": ["norms.invitations"],
  "norms/new": ["normForm.conflict", "normForm.documents", "normForm.form", "normForm.preview", "vocabulary"],
  "norms/[slug]": [
    "clearance.form",
    "common.actions",
    "discussion.actions",
    "discussion.appeal",
    "discussion.form",
    "discussion.history",
    "discussion.languages",
    "norms.actions",
    "positions.panel",
    "vocabulary",
  ],
  "norms/[slug]/edit": ["normForm.coauthors", "normForm.conflict", "normForm.documents", "normForm.form", "normForm.preview"],
  organizations: [
    "clearance.draft",
    "clearance.page",
    "clearance.setting",
    "common.actions",
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
    "common.actions",
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

/** The parts a folder's pages are in, outermost first: "norms/[slug]/edit" is in "norms/[slug]" and itself. */
export function scopeChain(scope: MessageScope): MessageScope[] {
  const segments = scope.split("/");
  return segments.map((_, i) => segments.slice(0, i + 1).join("/")).filter((path): path is MessageScope => path in SCOPED_NAMESPACES);
}

/** The namespaces a part of the site sends: the frame's, the enclosing parts' and its own. */
export function namespacesSentTo(scope: MessageScope): string[] {
  return [...CLIENT_NAMESPACES, ...scopeChain(scope).flatMap((s) => SCOPED_NAMESPACES[s])];
}

/** What a part of the site sends (namespacesSentTo), from the catalogue. */
export function scopedMessages(messages: Tree, scope: MessageScope): Tree {
  return pickMessages(messages, namespacesSentTo(scope));
}

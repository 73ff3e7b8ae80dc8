// A small Atom 1.0 writer (RFC 4287) for the forum's feeds (server/open-data/feeds.ts).
//
// Written here rather than with a feed-generation package: those write titles and summaries as
// `type="html"`, so a norm's title such as "Limits on <script> in reports" would reach a feed reader
// as markup. Everything the forum publishes in a feed is plain text written by its members, so
// every text construct here is `type="text"`, escaped, with the characters XML 1.0 cannot carry
// removed. Each entry's id is given by the caller and must never be built from editable text
// (server/feeds/ids.ts).

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related" | "license";
  type?: string;
  title?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  /** When it happened; the forum's records do not change afterwards, so also its `updated`. */
  published: Date;
  updated?: Date;
  /** The exact page or anchor it is about. */
  link: string;
  summary?: string;
  /** Longer plain text (an outcome statement, a change summary, a reason), shown by readers. */
  content?: string;
  /** A category term, such as the kind of event ("revised", "conclude"). */
  category?: { term: string; label?: string };
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The newest entry's time, or when there are none, a fixed time chosen by the caller. */
  updated: Date;
  /** This feed's own address. */
  self: string;
  /** The page the feed follows. */
  alternate: string;
  author: { name: string; uri?: string };
  /** BCP 47 tag of the feed's own wording. */
  language?: string;
  rights?: string;
  license?: string;
  icon?: string;
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// Characters XML 1.0 does not allow (C0 controls other than tab, newline and carriage return,
// lone surrogates, U+FFFE and U+FFFF): removed, since they cannot be escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value (double-quoted). */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** RFC 3339 as Atom wants it: UTC, seconds, no fraction (readers compare these as text too). */
export const atomDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const text = (name: string, value: string, indent: string) => `${indent}<${name} type="text">${xmlEscape(value)}</${name}>\n`;

function link({ href, rel, type, title }: AtomLink, indent: string) {
  const attrs = [`href="${xmlEscape(href)}"`, rel ? `rel="${rel}"` : "", type ? `type="${xmlEscape(type)}"` : "", title ? `title="${xmlEscape(title)}"` : ""].filter(Boolean);
  return `${indent}<link ${attrs.join(" ")}/>\n`;
}

function entry(e: AtomEntry) {
  const i = "    ";
  let xml = "  <entry>\n";
  xml += `${i}<id>${xmlEscape(e.id)}</id>\n`;
  xml += text("title", e.title, i);
  xml += `${i}<published>${atomDate(e.published)}</published>\n`;
  xml += `${i}<updated>${atomDate(e.updated ?? e.published)}</updated>\n`;
  xml += link({ href: e.link, rel: "alternate", type: "text/html" }, i);
  if (e.category) xml += `${i}<category term="${xmlEscape(e.category.term)}"${e.category.label ? ` label="${xmlEscape(e.category.label)}"` : ""}/>\n`;
  if (e.summary) xml += text("summary", e.summary, i);
  if (e.content) xml += text("content", e.content, i);
  return `${xml}  </entry>\n`;
}

/** The whole document. Entries are written in the order given (newest first, by convention). */
export function renderAtom(feed: AtomFeed): string {
  const i = "  ";
  let xml = '<?xml version="1.0" encoding="utf-8"?>\n';
  xml += `<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${xmlEscape(feed.language)}"` : ""}>\n`;
  xml += `${i}<id>${xmlEscape(feed.id)}</id>\n`;
  xml += text("title", feed.title, i);
  if (feed.subtitle) xml += text("subtitle", feed.subtitle, i);
  xml += `${i}<updated>${atomDate(feed.updated)}</updated>\n`;
  xml += link({ href: feed.self, rel: "self", type: "application/atom+xml" }, i);
  xml += link({ href: feed.alternate, rel: "alternate", type: "text/html" }, i);
  if (feed.license) xml += link({ href: feed.license, rel: "license" }, i);
  xml += `${i}<author>\n${i}  <name>${xmlEscape(feed.author.name)}</name>\n${feed.author.uri ? `${i}  <uri>${xmlEscape(feed.author.uri)}</uri>\n` : ""}${i}</author>\n`;
  if (feed.rights) xml += text("rights", feed.rights, i);
  if (feed.icon) xml += `${i}<icon>${xmlEscape(feed.icon)}</icon>\n`;
  for (const e of feed.entries) xml += entry(e);
  return `${xml}</feed>\n`;
}

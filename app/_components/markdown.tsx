import type { ReactElement } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import { limitMarkdown } from "./markdown-limits";

// User-written Markdown, made safe: raw HTML is never interpreted; react-markdown shows it as the
// literal text the person typed. Links keep only http(s) and mailto addresses, marked as user content.
const allowedProtocols = /^(https?:|mailto:)/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return allowedProtocols.test(trimmed) ? trimmed : "";
}

/** A link in user text: it opens apart and robots do not follow it; without a (safe) address, plain text. */
export function MarkdownLink({ href, children }: { href?: string; children?: React.ReactNode }) {
  return href ? (
    <a href={href} rel="nofollow ugc noopener" target="_blank">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}

/** How Markdown elements render: links open apart and are never followed by robots, images show their text, headings are bold text. */
export const markdownComponents: Components = {
  a: ({ href, children }) => <MarkdownLink href={href}>{children}</MarkdownLink>,
  img: ({ alt }) => <span>{alt}</span>,
  h1: ({ children }) => <p className="font-bold">{children}</p>,
  h2: ({ children }) => <p className="font-bold">{children}</p>,
  h3: ({ children }) => <p className="font-bold">{children}</p>,
};

/**
 * Parsed texts, by text: a comment is parsed once, not each time a page showing it is rendered (a
 * norm page shows up to a few hundred; parsing was about half a millisecond each). The result is a
 * tree of React elements, which nothing changes, so one tree serves every rendering. The least
 * recently used go first past MAX_KEPT texts or MAX_KEPT_CHARS characters.
 */
const parsed = new Map<string, ReactElement>();
const MAX_KEPT = 5000;
const MAX_KEPT_CHARS = 5_000_000;
let keptChars = 0;

export function parseMarkdown(text: string): ReactElement {
  const kept = parsed.get(text);
  if (kept) {
    parsed.delete(text);
    parsed.set(text, kept);
    return kept;
  }
  const tree = ReactMarkdown({ children: text, urlTransform: safeUrl, components: markdownComponents });
  parsed.set(text, tree);
  keptChars += text.length;
  for (const oldest of parsed.keys()) {
    if (parsed.size <= MAX_KEPT && keptChars <= MAX_KEPT_CHARS) break;
    parsed.delete(oldest);
    keptChars -= oldest.length;
  }
  return tree;
}

/** How many parsed texts are kept, and their characters (tests). */
export const parsedKept = () => ({ texts: parsed.size, chars: keptChars });

export function Markdown({ children, className }: { children: string; className?: string }) {
  return <div className={className ?? "prose-forum"}>{parseMarkdown(limitMarkdown(children))}</div>;
}

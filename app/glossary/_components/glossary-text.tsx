// The first use of each glossary term in a clause, linked to its entry (/glossary#slug). Computed
// when the page renders by the matcher (server/glossary/link.ts), never stored in the text; the
// links are React elements, never HTML strings.
import type { Element, ElementContent, Root, RootContent } from "hast";
import Link from "~/app/_components/link";
import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import { limitMarkdown } from "~/app/_components/markdown-limits";
import { MarkdownLink, markdownComponents, safeUrl } from "~/app/_components/markdown";
import type { GlossaryMatcher } from "~/server/glossary/link";

const GLOSSARY_LINK = "glossary-link";

/** A plain text (a reference norm's clause) with its first uses of glossary terms linked. */
export function GlossaryText({ text, matcher }: { text: string; matcher: GlossaryMatcher }) {
  return (
    <>
      {matcher.link(text).map((s, i): ReactNode =>
        s.slug ? (
          <Link key={i} href={`/glossary#${s.slug}`} className={GLOSSARY_LINK}>
            {s.text}
          </Link>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

// Text inside these is left alone: a link cannot hold another, and code is not prose.
const SKIP = new Set(["a", "code", "pre"]);

function linkTerms(node: Root | Element, matcher: GlossaryMatcher, used: Set<string>) {
  const children: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === "text") {
      for (const s of matcher.link(child.value, used)) {
        children.push(
          s.slug
            ? { type: "element", tagName: "a", properties: { href: `/glossary#${s.slug}`, dataGlossary: "true" }, children: [{ type: "text", value: s.text }] }
            : { type: "text", value: s.text },
        );
      }
    } else {
      if (child.type === "element" && !SKIP.has(child.tagName)) linkTerms(child, matcher, used);
      children.push(child);
    }
  }
  node.children = children as typeof node.children;
}

/** A rehype step: one clause's first uses of terms become links (one `used` set per clause). */
const rehypeGlossary = (options: { matcher: GlossaryMatcher }) => (tree: Root) => linkTerms(tree, options.matcher, new Set());

// As every Markdown text (app/_components/markdown.tsx), but for the glossary's own links.
const components: Components = {
  ...markdownComponents,
  a: (props) =>
    props.node?.properties?.dataGlossary && props.href?.startsWith("/glossary#") ? (
      <Link href={props.href} className={GLOSSARY_LINK}>
        {props.children}
      </Link>
    ) : (
      <MarkdownLink href={props.href && safeUrl(props.href) ? props.href : undefined}>{props.children}</MarkdownLink>
    ),
};

// The glossary's own links are internal; every other address keeps the Markdown rule (http(s), mailto).
const urlTransform = (url: string) => (url.startsWith("/glossary#") ? url : safeUrl(url));

/** A Markdown clause (a forum norm's) with its first uses of glossary terms linked. */
export function GlossaryMarkdown({ children, matcher }: { children: string; matcher: GlossaryMatcher }) {
  return (
    <div className="prose-forum">
      <ReactMarkdown urlTransform={urlTransform} components={components} rehypePlugins={[[rehypeGlossary, { matcher }]]}>
        {limitMarkdown(children)}
      </ReactMarkdown>
    </div>
  );
}

import ReactMarkdown, { type Components } from "react-markdown";
import { limitMarkdown } from "./markdown-limits";

// User-written Markdown, made safe: raw HTML is never interpreted; react-markdown shows it as the
// literal text the person typed. Links keep only http(s) and mailto addresses, marked as user content.
const allowedProtocols = /^(https?:|mailto:)/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return allowedProtocols.test(trimmed) ? trimmed : "";
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="nofollow ugc noopener" target="_blank">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span>{alt}</span>,
  h1: ({ children }) => <p className="font-bold">{children}</p>,
  h2: ({ children }) => <p className="font-bold">{children}</p>,
  h3: ({ children }) => <p className="font-bold">{children}</p>,
};

export function Markdown({ children, className }: { children: string; className?: string }) {
  return (
    <div className={className ?? "prose-forum"}>
      <ReactMarkdown urlTransform={safeUrl} components={components}>
        {limitMarkdown(children)}
      </ReactMarkdown>
    </div>
  );
}

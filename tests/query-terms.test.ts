import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkedText } from "~/app/_components/marked-text";
import { excerptAround, markTerms, queryTerms } from "~/app/_components/query-terms";

const render = (text: string, q: string) => renderToStaticMarkup(createElement(MarkedText, { text, q }));

describe("marking a search's words in results", () => {
  it("marks every word of the query, in any case, and leaves the rest as text", () => {
    expect(markTerms("Critical infrastructure and INFRASTRUCTURE", "infrastructure")).toEqual([
      { text: "Critical ", match: false },
      { text: "infrastructure", match: true },
      { text: " and ", match: false },
      { text: "INFRASTRUCTURE", match: true },
    ]);
    expect(render("No attacks on critical infrastructure", "critical infrastructure")).toBe(
      'No attacks on <mark class="bg-focus/60 px-0.5 font-semibold text-foreground">critical</mark> <mark class="bg-focus/60 px-0.5 font-semibold text-foreground">infrastructure</mark>',
    );
  });

  it("treats the query as literal text, never as a pattern or as HTML", () => {
    expect(markTerms("a.b axb (cc) [d]", "a.b (cc)").filter((p) => p.match).map((p) => p.text)).toEqual(["a.b", "cc"]);
    expect(markTerms("x.*y", ".*").filter((p) => p.match).map((p) => p.text)).toEqual([".*"]);
    const html = render("<script>alert(1)</script> infrastructure", "<script> infrastructure");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;</mark>alert(1)&lt;/script&gt;");
  });

  it("drops one-letter words, quotes and search operators, and keeps at most ten words, longest first", () => {
    expect(queryTerms('"public core" or a -x internet')).toEqual(["internet", "public", "core"]);
    expect(queryTerms(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))).toHaveLength(10);
    expect(markTerms("nothing here", "")).toEqual([{ text: "nothing here", match: false }]);
  });

  it("starts an excerpt near the first match when it would be cut off", () => {
    const text = `${"Lorem ipsum dolor sit amet. ".repeat(12)}The needle is here, and the text goes on ${"and on ".repeat(20)}`;
    const excerpt = excerptAround(text, "needle", 180);
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt).toContain("needle");
    expect(excerpt.length).toBeLessThanOrEqual(182);
    expect(excerptAround("short", "needle")).toBe("short");
    expect(excerptAround(text, "lorem", 180).startsWith("Lorem")).toBe(true);
  });
});

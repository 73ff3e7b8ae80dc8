// User Markdown is parsed once per text and the parsed trees kept within bounds; what is shown is
// the same as parsing anew, unsafe links included.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown, parseMarkdown, parsedKept } from "./markdown";

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("Markdown, parsed once per text", () => {
  it("shows the same page from a kept tree as from a new one, with unsafe links still neutralised", () => {
    const text = `A **bold** claim, a [link](https://example.org) and [a trap](javascript:alert(1)) <b>raw</b> ${Math.random()}`;
    const first = html(text);
    expect(first).toContain("<strong>bold</strong>");
    expect(first).toContain('href="https://example.org"');
    expect(first).not.toContain("javascript:");
    expect(first).toContain("&lt;b&gt;raw&lt;/b&gt;");
    expect(parseMarkdown(text)).toBe(parseMarkdown(text));
    expect(html(text)).toBe(first);
  });

  it("keeps at most 5,000 texts", () => {
    for (let i = 0; i < 5200; i++) parseMarkdown(`comment number ${i}`);
    expect(parsedKept().texts).toBeLessThanOrEqual(5000);
    // The most recent are kept, the oldest gone.
    const recent = parseMarkdown("comment number 5199");
    expect(parseMarkdown("comment number 5199")).toBe(recent);
  });

  it("keeps at most five million characters", () => {
    const long = "x".repeat(9_000);
    for (let i = 0; i < 700; i++) parseMarkdown(`${i} ${long}`);
    expect(parsedKept().chars).toBeLessThanOrEqual(5_000_000);
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";

// Issue 14, items 9 and 13: what a button says before the page's script runs, and while it works.
const html = (props: Parameters<typeof Button>[0]) => renderToStaticMarkup(createElement(Button, props, "Send"));

describe("Button in the server's HTML", () => {
  it("a submit button is disabled until the page is interactive, unless its form works without script", () => {
    expect(html({ type: "submit" })).toMatch(/<button[^>]* disabled=""[^>]* data-awaiting-script=""/);
    const native = html({ type: "submit", worksWithoutScript: true });
    expect(native).not.toContain(` disabled=""`);
    expect(native).not.toContain("data-awaiting-script");
    expect(native).not.toContain("worksWithoutScript");
  });

  it("other buttons are not held back", () => {
    expect(html({ type: "button" })).not.toContain(` disabled=""`);
  });

  it("a pending button is disabled and shows a decorative spinner before its label", () => {
    const out = html({ type: "button", pending: true });
    expect(out).toMatch(/<button[^>]* disabled=""[^>]* data-pending=""[^>]*><svg aria-hidden="true"[^>]*data-slot="spinner"[\s\S]*<\/svg>Send<\/button>/);
    expect(html({ type: "button", pending: false })).not.toContain("data-pending");
  });
});

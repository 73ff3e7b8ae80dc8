import { describe, expect, it } from "vitest";
import { formatDate, markdownBlocks, pdfSafe, textWidth, truncateToWidth } from "./text";

describe("pdfSafe", () => {
  it("keeps what the standard fonts can draw", () => {
    const text = "“Quotes” and ‘single’ – dashes — café, Zürich, €5 … • ©\nNext line";
    expect(pdfSafe(text)).toBe(text);
  });

  it("drops accents the fonts lack, and stands in a close character or ? for the rest", () => {
    expect(pdfSafe("Łódź, Şişli, Kraków")).toBe("Lódz, Sisli, Kraków");
    expect(pdfSafe("ﬁne x² → y ≤ z")).toBe("fine x² -> y <= z");
    expect(pdfSafe("Ελλάδα 中文 😀 👍🏿")).toBe("?????? ?? ? ??");
    expect(pdfSafe("a\u200bb\tc\r\n")).toBe("ab c\n");
  });
});

describe("markdownBlocks", () => {
  it("splits paragraphs on blank lines and strips the markers", () => {
    const blocks = markdownBlocks(
      "## A heading\n\nSome **bold**, *italic*, `code` and a [link](https://example.org).\nSame paragraph.\n\n- one\n- two\n  continued\n\n> quoted\n\n---\n\nsnake_case_name stays",
    );
    expect(blocks).toEqual([
      { kind: "heading", text: "A heading" },
      { kind: "paragraph", text: "Some bold, italic, code and a link (https://example.org). Same paragraph." },
      { kind: "list", items: ["one", "two continued"] },
      { kind: "paragraph", text: "quoted" },
      { kind: "paragraph", text: "snake_case_name stays" },
    ]);
  });

  it("never interprets HTML", () => {
    expect(markdownBlocks("<script>alert(1)</script> <b>x</b>")).toEqual([{ kind: "paragraph", text: "<script>alert(1)</script> <b>x</b>" }]);
  });
});

describe("layout helpers", () => {
  it("writes dates out in UTC", () => {
    expect(formatDate("2026-11-23T23:30:00Z")).toBe("23 November 2026");
    expect(formatDate("2026-03-01")).toBe("1 March 2026");
  });

  it("measures and truncates Helvetica text", () => {
    expect(textWidth("0123456789", 10)).toBeCloseTo(55.6);
    expect(textWidth("W", 10, true)).toBeCloseTo(9.44);
    expect(truncateToWidth("Short", 100, 10)).toBe("Short");
    const cut = truncateToWidth("Protecting computer emergency response teams", 120, 8.5);
    expect(cut).toMatch(/^Protecting computer.*…$/);
    expect(textWidth(cut, 8.5)).toBeLessThanOrEqual(120);
  });
});

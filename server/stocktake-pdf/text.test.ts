import { describe, expect, it } from "vitest";
import { reportText } from "./report-text";
import { markdownBlocks, pdfSafe, textWidth, truncateToWidth } from "./text";

describe("pdfSafe", () => {
  it("keeps what the fonts can draw, in every alphabet they cover", () => {
    const text = "“Quotes” and ‘single’ – dashes — café, Zürich, €5 … • ©\nNext line; Łódź, Şişli, Москва, Αθήνα, القاهرة, ירושלים, Երևան, თბილისი";
    expect(pdfSafe(text)).toBe(text);
  });

  it("stands in ? for scripts the fonts lack, and drops invisible characters", () => {
    expect(pdfSafe("北京 東京 ไทย")).toBe("北京 東京 ???");
    expect(pdfSafe("a\u200bb\tc\r\n\u0007")).toBe("ab c\n");
  });

  it("keeps the zero-width non-joiner and joiner that Arabic script needs", () => {
    expect(pdfSafe("می\u200cخواهم")).toBe("می\u200cخواهم");
    expect(pdfSafe("\u0644\u200d")).toBe("\u0644\u200d");
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
  it("writes dates out in UTC, in the report's language", () => {
    const en = reportText("en");
    expect(en.date("2026-11-23T23:30:00Z")).toBe("23 November 2026");
    expect(en.date("2026-03-01")).toBe("1 March 2026");
    expect(reportText("fr").date("2026-03-01")).toBe("1 mars 2026");
    expect(reportText("ru").date("2026-03-01")).toBe("1 марта 2026 г.");
    expect(reportText("zh").date("2026-03-01")).toBe("2026年3月1日");
    // Arabic with Western digits, as the UN's Arabic documents write them, and no bidi marks.
    expect(reportText("ar").date("2026-03-01")).toMatch(/^1 \S+ 2026$/);
    expect(reportText("fr").percent(0.456)).toBe("46\u00a0%");
    expect(reportText("fr").decimal2(0.456)).toBe("0,46");
    expect(reportText("en").percent(0.456)).toBe("46%");
  });

  it("measures and truncates text in the report's face", () => {
    // DejaVu Sans Condensed: digits are 0.5725 em wide; bold is wider than regular.
    expect(textWidth("0123456789", 10)).toBeCloseTo(57.2, 1);
    expect(textWidth("Support", 10, true)).toBeGreaterThan(textWidth("Support", 10));
    expect(truncateToWidth("Short", 100, 10)).toBe("Short");
    const cut = truncateToWidth("Protecting computer emergency response teams", 120, 8.5);
    expect(cut).toMatch(/^Protecting computer.*…$/);
    expect(textWidth(cut, 8.5)).toBeLessThanOrEqual(120);
  });
});

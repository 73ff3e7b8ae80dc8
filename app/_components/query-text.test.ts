import { describe, expect, it } from "vitest";
import { queryText } from "./query-text";

describe("queryText", () => {
  it("takes the first value, trimmed and cut to length, without U+0000", () => {
    expect(queryText(" a\u0000b ", 200)).toBe("ab");
    expect(queryText(["\u0000\u0000x", "y"], 200)).toBe("x");
    expect(queryText("abcdef", 3)).toBe("abc");
    expect(queryText(undefined, 10)).toBe("");
    expect(queryText("<script>alert(1)</script> ' OR 1=1 --", 200)).toBe("<script>alert(1)</script> ' OR 1=1 --");
  });
});

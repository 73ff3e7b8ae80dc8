import { describe, expect, it } from "vitest";
import { clauseExcerpt } from "./clause-excerpt";

describe("clauseExcerpt", () => {
  it("gives plain text: emphasis, code and link marks dropped", () => {
    expect(clauseExcerpt("Vendors keep a *software bill of materials* (see [the guide](https://x.example)) and `SBOM` **files**.")).toBe(
      "Vendors keep a software bill of materials (see the guide) and SBOM files.",
    );
  });

  it("cuts a long clause at a word, with an ellipsis", () => {
    expect(clauseExcerpt("one two three four", 10)).toBe("one two…");
    expect(clauseExcerpt("short", 10)).toBe("short");
  });

  it("keeps a lone asterisk or underscore that marks nothing", () => {
    expect(clauseExcerpt("snake_case and 2 * 3")).toBe("snake_case and 2 * 3");
  });
});

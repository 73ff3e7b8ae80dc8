import { describe, expect, it } from "vitest";
import { callbackFromQuery, safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/norms/cyber-restraint", "/norms/cyber-restraint"],
    ["/norms/cyber-restraint#new-comment", "/norms/cyber-restraint#new-comment"],
    ["/norms?status=consultation&sort=recent", "/norms?status=consultation&sort=recent"],
    ["/search?q=caf%C3%A9", "/search?q=caf%C3%A9"],
  ])("keeps the local path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example/x"],
    ["backslash after the slash", "/\\evil.example"],
    ["backslash later", "/norms\\..\\x"],
    ["absolute URL", "https://evil.example/"],
    ["javascript scheme", "javascript:alert(1)"],
    ["tab that a browser would strip", "/\t/evil.example"],
    ["newline", "/norms\n/x"],
    ["space", "/ /evil.example"],
    ["relative path", "norms"],
    ["empty", ""],
    ["not a string", 42],
    ["undefined", undefined],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses a %s and falls back to /", (_, input) => {
    expect(safeCallbackUrl(input)).toBe("/");
  });

  it("reads callbackUrl, then the older next, and leaves an absent one absent", () => {
    expect(callbackFromQuery({ callbackUrl: "/norms" })).toBe("/norms");
    expect(callbackFromQuery({ next: "/stocktakes/2026" })).toBe("/stocktakes/2026");
    expect(callbackFromQuery({ callbackUrl: "//evil.example" })).toBeUndefined();
    expect(callbackFromQuery({ next: "https://evil.example/phish" })).toBeUndefined();
    expect(callbackFromQuery({})).toBeUndefined();
  });
});

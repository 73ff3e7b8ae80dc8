import { describe, expect, it } from "vitest";
import { chosenEncoding } from "./encoding";

describe("the encoding a cached page is answered in", () => {
  it("is Brotli for browsers, which all accept it beside gzip", () => {
    expect(chosenEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chosenEncoding("br")).toBe("br");
    expect(chosenEncoding("gzip;q=1.0, br;q=1.0")).toBe("br");
  });

  it("is gzip for a client that asks for gzip only, or weights it higher", () => {
    expect(chosenEncoding("gzip")).toBe("gzip");
    expect(chosenEncoding("x-gzip")).toBe("gzip");
    expect(chosenEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(chosenEncoding("GZIP ; Q=0.8, deflate")).toBe("gzip");
  });

  it("never uses a coding the client refuses (q=0), and falls back to none", () => {
    expect(chosenEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chosenEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(chosenEncoding("*;q=0")).toBeNull();
    expect(chosenEncoding("identity")).toBeNull();
    expect(chosenEncoding("deflate")).toBeNull();
    expect(chosenEncoding("")).toBeNull();
    expect(chosenEncoding(undefined)).toBeNull();
  });

  it("reads `*` as every coding not named, and a malformed weight as a refusal", () => {
    expect(chosenEncoding("*")).toBe("br");
    expect(chosenEncoding("br;q=0, *")).toBe("gzip");
    expect(chosenEncoding("gzip;q=abc")).toBeNull();
    expect(chosenEncoding(["gzip", "br;q=0.1"])).toBe("gzip");
  });

  it("reads a long hostile header in time proportional to its length", () => {
    const header = `${"a;q=1;".repeat(50_000)}, gzip`;
    const started = performance.now();
    expect(chosenEncoding(header)).toBe("gzip");
    // Generous: the split is linear; a backtracking pattern would take minutes here.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

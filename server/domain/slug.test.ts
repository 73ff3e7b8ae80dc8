import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes lower-case ASCII slugs", () => {
    expect(slugify("Ministère des Affaires étrangères")).toBe("ministere-des-affaires-etrangeres");
    expect(slugify("  Open -- Networks, Ltd.  ")).toBe("open-networks-ltd");
  });
  it("never returns an empty slug", () => {
    expect(slugify("中文")).toBe("organisation");
  });
});

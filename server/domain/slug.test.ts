import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugify } from "./slug";

describe("slugify", () => {
  it("makes lower-case ASCII slugs", () => {
    expect(slugify("Ministère des Affaires étrangères")).toBe("ministere-des-affaires-etrangeres");
    expect(slugify("  Open -- Networks, Ltd.  ")).toBe("open-networks-ltd");
  });
  it("never returns an empty slug", () => {
    expect(slugify("中文")).toBe("organisation");
  });
});

describe("firstFreeSlug", () => {
  it("numbers a taken slug from 2, and never uses a page name", () => {
    expect(firstFreeSlug("alpha", [])).toBe("alpha");
    expect(firstFreeSlug("alpha", ["alpha", "alpha-2"])).toBe("alpha-3");
    expect(firstFreeSlug("new", [])).toBe("new-2");
    expect(firstFreeSlug("mine", ["mine-2"])).toBe("mine-3");
  });
});

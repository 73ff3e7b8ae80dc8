import { describe, expect, it } from "vitest";
import { likelyDuplicates, nameSimilarity, websiteHost } from "./duplicates";

const org = (id: string, name: string, extra: Partial<{ website: string; country: string; stakeholderType: string }> = {}) => ({
  id,
  name,
  website: extra.website ?? null,
  country: extra.country ?? null,
  stakeholderType: extra.stakeholderType ?? "private_sector",
});

describe("likely duplicates", () => {
  it("ignores legal forms and common words when comparing names", () => {
    expect(nameSimilarity("Open Networks Ltd", "Open Networks Limited")).toBe(1);
    expect(nameSimilarity("Ministry of Foreign Affairs of Kenya", "Ministry of Foreign Affairs of Japan")).toBeLessThan(1);
    expect(nameSimilarity("Alpha", "Omega")).toBe(0);
  });

  it("compares websites by host, without www", () => {
    expect(websiteHost("https://www.Example.org/path")).toBe("example.org");
    expect(websiteHost("not a url")).toBeNull();
  });

  it("flags similar names, the same website and the same country and type, strongest first", () => {
    const target = org("t", "Open Networks Limited", { website: "https://open.example", country: "IE" });
    const matches = likelyDuplicates(target, [
      target,
      org("a", "Unrelated Body", { country: "IE", stakeholderType: "academia" }),
      org("b", "Other Company", { country: "IE" }),
      org("c", "Open Networks Ltd", { website: "https://www.open.example/x", country: "IE" }),
    ]);
    expect(matches.map((m) => [m.organization.id, m.reasons])).toEqual([
      ["c", ["similar_name", "same_website", "same_country_and_type"]],
      ["b", ["same_country_and_type"]],
    ]);
  });
});

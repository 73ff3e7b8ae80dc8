import { describe, expect, it } from "vitest";
import { initialOrganization, needingReaffirmation } from "./stale-positions";

const org = (name: string, position: { version: number; current: boolean } | null) => ({ id: name.toLowerCase(), name, position });

describe("the organisation the positions panel starts with", () => {
  it("is the first whose position was given on an earlier version, not the first by name", () => {
    const organizations = [org("Digital Rights Collective", null), org("Ministry of Foreign Affairs of Kenya", { version: 1, current: false }), org("Open Networks", { version: 2, current: true })];
    expect(initialOrganization(organizations).name).toBe("Ministry of Foreign Affairs of Kenya");
    expect(needingReaffirmation(organizations).map((o) => o.name)).toEqual(["Ministry of Foreign Affairs of Kenya"]);
  });

  it("is the first organisation when no position needs reaffirming", () => {
    const organizations = [org("Digital Rights Collective", { version: 2, current: true }), org("Open Networks", null)];
    expect(initialOrganization(organizations).name).toBe("Digital Rights Collective");
    expect(needingReaffirmation(organizations)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { canRevise, normStatuses, transitionRefusal, transitions, type Transition } from "./lifecycle";

describe("norm lifecycle", () => {
  it("allows exactly the transitions in the design", () => {
    const allowed = Object.keys(transitions).flatMap((t) =>
      normStatuses.filter((s) => transitionRefusal(t as Transition, s) === null).map((s) => `${t}:${s}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "submit:draft",
        "withdraw:draft",
        "withdraw:consultation",
        "withdraw:endorsement",
        "openEndorsement:consultation",
        "returnToConsultation:endorsement",
        "conclude:endorsement",
        "merge:consultation",
        "merge:endorsement",
      ].sort(),
    );
  });

  it("says why a transition is refused", () => {
    expect(transitionRefusal("conclude", "consultation")).toBe(
      "This norm is in consultation; it can only be concluded when it is in endorsement.",
    );
    expect(transitionRefusal("submit", "merged")).toMatch(/merged into another norm/);
  });

  it("freezes the text from endorsement on", () => {
    expect(normStatuses.filter(canRevise)).toEqual(["draft", "consultation"]);
  });
});

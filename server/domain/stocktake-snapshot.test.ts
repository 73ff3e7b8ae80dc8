import { describe, expect, it } from "vitest";
import { buildSnapshot, canonicalJson, type SnapshotInput, sha256, snapshotCsv, yearOverYear } from "./stocktake-snapshot";

const organizations: SnapshotInput["organizations"] = [
  { slug: "kenya", name: "Ministry of Foreign Affairs of Kenya", stakeholderType: "state", region: "african", country: "KE", verified: true },
  { slug: "open-networks", name: "Open Networks Ltd", stakeholderType: "private_sector", region: "weog", country: "IE", verified: true },
  { slug: "revoked", name: "Coalition", stakeholderType: "civil_society", region: "weog", country: "CA", verified: false },
];

function input(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    year: 2026,
    revision: 1,
    publishedAt: new Date("2027-01-15T10:00:00Z"),
    erratum: null,
    window: { opensOn: "2026-09-01", closesOn: "2026-11-30", closedAt: new Date("2026-12-01T00:00:00Z") },
    narrative: { summary: "The year in brief.", categories: { I: "", II: "Attacks.", III: "", IV: "", V: "" } },
    organizations,
    items: [
      {
        key: "norm:certs",
        kind: "forum",
        title: "Protecting response teams",
        categories: ["II", "IV"],
        text: ["Clause one.", "Clause two."],
        version: 2,
        status: "endorsement",
        document: null,
        positions: [
          { organization: "open-networks", stance: "object", statement: "Too broad.", version: 2, current: true },
          { organization: "kenya", stance: "endorse", statement: "", version: 1, current: false },
          { organization: "revoked", stance: "endorse", statement: "", version: 2, current: true },
        ],
        statements: [{ organization: "kenya", status: "implemented", text: "We did it.", links: ["https://example.org/a"] }],
      },
      {
        key: "reference:ungge-f",
        kind: "reference",
        title: "UN GGE 2015, 13(f)",
        categories: ["II"],
        text: ["A State should not conduct or knowingly support ICT activity..."],
        version: null,
        status: null,
        document: "UNGGE",
        positions: [],
        statements: [{ organization: "open-networks", status: "partially", text: "", links: [] }],
      },
    ],
    observations: [
      {
        id: "b",
        title: "An outage",
        description: "What happened.",
        occurredOn: "2026-10-02",
        organizations: ["open-networks", "kenya"],
        outsideActors: ["An unnamed group"],
        sources: ["https://example.org/report"],
        assessments: [{ item: "reference:ungge-f", assessment: "inconsistent" }, { item: "norm:certs", assessment: "consistent" }],
        replies: [{ organization: "kenya", text: "Our account of it." }],
      },
    ],
    rejectedObservations: 2,
    previous: null,
    previousSha256: null,
    ...overrides,
  };
}

describe("the snapshot", () => {
  it("gives byte-identical JSON, and so the same hash, for the same inputs in any order", () => {
    const a = canonicalJson(buildSnapshot(input()));
    const shuffled = input();
    shuffled.items[0]!.positions.reverse();
    shuffled.organizations = [...organizations].reverse();
    shuffled.observations[0]!.organizations.reverse();
    shuffled.observations[0]!.assessments.reverse();
    const b = canonicalJson(buildSnapshot(shuffled));
    expect(b).toBe(a);
    expect(sha256(b)).toBe(sha256(a));
    expect(sha256(a)).toMatch(/^[0-9a-f]{64}$/);
    // Any change to the content changes the hash.
    expect(sha256(canonicalJson(buildSnapshot(input({ narrative: { summary: "Changed.", categories: {} } }))))).not.toBe(sha256(a));
  });

  it("sorts object keys at every level and leaves no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it("computes each forum norm's measures over verified organisations, and counts statements and observations", () => {
    const s = buildSnapshot(input());
    const certs = s.items.find((i) => i.key === "norm:certs")!;
    expect(certs.measures).toMatchObject({ support: 0.5, counts: { endorse: 1, object: 1, total: 2 }, uncounted: 1, onCurrentText: 1 });
    expect(certs.implementation).toEqual({ implemented: 1, partially: 0, not_yet: 0, no_information: 0 });
    expect(certs.observations).toEqual({ consistent: 1, inconsistent: 0, unclear: 0 });
    expect(s.items.find((i) => i.kind === "reference")!.measures).toBeNull();
    expect(s.totals).toEqual({ organizationsFiled: 2, statements: 2, observationsAccepted: 1, observationsRejected: 2, positions: 2 });
    // Organisations, never people: no field names a person.
    expect(JSON.stringify(s)).not.toMatch(/recordedBy|reporter|author/i);
    expect(s.organizations.map((o) => o.slug)).toEqual(["kenya", "open-networks", "revoked"]);
  });

  it("writes a CSV row per covered item with the snapshot's hash", () => {
    const s = buildSnapshot(input());
    const csv = snapshotCsv(s, "f".repeat(64));
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^year,revision,item,kind,title,categories,version,positions/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("norm:certs");
    expect(lines[1]).toContain("f".repeat(64));
  });
});

describe("what changed since the previous year", () => {
  it("lists new items, support changes overall and by group, and implementation progress", () => {
    const previousInput = input({ year: 2025 });
    previousInput.items = [
      { ...previousInput.items[0]!, positions: [{ organization: "kenya", stance: "endorse", statement: "", version: 1, current: true }], statements: [] },
    ];
    const previous = buildSnapshot(previousInput);
    const current = buildSnapshot(input({ previous, previousSha256: "a".repeat(64) }));
    expect(current.changes).toMatchObject({ previousYear: 2025, previousSha256: "a".repeat(64), newItems: [{ key: "reference:ungge-f" }] });
    const certs = current.changes!.support.find((c) => c.key === "norm:certs")!;
    expect(certs).toMatchObject({ before: 1, after: 0.5 });
    expect(certs.byGroup).toEqual(expect.arrayContaining([{ group: "stakeholderType:private_sector", before: null, after: 0 }]));
    expect(current.changes!.implementation).toEqual([
      { key: "norm:certs", title: "Protecting response teams", before: { implemented: 0, partially: 0, not_yet: 0, no_information: 0 }, after: { implemented: 1, partially: 0, not_yet: 0, no_information: 0 } },
    ]);
    // Unchanged years report no changes.
    const same = yearOverYear(current, "b".repeat(64), current);
    expect(same.newItems).toEqual([]);
    expect(same.support).toEqual([]);
    expect(same.implementation).toEqual([]);
  });
});

// A realistic snapshot for the PDF tests, and the report the PDF thread renders to warm up before
// a publication (./worker.ts): built with the same pure builder the publish step uses,
// with a previous year so that the comparison section is present.
import { buildSnapshot, canonicalJson, type Snapshot, type SnapshotInput, sha256 } from "~/server/domain/stocktake-snapshot";

const organizations: SnapshotInput["organizations"] = [
  { slug: "kenya-mfa", name: "Ministry of Foreign Affairs of Kenya", stakeholderType: "state", region: "african", country: "KE", verified: true },
  { slug: "digital-rights", name: "Digital Rights Collective", stakeholderType: "civil_society", region: "weog", country: "DE", verified: true },
  { slug: "open-networks", name: "Open Networks Ltd", stakeholderType: "private_sector", region: "weog", country: "IE", verified: true },
  { slug: "apcert", name: "Asia Pacific CERT", stakeholderType: "technical_community", region: "asia_pacific", country: null, verified: true },
  { slug: "uni-sao-paulo", name: "Centro de Estudos, Universidade de São Paulo", stakeholderType: "academia", region: "latin_american_caribbean", country: "BR", verified: true },
  { slug: "lodz-institute", name: "Łódź Institute for Cyber Policy", stakeholderType: "academia", region: "eastern_european", country: "PL", verified: false },
];

const narrative = {
  summary:
    "## The year in brief\n\nThe forum covered **three norms** this year. Support for protecting response teams rose, while one objection was recorded.\n\n" +
    "- Five organisations filed statements\n- Two observations were accepted, see [the list](https://normsforum.example/stocktakes/2026)\n\n" +
    "Quotes “like these”, dashes, Кириллица and 中文 stay; scripts the fonts lack, such as ไทย, are replaced.",
  categories: {
    I: "",
    II: "Attacks from a state’s territory were the subject of *one* accepted observation.",
    III: "Securing systems:\n\nNo new statements.",
    IV: "Cooperation between response teams improved.",
    V: "",
  },
};

function items(year: number): SnapshotInput["items"] {
  const later = year > 2025;
  return [
    {
      key: "norm:protect-certs",
      kind: "forum",
      title: "Protecting computer emergency response teams",
      categories: ["II", "IV"],
      text: ["States should not harm the work of authorised response teams.", "Response teams should not be used for malicious international activity."],
      version: 2,
      status: "endorsement",
      document: null,
      positions: [
        { organization: "kenya-mfa", stance: "endorse", statement: "", version: 2, current: true },
        { organization: "digital-rights", stance: "endorse_with_reservations", statement: "We ask for clearer wording on oversight.", version: 2, current: true },
        { organization: "open-networks", stance: later ? "endorse" : "object", statement: later ? "" : "Too broad for operators.", version: 2, current: true },
        { organization: "apcert", stance: "abstain", statement: "", version: 1, current: false },
        { organization: "lodz-institute", stance: "endorse", statement: "", version: 2, current: true },
      ],
      statements: [
        { organization: "kenya-mfa", status: later ? "implemented" : "partially", text: "The national CERT was placed under a statute protecting its work.", links: ["https://example.org/ke-cert-act"] },
        { organization: "apcert", status: "partially", text: "Member teams adopted a shared code of conduct.", links: [] },
      ],
    },
    ...(later
      ? [
          {
            key: "norm:supply-chain",
            kind: "forum" as const,
            title: "Integrity of the ICT supply chain",
            categories: ["III"],
            text: ["Vendors and states should take reasonable steps to ensure the integrity of the supply chain."],
            version: 1,
            status: "concluded",
            document: null,
            positions: [
              { organization: "open-networks", stance: "object" as const, statement: "Reasonable steps are undefined.", version: 1, current: true },
              { organization: "digital-rights", stance: "endorse" as const, statement: "", version: 1, current: true },
            ],
            statements: [{ organization: "open-networks", status: "not_yet" as const, text: "", links: [] }],
          },
        ]
      : []),
    {
      key: "reference:ungge-2015-13f",
      kind: "reference",
      title: "UN GGE 2015, 13(f): no harm to critical infrastructure",
      categories: ["II"],
      text: ["A State should not conduct or knowingly support ICT activity contrary to its obligations under international law that intentionally damages critical infrastructure."],
      version: null,
      status: null,
      document: "UN GGE 2015",
      positions: [],
      statements: [{ organization: "uni-sao-paulo", status: "no_information", text: "Research ongoing.", links: [] }],
    },
  ];
}

function input(year: number, previous: Snapshot | null): SnapshotInput {
  return {
    year,
    revision: previous ? 2 : 1,
    publishedAt: new Date(`${year}-11-23T15:30:00Z`),
    erratum: previous ? "Corrected the region of one organisation; the figures for category II changed accordingly." : null,
    window: { opensOn: `${year}-09-01`, closesOn: `${year}-10-31`, closedAt: new Date(`${year}-11-01T00:00:00Z`) },
    narrative,
    organizations,
    items: items(year),
    observations: previous
      ? [
          {
            id: "obs-1",
            title: "Outage at a national response team",
            description: "A distributed denial-of-service attack took the team's website offline for two days.\n\nThe team's incident handling continued.",
            occurredOn: `${year}-09-14`,
            organizations: ["open-networks", "kenya-mfa"],
            outsideActors: ["An unnamed group"],
            sources: ["https://example.org/report-1"],
            assessments: [
              { item: "norm:protect-certs", assessment: "inconsistent" },
              { item: "reference:ungge-2015-13f", assessment: "inconsistent" },
            ],
            replies: [{ organization: "kenya-mfa", text: "The attack came from outside our territory; we cooperated with the affected team." }],
          },
          {
            id: "obs-2",
            title: "Joint exercise of regional response teams",
            description: "Twelve teams held a joint exercise on coordinated disclosure.",
            occurredOn: `${year}-10-03`,
            organizations: ["apcert"],
            outsideActors: [],
            sources: ["https://example.org/exercise"],
            assessments: [{ item: "norm:protect-certs", assessment: "consistent" }],
            replies: [{ organization: "apcert", text: "We welcome the observation." }],
          },
        ]
      : [],
    rejectedObservations: previous ? 1 : 0,
    previous,
    previousSha256: previous ? sha256(canonicalJson(previous)) : null,
  };
}

/** A 2026 snapshot (revision 2, with an erratum) compared with a 2025 one. */
export function sampleSnapshot(): { snapshot: Snapshot; hash: string } {
  const previous = buildSnapshot(input(2025, null));
  const snapshot = buildSnapshot(input(2026, previous));
  return { snapshot, hash: sha256(canonicalJson(snapshot)) };
}

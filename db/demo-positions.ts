// Demo positions: organisations of every stakeholder type and region on the demo norms, some given
// on earlier versions, some changed over time, one from an organisation whose verification was
// later revoked. Each entry's steps are its history, oldest first; the last is the current position.
import type { Stance } from "~/server/schemas/vocabulary";

export interface DemoPositionStep {
  stance: Stance;
  statement?: string;
  /** The clauses of `version` a reservation or objection names. */
  clauses?: number[];
  version: number;
  daysAgo: number;
  kind?: "recorded" | "reaffirmed";
}

export interface DemoPosition {
  norm: string; // the demo norm's title
  organization: string; // the organisation's slug
  steps: DemoPositionStep[];
}

const KE = "ministry-of-foreign-affairs-of-kenya";
const JP = "ministry-of-foreign-affairs-of-japan";
const PL = "ministry-of-foreign-affairs-of-poland";
const BR = "ministry-of-foreign-affairs-of-brazil";
const DE = "federal-foreign-office-of-germany";
const RCCO = "regional-cyber-cooperation-organisation";
const ONL = "open-networks-ltd";
const DRC = "digital-rights-collective";
const ICPS = "institute-for-cyber-policy-studies";
const ANOG = "african-network-operators-group";
const ISC = "internet-standards-council";
const APDT = "asia-pacific-digital-trust-network";
const APA = "andean-payments-association";
const CTIL = "centre-for-technology-and-international-law";
const CSN = "coalition-for-secure-networks";

const PUBLIC_CORE = "Protecting the public core of the Internet";
const CERTS = "Protecting the work of emergency response teams";
const SUPPLY = "Integrity of ICT supply chains and software updates";
const DISCLOSURE = "Coordinated disclosure of ICT vulnerabilities";
const PEACETIME = "No peacetime attacks on critical infrastructure serving the public";
const CONTACTS = "National points of contact and cooperation on incident response";
const ELECTIONS = "Protecting electoral infrastructure";
const FINANCE = "Preserving the integrity of financial system data";

const one = (norm: string, organization: string, stance: Stance, version: number, daysAgo: number, statement?: string, clauses?: number[]): DemoPosition => ({
  norm,
  organization,
  steps: [{ stance, version, daysAgo, statement, clauses }],
});

export const demoPositions: DemoPosition[] = [
  // The public core: broad support with reservations; one objection; one position on an earlier text.
  one(PUBLIC_CORE, KE, "endorse", 3, 20),
  one(PUBLIC_CORE, JP, "endorse", 2, 40),
  one(PUBLIC_CORE, DE, "endorse_with_reservations", 3, 18, "We support the norm, but the list of core functions in clause 2 should be kept under review by the technical community rather than fixed in the text.", [2]),
  {
    norm: PUBLIC_CORE,
    organization: BR,
    steps: [
      { stance: "object", version: 1, daysAgo: 60, statement: "The first version did not say who decides which systems form the public core, which leaves the scope open-ended." },
      { stance: "endorse_with_reservations", version: 3, daysAgo: 16, statement: "The revised text answers our main concern about scope. We still ask that the definition be reviewed after two years." },
    ],
  },
  one(PUBLIC_CORE, ONL, "endorse", 3, 15),
  one(PUBLIC_CORE, DRC, "endorse", 2, 38, "Protecting the core protects everyone's access to information."),
  one(PUBLIC_CORE, ICPS, "endorse", 3, 14),
  one(PUBLIC_CORE, PL, "object", 3, 12, "The norm should not restrict lawful measures a state takes against infrastructure used in an ongoing attack on its territory."),
  one(PUBLIC_CORE, RCCO, "abstain", 3, 11),
  one(PUBLIC_CORE, ISC, "endorse", 3, 10, "The routing and naming systems named in clause 2 match the functions the technical community regards as core."),
  one(PUBLIC_CORE, CSN, "endorse", 2, 45),

  // Emergency response teams: endorsed across every group.
  ...[KE, JP, PL, BR, DE, RCCO, ONL, ICPS, ANOG, ISC, APDT, APA, CTIL].map((org, i) => one(CERTS, org, "endorse", 3, 30 - i)),
  one(CERTS, DRC, "endorse_with_reservations", 3, 16, "Teams should also be protected from legal pressure to share personal data beyond what incident response needs."),

  // Supply chains: in consultation, a mixed picture.
  one(SUPPLY, ONL, "endorse", 2, 9),
  one(SUPPLY, DE, "endorse_with_reservations", 2, 8, "Certification schemes mentioned in clause 3 should remain voluntary and mutually recognised.", [3]),
  one(SUPPLY, JP, "endorse", 1, 25),
  one(SUPPLY, APA, "object", 2, 7, "The obligations on vendors in clause 4 would be costly for small suppliers without a transition period.", [4]),
  one(SUPPLY, ISC, "endorse", 2, 6),

  // Coordinated disclosure: concluded; positions closed, the record stays.
  ...[KE, BR, DE, ONL, DRC, ICPS, ISC, ANOG, APDT, CTIL].map((org, i) => one(DISCLOSURE, org, "endorse", 2, 70 - i)),
  one(DISCLOSURE, JP, "endorse_with_reservations", 2, 58, "Disclosure timelines should allow for vulnerabilities in industrial control systems, which take longer to patch."),
  one(DISCLOSURE, PL, "object", 2, 57, "Governments must keep discretion over vulnerabilities relevant to national security; the text does not provide for this."),

  // No peacetime attacks on critical infrastructure: in endorsement.
  one(PEACETIME, KE, "endorse", 2, 13),
  one(PEACETIME, DE, "endorse", 2, 12),
  one(PEACETIME, JP, "endorse", 2, 12),
  one(PEACETIME, PL, "endorse_with_reservations", 2, 11, "We read the norm as applying in peacetime only; conduct in armed conflict is governed by international humanitarian law."),
  one(PEACETIME, BR, "endorse", 1, 35),
  one(PEACETIME, ONL, "endorse", 2, 10),
  one(PEACETIME, DRC, "endorse", 2, 10),
  one(PEACETIME, ICPS, "endorse_with_reservations", 2, 9, "The term “serving the public” needs a shared understanding; we suggest the secretariat collect national interpretations."),
  one(PEACETIME, RCCO, "abstain", 2, 8),
  one(PEACETIME, APDT, "endorse", 2, 7),

  // National points of contact: concluded, mostly states.
  ...[KE, JP, PL, BR, DE, RCCO].map((org, i) => one(CONTACTS, org, "endorse", 1, 80 - i)),
  one(CONTACTS, DRC, "abstain", 1, 74),

  // Electoral infrastructure: contested, and Kenya's position was given on version 1.
  one(ELECTIONS, DRC, "endorse", 2, 6),
  one(ELECTIONS, DE, "endorse", 2, 5),
  one(ELECTIONS, PL, "object", 2, 5, "Election administration is a domestic matter; an international norm on it risks being used to justify interference."),
  one(ELECTIONS, JP, "abstain", 1, 22),
  one(ELECTIONS, KE, "endorse_with_reservations", 1, 21, "We support protecting voter registration systems, and ask that the norm respect each state's own electoral law."),
  one(ELECTIONS, CTIL, "endorse", 2, 4),

  // Financial data: few positions so far.
  one(FINANCE, ONL, "endorse", 2, 4),
  one(FINANCE, JP, "endorse", 2, 3),
  one(FINANCE, APA, "endorse_with_reservations", 2, 3, "Payment systems operators should be consulted on the reporting channels named in clause 3.", [3]),
];

/** Demo organisations added for the positions, beyond those the accounts represent. */
export const positionOrganizations = [
  { name: "African Network Operators Group", stakeholderType: "technical_community", region: "african", country: "GH" },
  { name: "Internet Standards Council", stakeholderType: "technical_community", region: "global", country: null },
  { name: "Asia-Pacific Digital Trust Network", stakeholderType: "civil_society", region: "asia_pacific", country: "IN" },
  { name: "Andean Payments Association", stakeholderType: "private_sector", region: "latin_american_caribbean", country: "CO" },
  { name: "Centre for Technology and International Law", stakeholderType: "academia", region: "african", country: "NG" },
  { name: "Coalition for Secure Networks", stakeholderType: "civil_society", region: "weog", country: "CA" },
] as const;

/** The demo organisation whose verification was revoked after it recorded a position. */
export const revokedDemoOrganization = "coalition-for-secure-networks";

// Demo stock-takes: last year's report published (with a correction), and this year's cycle open
// with statements and observations in every review state, so a newcomer sees the whole cycle and
// the year-over-year comparison at once.
import { slugify as slug } from "~/server/domain/slug";
import type { Assessment, ImplementationStatus } from "~/server/schemas/vocabulary";

export const demoReferenceItems = ["ungge-f", "ungge-g", "ungge-h", "ungge-k", "usg-1", "coc-3", "msft-2"];

export interface DemoStatement {
  item: string; // demo norm title or reference norm id
  organization: string; // slug
  status: ImplementationStatus;
  text: string;
  links?: string[];
}

export interface DemoObservation {
  title: string;
  description: string;
  occurredOn: string;
  reporter: "member" | "representative" | "otherRepresentative";
  organizations: string[];
  outsideActors: string[];
  assessments: { item: string; assessment: Assessment }[];
  sources: string[];
  review: { status: "pending" } | { status: "accepted" } | { status: "rejected"; note: string };
  reply?: { organization: string; text: string };
}

const CERTS = "Protecting the work of emergency response teams";
const DISCLOSURE = "Coordinated disclosure of ICT vulnerabilities";
const PEACETIME = "No peacetime attacks on critical infrastructure serving the public";
const CONTACTS = "National points of contact and cooperation on incident response";

export const previousYear = {
  opensOn: "-09-01",
  closesOn: "-11-30",
  // Items the previous year covered: the norm "No peacetime attacks…" was not yet in endorsement.
  norms: [CERTS, DISCLOSURE, CONTACTS],
  // Figures are cited by placeholder (server/domain/narrative-figures.ts), resolved from the
  // report's own figures when it is built, so the text cannot contradict them (issue 19).
  narrative: {
    summary:
      "This first stock-take covers {{items:forum}} forum norms then in endorsement or concluded and {{items:reference}} reference norms. {{organizations:filed}} organisations filed {{statements:count}} implementation statements: {{statements:implemented}} reported a norm implemented and {{statements:partially}} reported it partially implemented. {{observations:accepted}} behaviour observations were accepted after review.",
    categories: {
      I: "No covered forum norm is placed in category I alone. National points of contact, reviewed under category IV, also bears on this category.",
      II: "No covered forum norm is placed in category II this year.",
      III: `Coordinated disclosure of ICT vulnerabilities had support of {{support:${slug(DISCLOSURE)}}} from {{positions:${slug(DISCLOSURE)}}} counted positions.`,
      IV: `Protecting the work of emergency response teams had support of {{support:${slug(CERTS)}}} from {{positions:${slug(CERTS)}}} counted positions; implementation statements filed on it: {{statements:${slug(CERTS)}}}. Accepted observations assessed inconsistent with it: {{inconsistent:${slug(CERTS)}}}, the disruption of a national response team's network. Implementation statements filed on national points of contact: {{statements:${slug(CONTACTS)}}}.`,
      V: "Protecting emergency response teams also bears on restraint in developing and using cyber capabilities; no statement addressed that side of it this year.",
    },
  },
  // Revision 2 adds what revision 1 left out.
  erratum: "Added the number of implementation statements filed on coordinated vulnerability disclosure to category III.",
  erratumCategoryIII: ` Implementation statements filed on it: {{statements:${slug(DISCLOSURE)}}}.`,
  statements: [
    { item: CERTS, organization: "ministry-of-foreign-affairs-of-kenya", status: "partially", text: "A national CERT operates; its legal protection is in preparation." },
    { item: CERTS, organization: "open-networks-ltd", status: "implemented", text: "Our incident team works with national CERTs under published procedures." },
    { item: CONTACTS, organization: "ministry-of-foreign-affairs-of-japan", status: "implemented", text: "A point of contact is designated and listed." },
    { item: "ungge-f", organization: "federal-foreign-office-of-germany", status: "partially", text: "National review of ICT operations policy under way." },
  ] satisfies DemoStatement[],
  observations: [
    {
      title: "Network of a national response team disrupted",
      description: "A national response team reported that its network was unavailable for two days during a regional incident. The cause was not publicly attributed.",
      occurredOn: "-06-14",
      reporter: "member",
      organizations: [],
      outsideActors: ["Unattributed actor"],
      assessments: [{ item: CERTS, assessment: "inconsistent" }, { item: "ungge-k", assessment: "inconsistent" }],
      sources: ["https://example.org/reports/cert-disruption"],
      review: { status: "accepted" },
    },
    {
      title: "Joint exercise between response teams",
      description: "Response teams from four states held a joint exercise and published its lessons.",
      occurredOn: "-10-02",
      reporter: "representative",
      organizations: ["ministry-of-foreign-affairs-of-kenya"],
      outsideActors: [],
      assessments: [{ item: CONTACTS, assessment: "consistent" }],
      sources: ["https://example.org/news/joint-exercise"],
      review: { status: "accepted" },
      reply: { organization: "ministry-of-foreign-affairs-of-kenya", text: "We took part and will host the next exercise." },
    },
  ] satisfies DemoObservation[],
};

export const currentYear = {
  opensOn: "-09-01",
  closesOn: "-12-15",
  statements: [
    { item: CERTS, organization: "ministry-of-foreign-affairs-of-kenya", status: "implemented", text: "The CERT's legal protection was adopted this year.", links: ["https://example.org/ke/cert-law"] },
    { item: CERTS, organization: "open-networks-ltd", status: "implemented", text: "Procedures unchanged and reviewed." },
    { item: CERTS, organization: "digital-rights-collective", status: "no_information", text: "We could not find public information on this." },
    { item: PEACETIME, organization: "ministry-of-foreign-affairs-of-kenya", status: "partially", text: "A list of critical infrastructure is being drawn up." },
    { item: CONTACTS, organization: "ministry-of-foreign-affairs-of-japan", status: "implemented", text: "Point of contact confirmed for the year." },
    { item: CONTACTS, organization: "ministry-of-foreign-affairs-of-brazil", status: "not_yet", text: "Designation planned for next year." },
    { item: "ungge-f", organization: "federal-foreign-office-of-germany", status: "implemented", text: "The national review concluded and its principles were published." },
  ] satisfies DemoStatement[],
  observations: [
    {
      title: "Power grid operator reports intrusion attempts",
      description: "An electricity operator reported repeated intrusion attempts on its control network, without disruption of supply.",
      occurredOn: "-09-20",
      reporter: "member",
      organizations: [],
      outsideActors: ["Unattributed actor"],
      assessments: [{ item: PEACETIME, assessment: "inconsistent" }, { item: "ungge-f", assessment: "inconsistent" }],
      sources: ["https://example.org/reports/grid-intrusions"],
      review: { status: "accepted" },
    },
    {
      title: "Vulnerability disclosed through a coordinated process",
      description: "A software vendor and a national CERT disclosed a serious vulnerability together, with a patch available on the day of disclosure.",
      occurredOn: "-10-08",
      reporter: "otherRepresentative",
      organizations: ["open-networks-ltd"],
      outsideActors: [],
      assessments: [{ item: DISCLOSURE, assessment: "consistent" }],
      sources: ["https://example.org/advisories/2026-1"],
      review: { status: "accepted" },
      reply: { organization: "open-networks-ltd", text: "We confirm the timeline and thank the CERT for the coordination." },
    },
    {
      title: "Request to a response team for user data",
      description: "A response team was reportedly asked to hand over personal data unrelated to an incident.",
      occurredOn: "-11-02",
      reporter: "representative",
      organizations: ["ministry-of-foreign-affairs-of-poland"],
      outsideActors: [],
      assessments: [{ item: CERTS, assessment: "inconsistent" }],
      sources: ["https://example.org/news/cert-data-request"],
      review: { status: "pending" },
    },
    {
      title: "Outage attributed to a cyber operation",
      description: "A regional outage was described on social media as a cyber operation.",
      occurredOn: "-10-30",
      reporter: "member",
      organizations: [],
      outsideActors: ["A named hacking group"],
      assessments: [{ item: PEACETIME, assessment: "inconsistent" }],
      sources: ["https://example.org/posts/outage-claim"],
      review: { status: "rejected", note: "The only source is an unverified social media post; the operator attributed the outage to a hardware fault." },
    },
  ] satisfies DemoObservation[],
};

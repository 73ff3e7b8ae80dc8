// Demo discussion: threads on the whole norm and on single clauses, comments on behalf of
// organisations, an edited comment, one hidden under a house rule (its author appealed), and one
// awaiting the secretariat's review after a report.
export type DemoAuthor = "member" | "representative" | "otherRepresentative" | "suspended" | "admin";

export interface DemoComment {
  key: string;
  norm: string; // demo norm title
  author: DemoAuthor;
  organization?: string; // slug of a verified organisation the author represents
  replyTo?: string; // key of the comment replied to
  version?: number; // defaults to the norm's current version; a reply takes its parent's
  clause?: number;
  body: string;
  daysAgo: number;
  language?: string;
  /** Earlier wordings, oldest first; `body` is the current one. */
  earlier?: string[];
  hidden?: { rule: string; note: string; appeal?: string };
  reportedBy?: { who: DemoAuthor; reason: string };
}

const PUBLIC_CORE = "Protecting the public core of the Internet";
const ELECTIONS = "Protecting electoral infrastructure";
const CERTS = "Protecting the work of emergency response teams";

export const demoComments: DemoComment[] = [
  {
    key: "core-scope",
    norm: PUBLIC_CORE,
    author: "representative",
    organization: "ministry-of-foreign-affairs-of-kenya",
    clause: 2,
    version: 1,
    body: "Clause 2 lists the systems that form the public core. Who updates this list as the technology changes? We suggest the text refer to a list kept by the technical community.",
    daysAgo: 40,
  },
  {
    key: "core-scope-reply",
    norm: PUBLIC_CORE,
    author: "otherRepresentative",
    organization: "open-networks-ltd",
    replyTo: "core-scope",
    body: "Operators would welcome that. A list in the norm itself would date quickly; a reference to [the relevant registries](https://example.org/registries) would not.",
    daysAgo: 38,
  },
  {
    key: "core-scope-reply-2",
    norm: PUBLIC_CORE,
    author: "member",
    replyTo: "core-scope-reply",
    body: "Version 3 now does this in clause 2, as far as I can tell.",
    daysAgo: 15,
  },
  {
    key: "core-general",
    norm: PUBLIC_CORE,
    author: "member",
    body: "How does this norm relate to UN GGE 2015 norm 13(f)? A sentence in the rationale would help readers who know the GGE report.",
    earlier: ["How does this relate to the GGE norms?"],
    daysAgo: 30,
  },
  {
    key: "core-hidden",
    norm: PUBLIC_CORE,
    author: "suspended",
    clause: 1,
    body: "Anyone who supports this is naive, and the delegate who drafted it clearly has no idea what they are doing.",
    daysAgo: 25,
    hidden: {
      rule: "HR-2",
      note: "Please criticise the text and its arguments, not the people who wrote it.",
      appeal: "I was criticising the drafting, not the person. Please restore my comment.",
    },
  },
  {
    key: "core-reported",
    norm: PUBLIC_CORE,
    author: "member",
    clause: 3,
    body: "Clause 3 would also be read as covering national DNS resolvers. Is that intended?",
    daysAgo: 5,
    reportedBy: { who: "otherRepresentative", reason: "This seems to be a duplicate of an earlier question in another thread." },
  },
  {
    key: "elections-fr",
    norm: ELECTIONS,
    author: "representative",
    organization: "digital-rights-collective",
    clause: 1,
    language: "fr",
    body: "Nous soutenons la protection des listes électorales, mais le texte devrait aussi mentionner les systèmes de publication des résultats.",
    daysAgo: 12,
  },
  {
    key: "certs-general",
    norm: CERTS,
    author: "otherRepresentative",
    organization: "open-networks-ltd",
    body: "The frozen text is clear. Our response team already follows the practice described in clause 1.",
    daysAgo: 20,
  },
];

// Demo proposals for development and tests: plausible, neutral texts around the seeds' themes.
export interface DemoNormVersion {
  /** The norm's text as numbered clauses, each a short Markdown paragraph (no headings, no HTML). */
  clauses: string[];
  /** What changed in this version (for v1: "First version"). */
  changeSummary: string;
}
export interface DemoNorm {
  title: string; // <= 200 chars, plain
  summary: string; // one paragraph, <= 1000 chars
  rationale: string; // a short paragraph or two, Markdown allowed
  categories: ("I" | "II" | "III" | "IV" | "V")[]; // at least one
  kind: "mutual_restraint" | "common_welfare";
  bindingness: "political" | "legal" | "technical";
  citations: string[]; // reference norm ids from reference-norms.json (must exist)
  /** Who proposes it: one of the demo accounts. */
  proposer: "representative" | "otherRepresentative" | "member";
  /** The verified organisation it is proposed on behalf of, which the proposer represents, or null (a personal proposal). */
  organizationSlug: "ministry-of-foreign-affairs-of-kenya" | "digital-rights-collective" | "open-networks-ltd" | null;
  status: "draft" | "consultation" | "endorsement" | "concluded" | "withdrawn" | "merged";
  /**
   * For a norm in consultation or endorsement: its stage's last open day, in days from the day of
   * seeding (negative: already past, so the norm awaits the secretariat's decision). Without it,
   * the stage's default length from the day of seeding.
   */
  lastOpenDayInDays?: number;
  /** For status "endorsement": the stage was opened sealed (db/demo-sealed.ts seeds its sealed positions). */
  sealed?: boolean;
  /** For status "merged": the title of the surviving norm in this list. */
  mergedIntoTitle?: string;
  versions: DemoNormVersion[]; // at least one; the last is the current text
}

export const demoNorms: DemoNorm[] = [
  {
    title: "Protecting the public core of the Internet",
    summary:
      "States should not intentionally and substantially damage the general availability or integrity of the public core of the Internet: the routing, naming and numbering systems, the cryptographic mechanisms of security and identity, and the physical transmission media on which they run. Operators of the public core should be able to do their work without interference, and States should help when activity from their territory affects it.",
    rationale:
      "The public core of the Internet is a shared resource on which every State, company and user depends, wherever they are. Damage to it cannot be confined to a single target and would undermine trust in the Internet as a whole.\n\nThe existing commitments on critical infrastructure (UN GGE 13(f)) are framed nationally; this proposal addresses the transnational layer that no single State designates as its own.",
    categories: ["I", "II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["ungge-f", "usg-2", "ungge-a"],
    proposer: "representative",
    organizationSlug: "ministry-of-foreign-affairs-of-kenya",
    status: "consultation",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not conduct or knowingly support activity that intentionally damages the general availability or integrity of the public core of the Internet.",
          "The public core of the Internet includes the protocols for packet routing and forwarding, the naming and numbering systems, and the cryptographic mechanisms of security and identity.",
          "States should refrain from using the public core of the Internet as a means of exerting pressure on other States.",
        ],
      },
      {
        changeSummary:
          "Added a threshold (\"substantially\") in response to consultation comments, and included the physical transmission media in the scope.",
        clauses: [
          "States should not conduct or knowingly support activity that intentionally and substantially damages the general availability or integrity of the public core of the Internet.",
          "The public core of the Internet includes the protocols for packet routing and forwarding, the naming and numbering systems, the cryptographic mechanisms of security and identity, and the physical transmission media, including submarine cables.",
          "States should refrain from using the public core of the Internet as a means of exerting pressure on other States.",
        ],
      },
      {
        changeSummary:
          "Incorporated the substance of the merged proposal on routing and naming systems (new clause on operators); added a clause on assistance; removed the clause on pressure, which commenters found too broad to apply.",
        clauses: [
          "States should not conduct or knowingly support activity that intentionally and substantially damages the general availability or integrity of the public core of the Internet.",
          "The public core of the Internet includes the protocols for packet routing and forwarding, the naming and numbering systems, the cryptographic mechanisms of security and identity, and the physical transmission media, including submarine cables.",
          "Operators of the public core, including registries, root server operators and Internet exchange points, should be able to carry out their functions without interference. States should consult them before adopting measures that could affect those functions beyond their own territory.",
          "States should respond to appropriate requests for assistance when activity emanating from their territory affects the availability or integrity of the public core.",
        ],
      },
    ],
  },
  {
    title: "Safeguarding Internet routing and naming systems",
    summary:
      "Network and registry operators should adopt widely accepted practices that protect routing and naming data from manipulation, and States should not compel operators to alter such data in ways that affect users outside their territory.",
    rationale:
      "Route hijacks and the tampering of naming data can divert or interrupt traffic for users far from where the change was made. Practical safeguards exist, such as route origin validation and signed zones, but their adoption is uneven.",
    categories: ["III"],
    kind: "common_welfare",
    bindingness: "technical",
    citations: ["ungge-g", "ungge-f"],
    proposer: "member",
    organizationSlug: null,
    status: "merged",
    mergedIntoTitle: "Protecting the public core of the Internet",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "Network operators should validate the origin of route announcements and filter those that are invalid, in line with widely accepted industry practice.",
          "Operators of domain name registries should sign their zones, and operators of resolvers should validate those signatures, where the technology allows.",
          "States should not compel operators to manipulate routing or naming data in ways that affect users outside their territory.",
        ],
      },
    ],
  },
  {
    title: "Protecting the work of emergency response teams",
    summary:
      "States should not harm the systems, staff or operations of computer emergency response teams, whether governmental, sectoral or private, nor use such teams for malicious activity, nor prevent them from responding to incidents and cooperating across borders. Information that teams share voluntarily for incident response should not be repurposed without the consent of the team that shared it.",
    rationale:
      "Emergency response teams (CERTs/CSIRTs) limit the damage of incidents for everyone, and their cooperation depends on trust between teams in different countries. If their systems are attacked, or their status is misused, that trust erodes quickly.\n\nThis proposal builds on UN GGE 13(k) and extends its protection to the non-governmental teams that handle a large share of incidents in practice.",
    categories: ["IV", "V"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["ungge-k", "usg-6"],
    proposer: "otherRepresentative",
    organizationSlug: "open-networks-ltd",
    status: "endorsement",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not conduct or knowingly support activity that harms the information systems of the authorised computer emergency response teams (CERTs/CSIRTs) of another State.",
          "States should not use authorised emergency response teams to engage in malicious international activity.",
          "States should not prevent emergency response teams from responding to incidents.",
        ],
      },
      {
        changeSummary:
          "Extended the protection to sectoral and private response teams and to their staff; added cross-border cooperation and a clause on information sharing.",
        clauses: [
          "States should not conduct or knowingly support activity that harms the information systems, staff or operations of computer emergency response teams (CERTs/CSIRTs), whether governmental, sectoral or private.",
          "States should not use authorised emergency response teams to engage in malicious international activity.",
          "States should not prevent emergency response teams from responding to incidents or from cooperating with their counterparts abroad.",
          "Emergency response teams should be able to share technical information on incidents with one another without that information being used for purposes other than incident response.",
        ],
      },
      {
        changeSummary:
          "Clarified that information sharing is voluntary and that its further use requires consent; this is the text frozen for endorsement.",
        clauses: [
          "States should not conduct or knowingly support activity that harms the information systems, staff or operations of computer emergency response teams (CERTs/CSIRTs), whether governmental, sectoral or private.",
          "States should not use authorised emergency response teams to engage in malicious international activity.",
          "States should not prevent emergency response teams from responding to incidents or from cooperating with their counterparts abroad.",
          "Information that emergency response teams share voluntarily with one another for incident response should not be used for other purposes without the consent of the team that shared it.",
        ],
      },
    ],
  },
  {
    title: "Integrity of ICT supply chains and software updates",
    summary:
      "Vendors should sign their software updates and keep a machine-readable record of the components in their supported products. States should not require vendors to insert hidden functions or weaken their products, and no party should compromise a vendor's update channel to distribute malicious code.",
    rationale:
      "Users can only keep their systems secure if they can trust the updates they install and know what their products contain. Compromised update channels have been used to reach very large numbers of victims at once, and hidden functions undermine confidence in products from every origin.",
    categories: ["III"],
    kind: "common_welfare",
    bindingness: "technical",
    citations: ["ungge-i", "msft-1", "coc-5"],
    proposer: "otherRepresentative",
    organizationSlug: "open-networks-ltd",
    status: "consultation",
    // The demo's consultation that closes soon.
    lastOpenDayInDays: 2,
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "Vendors should sign software updates and publish the means to verify those signatures.",
          "Vendors should maintain a record of the third-party components in their products (a software bill of materials) and make it available to customers on request.",
          "States should not require or induce vendors to insert hidden functions or to weaken the security of their products.",
        ],
      },
      {
        changeSummary:
          "Limited the bill-of-materials clause to supported products and made it machine-readable; extended the clause on hidden functions to services; added a clause on update channels.",
        clauses: [
          "Vendors should cryptographically sign software updates and publish the means to verify those signatures.",
          "Vendors should maintain a machine-readable record of the third-party components in their supported products (a *software bill of materials*) and make it available to customers.",
          "States should not require or induce vendors to insert hidden functions or otherwise to weaken the security of their products and services.",
          "No party should compromise a vendor's update channel to distribute malicious code, since doing so undermines trust in the updates on which everyone's security depends.",
        ],
      },
    ],
  },
  {
    title: "Coordinated disclosure of ICT vulnerabilities",
    summary:
      "States should publish a policy for handling the vulnerabilities they discover or acquire, with a strong presumption in favour of reporting them to vendors, review it regularly and report on it in aggregate. Researchers who report in good faith should not face criminal prosecution for that research, and vendors should offer a clear channel for reports.",
    rationale:
      "Vulnerabilities that are stockpiled rather than reported leave every user of the affected product exposed. A published, principle-based policy makes a State's choices predictable, and protection for good-faith researchers increases the number of flaws that reach vendors before they are exploited.",
    categories: ["III"],
    kind: "common_welfare",
    bindingness: "political",
    citations: ["ungge-j", "msft-2"],
    proposer: "representative",
    organizationSlug: "digital-rights-collective",
    status: "concluded",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should adopt a published policy for handling the vulnerabilities they discover or acquire, with a strong presumption in favour of reporting them to the vendor concerned.",
          "States should protect researchers who report vulnerabilities in good faith through a coordinated disclosure process from legal liability.",
          "Vendors should offer a clear channel for receiving vulnerability reports and acknowledge them within a reasonable time.",
        ],
      },
      {
        changeSummary:
          "Replaced the broad protection from \"legal liability\" with a narrower protection from criminal prosecution; asked vendors to keep reporters informed; added a clause on review and aggregate reporting.",
        clauses: [
          "States should adopt a published policy for handling the vulnerabilities they discover or acquire, with a strong presumption in favour of reporting them to the vendor concerned.",
          "States should ensure that researchers who report vulnerabilities in good faith through a coordinated disclosure process are not subject to criminal prosecution for that research.",
          "Vendors should offer a clear channel for receiving vulnerability reports, acknowledge them within a reasonable time and keep the reporter informed until a remedy is available.",
          "States should review their vulnerability-handling policy at regular intervals and publish aggregate figures on the vulnerabilities they have reported to vendors.",
        ],
      },
    ],
  },
  {
    title: "No peacetime attacks on critical infrastructure serving the public",
    summary:
      "In peacetime, States should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure or impairs its use to provide services to the public, nor knowingly allow their territory to be used for such activity. Each State designates its own critical infrastructure and is encouraged to make the categories public.",
    rationale:
      "Attacks on energy, water, health care or other essential services harm civilians directly and risk escalation between States. UN GGE 13(f) states the principle; this proposal restates it for peacetime, adds the duty to act on notification and asks for transparency about what each State considers critical, so that the commitment can be assessed.",
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["ungge-f", "usg-2", "ungge-c"],
    proposer: "representative",
    organizationSlug: "ministry-of-foreign-affairs-of-kenya",
    status: "endorsement",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "In peacetime, States should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure or impairs its use to provide services to the public.",
          "Critical infrastructure includes at least energy, water, health care, transport and telecommunications.",
          "States should not knowingly allow their territory to be used for such activity by others.",
        ],
      },
      {
        changeSummary:
          "Made the list of sectors illustrative and subject to national designation, adding financial services; added a duty to act on notification and a transparency clause.",
        clauses: [
          "In peacetime, States should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure or impairs its use to provide services to the public.",
          "Each State designates its own critical infrastructure; such infrastructure commonly includes energy, water, health care, transport, financial services and telecommunications.",
          "States should not knowingly allow their territory to be used for such activity and should take reasonable steps to stop it when notified.",
          "States are encouraged to make public, in general terms, the categories of infrastructure they consider critical, so that others can understand the scope of this commitment.",
        ],
      },
    ],
  },
  {
    title: "National points of contact and cooperation on incident response",
    summary:
      "Each State should designate a point of contact available at all times for ICT incidents of international significance, test it yearly, acknowledge requests for assistance promptly and consider all relevant information before drawing conclusions about an incident.",
    rationale:
      "Confidence-building measures such as contact points have reduced the risk of misunderstanding in other domains. A reachable, tested contact in every State lets incidents be handled between technical and diplomatic counterparts before they become disputes.",
    categories: ["IV", "I"],
    kind: "common_welfare",
    bindingness: "political",
    citations: ["ungge-a", "ungge-b", "ungge-h"],
    proposer: "representative",
    organizationSlug: "ministry-of-foreign-affairs-of-kenya",
    status: "concluded",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "Each State should designate a point of contact, available at all times, for communications about ICT incidents of international significance, and keep its details current in a shared directory.",
          "When a State receives an appropriate request for assistance or mitigation, it should acknowledge the request promptly and indicate the steps it intends to take.",
          "States should consider all relevant information, including the wider context of an incident and the challenges of attribution, before drawing conclusions about it.",
          "States should test their points of contact at least once a year through a communications exercise.",
        ],
      },
    ],
  },
  {
    title: "Restraint in developing cyber capabilities with uncontrolled effects",
    summary:
      "States should exercise restraint in developing offensive cyber capabilities, keep any they develop limited, precise and not reusable, refrain from capabilities designed to spread without control or cause mass effects, and prevent their theft or transfer.",
    rationale:
      "Capabilities that propagate on their own, or that leak from those who built them, can cause harm far beyond any intended target and can be reused by others. Restraint at the development stage is easier to practise than restraint once such tools exist.",
    categories: ["V"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["msft-3", "msft-4", "msft-5"],
    proposer: "otherRepresentative",
    organizationSlug: null,
    status: "draft",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should exercise restraint in developing offensive cyber capabilities and should ensure that any capabilities they develop are limited, precise and not reusable.",
          "States should not develop or use capabilities designed to propagate without control or to cause effects on a mass scale.",
          "States should take measures to prevent the theft, leakage or transfer of such capabilities to other actors.",
        ],
      },
    ],
  },
  {
    title: "Protecting electoral infrastructure",
    summary:
      "States should not damage or alter voter registers, counting and tabulation systems, the systems of electoral management bodies or the publication of results in another State. They should protect their own electoral infrastructure as critical infrastructure, enable independent audits, and respect human rights in doing so.",
    rationale:
      "Public confidence in elections depends on the integrity of the systems that record and count votes. Interference with these systems, or even its credible suspicion, can undermine political stability.\n\nProtective measures must not themselves become a pretext for restricting expression or association, hence the final clause.",
    categories: ["II", "III"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["coc-3", "ungge-e"],
    proposer: "representative",
    organizationSlug: "digital-rights-collective",
    status: "consultation",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not conduct or knowingly support ICT activity that damages or alters voter registers, vote-counting systems or the publication of results in another State.",
          "States should treat their own electoral infrastructure as critical infrastructure and protect it accordingly.",
          "Measures to protect elections should respect the freedom of expression and the right to privacy.",
        ],
      },
      {
        changeSummary:
          "Extended the scope to tabulation systems and electoral management bodies; added a clause on independent audits; broadened the human rights clause.",
        clauses: [
          "States should not conduct or knowingly support ICT activity that damages or alters voter registers, vote-counting and tabulation systems, the systems of electoral management bodies, or the publication of results in another State.",
          "States should treat their own electoral infrastructure as critical infrastructure and protect it accordingly.",
          "States should enable independent audits of electoral technology, including the publication of audit results, so that the public can have confidence in the outcome.",
          "Measures to protect elections should respect human rights, in particular the freedom of expression, the freedom of association and the right to privacy.",
        ],
      },
    ],
  },
  {
    title: "Responsibility for cyber operations conducted through proxies",
    summary:
      "States should not use non-State actors as proxies for ICT activity that would be wrongful if conducted by the State itself. Conduct carried out on a State's instructions or under its direction or control is attributable to it, and States should not knowingly allow their territory to be used by non-State actors for such activity.",
    rationale:
      "Acting through intermediaries can blur responsibility and make incidents harder to resolve. Restating how existing international law applies to such conduct would make expectations clearer for all parties.",
    categories: ["II"],
    kind: "mutual_restraint",
    bindingness: "legal",
    citations: ["ungge-c", "tallinn-5", "usg-4"],
    proposer: "member",
    organizationSlug: null,
    status: "withdrawn",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not use non-State actors to conduct ICT activity that they would not be permitted to conduct themselves.",
          "A State that directs or controls a non-State actor's ICT activity bears responsibility for that activity under international law.",
        ],
      },
      {
        changeSummary:
          "Aligned the wording with the law of State responsibility; added a clause on the use of a State's territory by non-State actors.",
        clauses: [
          "States should not use non-State actors as proxies to conduct ICT activity that would be an internationally wrongful act if conducted by the State itself.",
          "Conduct of a non-State actor acting on the instructions of, or under the direction or control of, a State is attributable to that State under international law.",
          "States should not knowingly allow their territory to be used by non-State actors for ICT activity that adversely and unlawfully affects other States, and should take reasonable steps to end such activity when notified.",
        ],
      },
    ],
  },
  {
    title: "Mutual legal assistance in cybercrime investigations",
    summary:
      "Parties will designate a central authority for mutual legal assistance on offences committed by means of ICTs, answer requests to preserve electronic data quickly, refuse assistance only on stated grounds including human rights obligations, and publish yearly statistics on requests.",
    rationale:
      "Evidence of cybercrime is often held abroad and can disappear within days, while formal assistance procedures can take months. Expedited preservation and a single central authority shorten that gap, and published statistics let Parties see whether the arrangement works.",
    categories: ["IV"],
    kind: "common_welfare",
    bindingness: "legal",
    citations: ["coc-4", "tallinn-2", "usg-4"],
    proposer: "representative",
    organizationSlug: "ministry-of-foreign-affairs-of-kenya",
    status: "draft",
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "Parties will designate a central authority to send and receive requests for mutual legal assistance concerning offences committed by means of ICTs.",
          "Parties will respond to requests for the expedited preservation of stored electronic data within a short specified period, pending a formal request for its disclosure.",
          "A Party may refuse assistance where the request concerns conduct that is not an offence under its law, or where granting it would be incompatible with its obligations under international human rights law.",
          "Parties will publish annual statistics on the number of requests sent, received and answered.",
        ],
      },
    ],
  },
  {
    title: "Preserving the integrity of financial system data",
    summary:
      "States should not alter or destroy the data of financial institutions or of payment, clearing and settlement systems. Financial institutions should keep offline, tamper-evident copies of critical records, test restoring accounts from them, and share indicators of compromise through sector arrangements while protecting personal data.",
    rationale:
      "The financial system depends on confidence that balances and transaction records are accurate. An incident that corrupts such data, rather than merely interrupting service, could spread across institutions and borders and be very hard to reverse.",
    categories: ["II", "III"],
    kind: "common_welfare",
    bindingness: "technical",
    citations: ["ungge-f", "ungge-g"],
    proposer: "otherRepresentative",
    organizationSlug: "open-networks-ltd",
    status: "consultation",
    // The demo's consultation past its date, awaiting the secretariat's decision.
    lastOpenDayInDays: -3,
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not conduct or knowingly support ICT activity that alters or destroys the data of financial institutions, including account balances and transaction records.",
          "Financial institutions should keep offline, tamper-evident copies of critical records so that accounts can be restored after an incident.",
          "Financial institutions and their supervisors should share indicators of compromise through sector information-sharing arrangements.",
        ],
      },
      {
        changeSummary:
          "Extended the scope to payment, clearing and settlement systems; asked for restoration to be tested within an agreed period; removed the reference to supervisors and added protection of personal data.",
        clauses: [
          "States should not conduct or knowingly support ICT activity that alters or destroys the data of financial institutions or of payment, clearing and settlement systems, including account balances and transaction records.",
          "Financial institutions should keep offline, tamper-evident copies of critical records and test their ability to restore accounts from those copies within an agreed period after an incident.",
          "Financial institutions should share indicators of compromise through sector information-sharing arrangements, with appropriate protection of personal data.",
        ],
      },
    ],
  },
  {
    title: "Protecting the data of humanitarian organisations",
    summary:
      "States should not conduct or knowingly support ICT activity that damages, alters or discloses the data that humanitarian organisations hold about the people they assist, and should help those organisations when activity from their territory threatens that data.",
    rationale:
      "Humanitarian organisations hold lists of displaced people, medical records and the locations of aid deliveries. Their misuse can endanger the people the data describes. The proposal extends the existing restraint on attacks against infrastructure serving the public to the data on which humanitarian work depends.\n\nThe secretariat opened its endorsement stage sealed, so that states can decide without committing in public before others do.",
    categories: ["II", "IV"],
    kind: "mutual_restraint",
    bindingness: "political",
    citations: ["ungge-f", "ungge-c"],
    proposer: "otherRepresentative",
    organizationSlug: null,
    status: "endorsement",
    sealed: true,
    versions: [
      {
        changeSummary: "First version",
        clauses: [
          "States should not conduct or knowingly support ICT activity that intentionally damages, alters or discloses the data that humanitarian organisations hold about the people they assist.",
          "States should take reasonable steps to stop such activity from their territory when a humanitarian organisation notifies them of it.",
          "Humanitarian organisations should keep only the personal data their work requires and protect it according to recognised standards.",
        ],
      },
    ],
  },
];

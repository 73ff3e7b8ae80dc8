// The forum's house rules. Each has a stable identifier that moderation decisions cite, so an
// identifier is never reused or renumbered: retire a rule by marking it, never by deleting it.
export interface HouseRule {
  id: string;
  title: string;
  text: string;
}

export const houseRules = [
  {
    id: "HR-1",
    title: "Discuss the norm",
    text: "Comments are about the norm under discussion: its text, its reasoning, how it would apply, and how it relates to other norms and agreements.",
  },
  {
    id: "HR-2",
    title: "Respect people",
    text: "No personal attacks, harassment, threats or intimidation, against anyone inside or outside the forum. Criticise positions and arguments, not people.",
  },
  {
    id: "HR-3",
    title: "No hateful content",
    text: "No content that attacks or demeans people for their nationality, ethnicity, religion, gender, sexual orientation, disability or any similar characteristic.",
  },
  {
    id: "HR-4",
    title: "No operational harm",
    text: "No instructions or code for attacks, no working exploits, and no details of unpatched vulnerabilities that could help someone cause harm. Point to coordinated disclosure channels instead.",
  },
  {
    id: "HR-5",
    title: "Protect privacy",
    text: "No personal data about other people (home addresses, private contact details, identity documents) and no publication of private correspondence without consent.",
  },
  {
    id: "HR-6",
    title: "Be honest about who speaks",
    text: "Speak for an organisation only when you represent it. Do not impersonate others, and do not coordinate accounts to make a view look more widely held than it is.",
  },
  {
    id: "HR-7",
    title: "No spam or advertising",
    text: "No repeated, off-topic or promotional content, and no links posted mainly to drive traffic.",
  },
  {
    id: "HR-8",
    title: "Lawful content only",
    text: "No content that is unlawful to publish, such as material that infringes copyright or violates a court order.",
  },
] as const satisfies readonly HouseRule[];

export type HouseRuleId = (typeof houseRules)[number]["id"];
export const houseRuleIds = houseRules.map((r) => r.id) as [HouseRuleId, ...HouseRuleId[]];
export const houseRule = (id: string | null | undefined) => houseRules.find((r) => r.id === id) ?? null;

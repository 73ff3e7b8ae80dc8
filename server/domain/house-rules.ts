// The forum's house rules. Each has a stable identifier that moderation decisions cite, so an
// identifier is never reused or renumbered: retire a rule by marking it, never by deleting it.
import english from "~/messages/en/houseRules.json";

export interface HouseRule {
  id: string;
  title: string;
  text: string;
}

/** The rules' identifiers, in order; their titles and texts are messages (messages/<locale>/houseRules.json). */
const ids = ["HR-1", "HR-2", "HR-3", "HR-4", "HR-5", "HR-6", "HR-7", "HR-8"] as const;

/** The rules in English, as moderation decisions and their mail cite them; pages show them in the reader's language. */
export const houseRules = ids.map((id) => ({ id, ...english[id] })) satisfies readonly HouseRule[];

export type HouseRuleId = (typeof ids)[number];
export const houseRuleIds = houseRules.map((r) => r.id) as [HouseRuleId, ...HouseRuleId[]];
export const houseRule = (id: string | null | undefined) => houseRules.find((r) => r.id === id) ?? null;

// The worked example on the methodology page. The page renders what computeMeasures returns for
// these positions, and server/domain/methodology-example.test.ts checks those figures, so the
// example can never drift from the formulas the forum uses.
import { computeMeasures, type MeasuredPosition } from "~/server/domain/measures";
import { regions, stakeholderTypes } from "~/server/schemas/vocabulary";

/** Keys of the fictional organisations; their names are in messages/en/methodology.json. */
export const exampleOrganizationKeys = ["ministryA", "ministryB", "cert", "company", "ngo", "university", "network"] as const;
export type ExampleOrganizationKey = (typeof exampleOrganizationKeys)[number];

export type ExamplePosition = MeasuredPosition & { organization: ExampleOrganizationKey };

export const examplePositions = [
  { organization: "ministryA", stakeholderType: "state", region: "african", stance: "endorse", verified: true, current: true },
  { organization: "ministryB", stakeholderType: "state", region: "weog", stance: "object", verified: true, current: true },
  { organization: "cert", stakeholderType: "technical_community", region: "asia_pacific", stance: "endorse", verified: true, current: true },
  { organization: "company", stakeholderType: "private_sector", region: "weog", stance: "endorse_with_reservations", verified: true, current: false },
  { organization: "ngo", stakeholderType: "civil_society", region: "latin_american_caribbean", stance: "endorse", verified: true, current: true },
  { organization: "university", stakeholderType: "academia", region: "eastern_european", stance: "abstain", verified: true, current: true },
  // Its verification was revoked: listed with the others, counted nowhere.
  { organization: "network", stakeholderType: "civil_society", region: "global", stance: "object", verified: false, current: true },
] as const satisfies readonly ExamplePosition[];

export const exampleMeasures = computeMeasures(examplePositions);

const endorsement = (stakeholderType: MeasuredPosition["stakeholderType"], region: MeasuredPosition["region"]): MeasuredPosition => ({
  stance: "endorse",
  stakeholderType,
  region,
  verified: true,
  current: true,
});

/** Two norms that support alone cannot tell apart: both are endorsed by everyone who took a position. */
export const comparison = {
  // A hundred endorsements, all from states of one regional group.
  oneGroup: computeMeasures(Array.from({ length: 100 }, () => endorsement("state", "weog"))),
  // Six endorsements: one from each stakeholder type, each from a different region.
  everyGroup: computeMeasures(stakeholderTypes.map((type, i) => endorsement(type, regions[i] ?? "global"))),
};

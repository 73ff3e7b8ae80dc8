// The states that have a profile at /states/{iso} (issue 19): the 193 members of the United Nations
// and its two non-member observer states (the Holy See, the State of Palestine), each by its ISO
// 3166-1 alpha-2 code and, where it belongs to one, its UN regional group (the forum's regions).
// Names come from countries.ts (Intl.DisplayNames), so they follow the interface language later.
import { z } from "zod";
import { countryName } from "./countries";
import type { Region } from "./vocabulary";

export const unMembershipKinds = ["member", "observer"] as const;
export type UnMembershipKind = (typeof unMembershipKinds)[number];

/** A UN regional group (the forum's regions without `global`). */
export type UnRegion = Exclude<Region, "global">;

const codes = (list: string) => list.trim().split(/\s+/);

// Members by regional group. The United States takes part in the Western European and Others
// Group as an observer and counts in it for elections, so it is listed there; Kiribati sits with
// the Asia-Pacific group.
const membersByRegion: Record<UnRegion, string[]> = {
  african: codes(`
    DZ AO BJ BW BF BI CV CM CF TD KM CG CI CD DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU
    MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TG TN UG TZ ZM ZW`),
  asia_pacific: codes(`
    AF BH BD BT BN KH CN CY KP FJ IN ID IR IQ JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR NP OM PK PW PG
    PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE`),
  eastern_european: codes(`AL AM AZ BY BA BG HR CZ EE GE HU LV LT MD ME MK PL RO RU RS SK SI UA`),
  latin_american_caribbean: codes(`
    AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE`),
  weog: codes(`AD AU AT BE CA DK FI FR DE GR IS IE IL IT LI LU MT MC NL NZ NO PT SM ES SE CH TR GB US`),
};

export interface UnState {
  iso: string;
  membership: UnMembershipKind;
  /** Its UN regional group; null for the Holy See, which belongs to none. */
  region: UnRegion | null;
}

export const unStates: readonly UnState[] = [
  ...Object.entries(membersByRegion).flatMap(([region, list]) => list.map((iso) => ({ iso, membership: "member" as const, region: region as UnRegion }))),
  { iso: "VA", membership: "observer", region: null },
  // Palestine takes part in the Asia-Pacific group.
  { iso: "PS", membership: "observer", region: "asia_pacific" },
];

const byIso = new Map(unStates.map((s) => [s.iso, s]));

/** The UN member or observer state with this code (either case), or null. */
export const findUnState = (iso: string): UnState | null => byIso.get(iso.toUpperCase()) ?? null;

/** The canonical form of a state's code in addresses: lower case (`/states/ke`). */
export const stateSlug = (iso: string) => iso.toLowerCase();

// The UN's own names for its two observer states, where the region names differ ("Vatican City",
// "Palestinian Territories"): a state's profile names the state.
const observerNames: Record<string, Record<string, string>> = { en: { VA: "Holy See", PS: "State of Palestine" } };

export const stateName = (iso: string, locale = "en") => observerNames[locale]?.[iso.toUpperCase()] ?? countryName(iso.toUpperCase(), locale);

/** Every state with its name, in name order. */
export const unStatesByName = (locale = "en") =>
  unStates.map((s) => ({ ...s, name: stateName(s.iso, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));

// An address's code: two letters, either case; whether it names a UN state is the domain's answer
// (not found), not a field error.
export const isoInput = z.strictObject({
  iso: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Give a two-letter ISO 3166-1 code.")
    .transform((s) => s.toUpperCase()),
});

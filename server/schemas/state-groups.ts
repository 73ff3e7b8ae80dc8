// Groups of states that a document can name as its parties at once (an uptake's `parties` may hold
// `group:un` rather than 193 codes). Memberships are the current ones (2026); a group's key says
// "all its members", so a record for an older document names the states themselves when the
// membership then was different (the SCO in 2015, for instance).
import { unStates } from "./un-states";

const unMemberStates = unStates.filter((s) => s.membership === "member").map((s) => s.iso);

const codes = (list: string) => list.split(" ");

export const stateGroups = {
  "group:un": { name: "United Nations member states", members: unMemberStates },
  "group:osce": {
    name: "OSCE participating States",
    members: codes(
      "AL AD AM AT AZ BY BE BA BG CA HR CY CZ DK EE FI FR GE DE GR VA HU IS IE IT KZ KG LV LI LT LU MT MD MC MN ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB US UZ",
    ),
  },
  // The G20's member countries (the European Union and the African Union are members too, not states).
  "group:g20": { name: "G20 member countries", members: codes("AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US") },
  "group:g7": { name: "G7 members", members: codes("CA FR DE IT JP GB US") },
  "group:sco": { name: "Shanghai Cooperation Organisation member states", members: codes("CN KZ KG RU TJ UZ IN PK IR BY") },
  "group:asean": { name: "ASEAN member states", members: codes("BN KH ID LA MY MM PH SG TH VN TL") },
  "group:eu": {
    name: "European Union member states",
    members: codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"),
  },
  "group:nato": {
    name: "NATO member states",
    members: codes("AL BE BG CA HR CZ DK EE FI FR DE GR HU IS IT LV LT LU ME NL MK NO PL PT RO SK SI ES SE TR GB US"),
  },
  // The African Union's members, the Sahrawi Arab Democratic Republic (EH) among them.
  "group:au": {
    name: "African Union member states",
    members: codes(
      "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW EH ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW",
    ),
  },
} as const satisfies Record<string, { name: string; members: readonly string[] }>;

export type StateGroupKey = keyof typeof stateGroups;
export const stateGroupKeys = Object.keys(stateGroups) as StateGroupKey[];
export const isStateGroupKey = (key: string): key is StateGroupKey => key in stateGroups;

/** The groups a state belongs to, e.g. ["group:un", "group:osce", "group:g20", …] for "US". */
export function groupsOf(iso: string): StateGroupKey[] {
  return stateGroupKeys.filter((key) => (stateGroups[key].members as readonly string[]).includes(iso));
}

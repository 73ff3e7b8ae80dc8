// The shape of the large dataset, decided before any row is written: who exists, what state each
// norm is in and when each step of its life happened, and how many positions and comments each
// norm gets. Everything is a pure function of (seed, scale). Rows (generate.ts) are drawn from it.
import type { NormStatus, Region, StakeholderType, Stance, VerificationStatus } from "~/server/schemas/vocabulary";
import type { normEventTypes } from "~/db/schema";
import { rngFor, type Rng } from "./random";
import { normTitle, statement } from "./text";

export const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365 * DAY;
/** "Now" for the dataset: fixed, so two runs write the same timestamps. */
export const ANCHOR = Date.UTC(2026, 10, 1);
const HISTORY = 4 * YEAR;

export const AT_SCALE_1 = { norms: 100_000, organizations: 20_000, positions: 1_000_000, comments: 1_000_000, individuals: 15_000 };

// Countries by UN regional group (ISO 3166-1 alpha-2); a state speaks through one verified organisation per country.
const countriesByRegion: Record<Exclude<Region, "global">, string[]> = {
  african: "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW".split(" "),
  asia_pacific: "AF BH BD BT BN KH CN CY FJ IN ID IR IQ JP JO KZ KW KG LA LB MY MV MH FM MN MM NR NP KP OM PK PW PG PH QA KR WS SA SG SB LK SY TJ TH TL TO TM TV AE UZ VU VN YE".split(" "),
  eastern_european: "AL AM AZ BY BA BG HR CZ EE GE HU LV LT ME MD PL RO RU RS SK SI MK UA".split(" "),
  latin_american_caribbean: "AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE".split(" "),
  weog: "AD AT BE DK FI FR DE GR IS IE IT LI LU MT MC NL NO PT SM ES SE CH TR GB CA AU NZ IL US".split(" "),
};
const homeRegions = Object.keys(countriesByRegion) as Exclude<Region, "global">[];
/** Countries interleaved across regions, so even a handful of states covers every region. */
const statesInOrder: { country: string; region: Exclude<Region, "global"> }[] = [];
for (let i = 0; statesInOrder.length < Object.values(countriesByRegion).flat().length; i++) {
  for (const region of homeRegions) {
    const country = countriesByRegion[region][i];
    if (country) statesInOrder.push({ country, region });
  }
}

export interface Sizes {
  norms: number;
  organizations: number;
  positions: number;
  comments: number;
  individuals: number;
}

export function sizesFor(scale: number): Sizes {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    norms: n(AT_SCALE_1.norms),
    organizations: Math.max(12, n(AT_SCALE_1.organizations)),
    positions: n(AT_SCALE_1.positions),
    comments: n(AT_SCALE_1.comments),
    individuals: Math.max(10, n(AT_SCALE_1.individuals)),
  };
}

export interface Organization {
  type: StakeholderType;
  region: Region;
  country: string | null;
  status: VerificationStatus;
  createdAt: number;
  /** When it was verified (NaN if never): it can speak from then on. */
  verifiedAt: number;
  /** When its verification was revoked or it was rejected (NaN otherwise). */
  statusChangedAt: number;
  representatives: number[];
  members: number[];
}

export interface Person {
  role: "member" | "secretariat" | "admin";
  createdAt: number;
  organization: number;
  representative: boolean;
}

export const ADMIN = 0;
export const SECRETARIAT = [1, 2, 3];

type EventType = (typeof normEventTypes)[number];
export interface NormEvent {
  type: EventType;
  from: NormStatus | null;
  to: NormStatus | null;
  version: number;
  actor: number;
  at: number;
}

export interface NormPlan {
  status: NormStatus;
  kind: "mutual_restraint" | "common_welfare";
  bindingness: "political" | "legal" | "technical";
  language: string;
  title: string;
  name: string;
  proposer: number;
  organization: number;
  coauthors: number[];
  createdAt: number;
  /** Creation time of each version, from version 1. */
  versionAt: number[];
  versionAuthor: number[];
  clauseCounts: number[];
  events: NormEvent[];
  /** When it left the draft (NaN if it never did); positions and comments start then. */
  submittedAt: number;
  /** When positions and comments closed (the anchor for norms still open). */
  closesAt: number;
  mergedInto: number;
  positions: number;
  comments: number;
  /** 0..1: how well it is received, which tilts its stances. */
  reception: number;
}

export interface Plan {
  seed: number;
  sizes: Sizes;
  organizations: Organization[];
  people: Person[];
  norms: NormPlan[];
  /** Organisations ever verified, by verification time: those that can have spoken by a given time are a prefix. */
  speakers: number[];
  speakerVerifiedAt: Float64Array;
  /** People from this index on belong to no organisation. */
  individualsFrom: number;
}

const statusWeights: [NormStatus, number][] = [
  ["draft", 8],
  ["consultation", 38],
  ["endorsement", 16],
  ["concluded", 26],
  ["withdrawn", 7],
  ["merged", 5],
];

const typeWeights: [Exclude<StakeholderType, "state">, number][] = [
  ["intergovernmental", 3],
  ["private_sector", 35],
  ["civil_society", 30],
  ["academia", 17],
  ["technical_community", 15],
];

function planOrganizations(seed: number, sizes: Sizes, people: Person[]): Organization[] {
  const stateCount = Math.min(statesInOrder.length, Math.max(6, Math.round(sizes.organizations * 0.012)));
  const organizations: Organization[] = [];
  for (let o = 0; o < sizes.organizations; o++) {
    const rng = rngFor(seed, "organization", o);
    let type: StakeholderType;
    let region: Region;
    let country: string | null;
    if (o < stateCount) {
      type = "state";
      ({ region, country } = statesInOrder[o]!);
    } else {
      type = typeWeights[rng.weighted(typeWeights.map((t) => t[1]))]![0];
      const global = type === "intergovernmental" ? rng.chance(0.6) : rng.chance(0.05);
      region = global ? "global" : rng.pick(homeRegions);
      country = region === "global" ? null : rng.pick(countriesByRegion[region as Exclude<Region, "global">]);
    }
    const status: VerificationStatus =
      type === "state" ? (["verified", "pending", "revoked"] as const)[rng.weighted([90, 5, 5])]! : (["verified", "pending", "rejected", "revoked"] as const)[rng.weighted([80, 9, 3, 8])]!;
    // The verification queue holds recent applications; everyone else applied over the years.
    const createdAt = status === "pending" ? ANCHOR - rng.next() * 90 * DAY : ANCHOR - HISTORY - YEAR + rng.next() * (HISTORY + YEAR - 60 * DAY);
    const decidedAt = createdAt + (1 + rng.next() * 13) * DAY;
    const verifiedAt = status === "verified" || status === "revoked" ? decidedAt : NaN;
    const statusChangedAt = status === "revoked" ? Math.max(verifiedAt + 30 * DAY, ANCHOR - rng.next() * 180 * DAY) : status === "rejected" ? decidedAt : NaN;
    const organization: Organization = { type, region, country, status, createdAt, verifiedAt, statusChangedAt, representatives: [], members: [] };
    const representatives = rng.chance(0.25) ? 2 : 1;
    for (let r = 0; r < representatives; r++) {
      organization.representatives.push(people.length);
      people.push({ role: "member", createdAt: createdAt - (r === 0 ? DAY : 0), organization: o, representative: true });
    }
    const members = rng.weighted([50, 35, 15]);
    for (let m = 0; m < members; m++) {
      organization.members.push(people.length);
      people.push({ role: "member", createdAt: Math.min(ANCHOR - DAY, createdAt + (m + 1) * DAY), organization: o, representative: false });
    }
    organizations.push(organization);
  }
  return organizations;
}

/** The version in force at time `at`: the last one created at or before it. */
export function versionAt(plan: NormPlan, at: number): number {
  let v = 1;
  for (let i = 1; i < plan.versionAt.length; i++) if (plan.versionAt[i]! <= at) v = i + 1;
  return v;
}

function planNorm(seed: number, i: number, sizes: Sizes, plan: Plan): NormPlan {
  const rng = rngFor(seed, "norm", i);
  let status = statusWeights[rng.weighted(statusWeights.map((s) => s[1]))]![0];
  const language = (["en", "fr", "es"] as const)[rng.weighted([92, 4, 4])]!;
  const { title, name } = normTitle(rngFor(seed, "title", i), language);
  const createdAt = ANCHOR - HISTORY + ((i + rng.next()) * (HISTORY - 2 * DAY)) / sizes.norms;
  const versions = 1 + rng.weighted([57, 24, 11, 5, 3]);

  // Proposed on behalf of a verified organisation by its representative, or in a person's own name.
  let proposer: number;
  let organization = -1;
  const speakers = prefixBefore(plan.speakerVerifiedAt, createdAt);
  if (speakers > 0 && rng.chance(0.55)) {
    const o = plan.speakers[rng.int(speakers)]!;
    const org = plan.organizations[o]!;
    proposer = rng.pick(org.representatives);
    const revokedBefore = org.status === "revoked" && org.statusChangedAt < createdAt;
    if (!revokedBefore && rng.chance(0.8)) organization = o;
  } else {
    proposer = individual(rng, plan);
  }
  const coauthors: number[] = [];
  if (rng.chance(0.15)) {
    for (let c = rng.between(1, 2); c > 0; c--) {
      const person = individual(rng, plan);
      if (person !== proposer && !coauthors.includes(person)) coauthors.push(person);
    }
  }

  // Phase lengths, squeezed to fit between the norm's creation and the anchor.
  const draftDays = 1 + rng.next() * 29;
  const consultationDays = 20 + rng.next() * 180;
  const endorsementDays = 15 + rng.next() * 105;
  const withdrawnFrom = status === "withdrawn" ? (["draft", "consultation", "endorsement"] as const)[rng.weighted([30, 60, 10])]! : null;
  const mergedFrom = status === "merged" ? (["consultation", "endorsement"] as const)[rng.weighted([75, 25])]! : null;
  const reachesEndorsement = status === "endorsement" || status === "concluded" || withdrawnFrom === "endorsement" || mergedFrom === "endorsement";
  const submitted = status !== "draft" && withdrawnFrom !== "draft";
  const closes = status === "concluded" || status === "withdrawn" || status === "merged";
  const phases = [draftDays, submitted ? consultationDays : 0, reachesEndorsement && closes ? endorsementDays : 0];
  const needed = phases.reduce((a, b) => a + b, 0) * DAY;
  const room = (ANCHOR - createdAt) * 0.95;
  const squeeze = needed > room ? room / needed : 1;
  const [draftMs, consultationMs, endorsementMs] = phases.map((d) => d * DAY * squeeze) as [number, number, number];
  const submittedAt = submitted ? createdAt + draftMs : NaN;
  const endorsementAt = reachesEndorsement ? submittedAt + (consultationMs || (ANCHOR - submittedAt) * 0.5) : NaN;
  let closesAt = ANCHOR;
  if (closes) closesAt = reachesEndorsement ? endorsementAt + endorsementMs : submitted ? submittedAt + consultationMs : createdAt + draftMs;

  // Revisions: in the draft, or during consultation (the text freezes in endorsement).
  const editableUntil = !submitted ? closesAt : reachesEndorsement ? endorsementAt : closesAt;
  const versionTimes = [createdAt];
  for (let v = 1; v < versions; v++) {
    const inDraft = !submitted || rng.chance(0.3);
    const from = inDraft ? createdAt : submittedAt;
    const to = inDraft ? (submitted ? submittedAt : editableUntil) : editableUntil;
    versionTimes.push(from + rng.next() * (to - from));
  }
  versionTimes.sort((a, b) => a - b);
  const authors = [proposer, ...coauthors];
  const versionAuthor = versionTimes.map((_, v) => (v === 0 ? proposer : rng.pick(authors)));
  const clauseCounts = [rng.between(3, 10)];
  for (let v = 1; v < versions; v++) clauseCounts.push(Math.min(14, Math.max(2, clauseCounts[v - 1]! + rng.pick([-1, 0, 0, 1]))));

  const norm: NormPlan = {
    status,
    kind: rng.chance(0.6) ? "mutual_restraint" : "common_welfare",
    bindingness: (["political", "legal", "technical"] as const)[rng.weighted([60, 15, 25])]!,
    language,
    title,
    name,
    proposer,
    organization,
    coauthors,
    createdAt,
    versionAt: versionTimes,
    versionAuthor,
    clauseCounts,
    events: [],
    submittedAt,
    closesAt: submitted ? closesAt : NaN,
    mergedInto: -1,
    positions: 0,
    comments: 0,
    reception: rng.next(),
  };

  if (status === "merged") {
    // Into an earlier norm that was public when this one was merged.
    for (let attempt = 0; attempt < 30 && norm.mergedInto < 0; attempt++) {
      const j = i - 1 - rng.int(Math.min(i, 2000));
      const target = plan.norms[j];
      if (target && (target.status === "consultation" || target.status === "endorsement" || target.status === "concluded") && target.submittedAt < closesAt) {
        norm.mergedInto = j;
      }
    }
    if (norm.mergedInto < 0) status = norm.status = "withdrawn";
  }

  const staff = () => rng.pick(SECRETARIAT);
  const events: NormEvent[] = [{ type: "created", from: null, to: "draft", version: 1, actor: proposer, at: createdAt }];
  for (let v = 1; v < versions; v++) events.push({ type: "revised", from: null, to: null, version: v + 1, actor: versionAuthor[v]!, at: versionTimes[v]! });
  const transition = (type: EventType, from: NormStatus, to: NormStatus, at: number, actor: number) =>
    events.push({ type, from, to, version: versionAt(norm, at), actor, at });
  if (submitted) transition("submit", "draft", "consultation", submittedAt, proposer);
  if (reachesEndorsement) {
    transition("openEndorsement", "consultation", "endorsement", endorsementAt, staff());
    const end = closes ? closesAt : ANCHOR;
    if (rng.chance(0.06)) {
      // Sent back for more discussion, then reopened for endorsement.
      transition("returnToConsultation", "endorsement", "consultation", endorsementAt + (end - endorsementAt) * 0.3, staff());
      transition("openEndorsement", "consultation", "endorsement", endorsementAt + (end - endorsementAt) * 0.6, staff());
    }
  }
  const last: NormStatus = !submitted ? "draft" : reachesEndorsement ? "endorsement" : "consultation";
  if (status === "concluded") transition("conclude", "endorsement", "concluded", closesAt, staff());
  if (status === "withdrawn") transition("withdraw", last, "withdrawn", closesAt, proposer);
  if (status === "merged") transition("merge", last, "merged", closesAt, staff());
  norm.events = events.sort((a, b) => a.at - b.at);
  return norm;
}

function individual(rng: Rng, plan: { people: Person[]; individualsFrom: number }) {
  return plan.individualsFrom + rng.int(plan.people.length - plan.individualsFrom);
}

/** How many entries of an ascending array are below `t`. */
export function prefixBefore(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits `total` over the weights exactly, never giving an entry more than its cap. */
function allocate(rng: Rng, weights: number[], caps: number[], total: number): number[] {
  const counts = weights.map(() => 0);
  let remaining = total;
  for (let round = 0; round < 8 && remaining > 0; round++) {
    let sum = 0;
    for (let i = 0; i < weights.length; i++) if (counts[i]! < caps[i]!) sum += weights[i]!;
    if (sum === 0) break;
    const before = remaining;
    for (let i = 0; i < weights.length; i++) {
      if (counts[i]! >= caps[i]!) continue;
      const add = Math.min(caps[i]! - counts[i]!, Math.floor((before * weights[i]!) / sum));
      counts[i]! += add;
      remaining -= add;
    }
    if (remaining === before) break;
  }
  const open = counts.map((c, i) => (c < caps[i]! ? i : -1)).filter((i) => i >= 0);
  while (remaining > 0 && open.length > 0) {
    const k = rng.int(open.length);
    const i = open[k]!;
    counts[i]! += 1;
    remaining -= 1;
    if (counts[i]! >= caps[i]!) open.splice(k, 1);
  }
  return counts;
}

export function makePlan(seed: number, scale: number): Plan {
  const sizes = sizesFor(scale);
  const people: Person[] = [
    { role: "admin", createdAt: ANCHOR - HISTORY - YEAR, organization: -1, representative: false },
    ...SECRETARIAT.map(() => ({ role: "secretariat" as const, createdAt: ANCHOR - HISTORY - YEAR, organization: -1, representative: false })),
  ];
  const organizations = planOrganizations(seed, sizes, people);
  const individualsFrom = people.length;
  const rng = rngFor(seed, "people", 0);
  for (let p = 0; p < sizes.individuals; p++) people.push({ role: "member", createdAt: ANCHOR - HISTORY - YEAR + rng.next() * YEAR, organization: -1, representative: false });

  const speakers = organizations.map((o, i) => ({ i, at: o.verifiedAt })).filter((s) => !Number.isNaN(s.at)).sort((a, b) => a.at - b.at || a.i - b.i);
  const base: Plan = {
    seed,
    sizes,
    organizations,
    people,
    individualsFrom,
    speakers: speakers.map((s) => s.i),
    speakerVerifiedAt: Float64Array.from(speakers.map((s) => s.at)),
    norms: [],
  };
  for (let i = 0; i < sizes.norms; i++) base.norms.push(planNorm(seed, i, sizes, base));

  // Positions and comments: heavy-tailed over the norms that reached consultation, with a few
  // flagship norms as busy as the forum's busiest (2,000 positions, 500+ comments at scale 1).
  const alloc = rngFor(seed, "allocation", 0);
  const public_ = base.norms.map((n, i) => ({ n, i })).filter(({ n }) => !Number.isNaN(n.submittedAt));
  const weights = public_.map(() => Math.exp(1.1 * alloc.normal()));
  // Organisations that can speak on a norm: verified before it closed; revoked ones not counted.
  const revokedBefore = new Int32Array(base.speakers.length + 1);
  base.speakers.forEach((o, k) => (revokedBefore[k + 1] = revokedBefore[k]! + (organizations[o]!.status === "revoked" ? 1 : 0)));
  const caps = public_.map(({ n }) => {
    const prefix = prefixBefore(base.speakerVerifiedAt, n.closesAt);
    return prefix - revokedBefore[prefix]!;
  });
  const flagships = public_
    .map(({ n }, k) => ({ k, open: n.status === "consultation" || n.status === "endorsement" }))
    .filter((f) => f.open)
    .slice(0, Math.max(1, Math.round(10 * scale)))
    .map((f) => f.k);
  const flagshipPositions = Math.min(2000, Math.floor(base.speakers.length * 0.5), Math.floor(sizes.positions / (2 * flagships.length)));
  const flagshipComments = Math.min(600, Math.floor(sizes.comments / (10 * flagships.length)));
  const positionCaps = caps.map((c, k) => (flagships.includes(k) ? Math.min(c, flagshipPositions) : Math.min(c, 1500)));
  const positionWeights = weights.map((w, k) => (flagships.includes(k) ? 1e9 : w));
  const positions = allocate(alloc, positionWeights, positionCaps, sizes.positions);
  const commentWeights = weights.map((w, k) => (flagships.includes(k) ? 1e9 : w * Math.exp(0.5 * alloc.normal())));
  const commentCaps = public_.map((_, k) => (flagships.includes(k) ? flagshipComments : 400));
  const comments = allocate(alloc, commentWeights, commentCaps, sizes.comments);
  public_.forEach(({ n }, k) => {
    n.positions = positions[k]!;
    n.comments = comments[k]!;
  });
  return base;
}

export interface PositionEntry {
  kind: "recorded" | "reaffirmed";
  stance: Stance;
  statement: string;
  version: number;
  recordedBy: number;
  at: number;
}
export interface PlannedPosition {
  organization: number;
  entries: PositionEntry[];
}

const stanceList: Stance[] = ["endorse", "endorse_with_reservations", "object", "abstain"];

/**
 * A norm's positions, each with its history: recorded while the norm was open and the organisation
 * verified, by one of its representatives, on the version in force; later entries change the
 * stance or statement, or reaffirm it on a newer text. Deterministic, so it can be drawn twice
 * (for the norm's measures and for the rows) without being kept in memory.
 */
export function positionsOf(plan: Plan, i: number): PlannedPosition[] {
  const norm = plan.norms[i]!;
  if (norm.positions === 0) return [];
  const rng = rngFor(plan.seed, "positions", i);
  const eligible = prefixBefore(plan.speakerVerifiedAt, norm.closesAt);
  const weights = [0.2 + 0.5 * norm.reception, 0.2, 0.05 + 0.3 * (1 - norm.reception), 0.12];
  const out: PlannedPosition[] = [];
  // Organisations verified before the norm closed, in random order; revoked ones may have lost
  // their voice before it opened and are passed over (the allocation never counts on them).
  for (const k of rng.shuffled(eligible)) {
    if (out.length >= norm.positions) break;
    const o = plan.speakers[k]!;
    const org = plan.organizations[o]!;
    const start = Math.max(norm.submittedAt, org.verifiedAt);
    const end = org.status === "revoked" ? Math.min(norm.closesAt, org.statusChangedAt) : norm.closesAt;
    if (!(end > start)) continue;
    const n = 1 + rng.weighted([70, 22, 8]);
    const times = Array.from({ length: n }, () => start + rng.next() * (end - start)).sort((a, b) => a - b);
    const entries: PositionEntry[] = [];
    for (const at of times) {
      const version = versionAt(norm, at);
      const previous = entries.at(-1);
      const recordedBy = rng.pick(org.representatives);
      if (!previous) {
        entries.push({ kind: "recorded", stance: stanceList[rng.weighted(weights)]!, statement: statement(rng), version, recordedBy, at });
      } else if (version > previous.version && rng.chance(0.5)) {
        entries.push({ ...previous, kind: "reaffirmed", version, recordedBy, at });
      } else {
        // A new entry must differ from the one before (recording the same thing changes nothing).
        let stance = stanceList[rng.weighted(weights)]!;
        if (stance === previous.stance && version === previous.version) stance = stanceList[(stanceList.indexOf(stance) + 1 + rng.int(3)) % 4]!;
        entries.push({ kind: "recorded", stance, statement: statement(rng), version, recordedBy, at });
      }
    }
    out.push({ organization: o, entries });
  }
  return out;
}

export interface PlannedComment {
  index: number;
  parent: number;
  thread: number;
  depth: number;
  version: number;
  clause: number | null;
  author: number;
  organization: number;
  at: number;
  status: "visible" | "hidden" | "deleted";
  editedAt: number;
  reportedBy: number;
  appeal: boolean;
}

/** A norm's discussion: threads on the whole text or one clause of one version, and replies. */
export function commentsOf(plan: Plan, i: number): PlannedComment[] {
  const norm = plan.norms[i]!;
  if (norm.comments === 0) return [];
  const rng = rngFor(plan.seed, "comments", i);
  const start = norm.submittedAt;
  const end = norm.closesAt;
  const times = Array.from({ length: norm.comments }, () => start + rng.next() * (end - start)).sort((a, b) => a - b);
  const out: PlannedComment[] = [];
  const open: number[] = [];
  for (let k = 0; k < times.length; k++) {
    const at = times[k]!;
    let author: number;
    let organization = -1;
    const speakers = prefixBefore(plan.speakerVerifiedAt, at);
    if (speakers > 0 && rng.chance(0.6)) {
      const o = plan.speakers[rng.int(speakers)]!;
      const org = plan.organizations[o]!;
      author = rng.pick(org.representatives);
      const stillVerified = org.status === "verified" || org.statusChangedAt > at;
      if (stillVerified && rng.chance(0.5)) organization = o;
    } else {
      author = individual(rng, plan);
    }
    const reply = open.length > 0 && rng.chance(0.55);
    let comment: PlannedComment;
    if (reply) {
      const parent = out[open[Math.max(0, open.length - 1 - rng.int(10))]!]!;
      comment = { index: k, parent: parent.index, thread: parent.thread, depth: parent.depth + 1, version: parent.version, clause: parent.clause, author, organization, at, status: "visible", editedAt: NaN, reportedBy: -1, appeal: false };
    } else {
      const version = versionAt(norm, at);
      const clause = rng.chance(0.55) ? 1 + rng.int(norm.clauseCounts[version - 1]!) : null;
      comment = { index: k, parent: -1, thread: k, depth: 0, version, clause, author, organization, at, status: "visible", editedAt: NaN, reportedBy: -1, appeal: false };
    }
    // Hidden and deleted comments are taken down before anyone replies to them.
    const fate = rng.weighted([970, 20, 10]);
    comment.status = fate === 0 ? "visible" : fate === 1 ? "deleted" : "hidden";
    if (comment.status === "visible" && rng.chance(0.03)) comment.editedAt = at + rng.next() * Math.max(1, end - at);
    if (comment.status === "visible" && rng.chance(0.002)) comment.reportedBy = individual(rng, plan);
    if (comment.reportedBy === author) comment.reportedBy = -1;
    if (comment.status === "hidden") comment.appeal = rng.chance(0.3);
    out.push(comment);
    if (comment.status === "visible") open.push(k);
  }
  return out;
}

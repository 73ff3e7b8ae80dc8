// Words for the large dataset: titles, clauses, statements and comments that read like the forum's
// subject matter, so full-text search, ranking and highlighting work on realistic text. Each norm
// carries an invented initiative name ("the Kavori Principles") drawn from a large space, so most
// titles have one rare word that a test or a benchmark can search for.
import type { Rng } from "./random";

const syllables = [
  "ka", "vo", "ri", "ta", "len", "mar", "sol", "dun", "bre", "zi", "ol", "an", "tor", "vel", "ish", "ra", "no", "pe",
  "ul", "gra", "sen", "mo", "kel", "dra", "fin", "ha", "bel", "cor", "ne", "sta", "lu", "quin", "dor", "ves", "ti", "ar",
];

/** An invented place-like name: 3 syllables from 36, about 46,000 names. */
export function initiativeName(rng: Rng): string {
  const word = rng.pick(syllables) + rng.pick(syllables) + rng.pick(syllables);
  return word[0]!.toUpperCase() + word.slice(1);
}

const instruments = ["Principles", "Declaration", "Commitments", "Guidelines", "Code of Conduct", "Accord", "Understanding", "Pledge", "Framework", "Charter"];
const instrumentsFr = ["Principes", "Déclaration", "Engagements", "Lignes directrices", "Code de conduite", "Accord", "Charte"];
const instrumentsEs = ["Principios", "Declaración", "Compromisos", "Directrices", "Código de conducta", "Acuerdo", "Carta"];

const targets = [
  "hospitals and health services", "electoral infrastructure", "water and sanitation systems", "the public core of the internet",
  "financial market infrastructure", "satellite ground stations", "power grids", "submarine cables", "emergency call services",
  "humanitarian organisations", "national computer emergency response teams", "vaccine supply chains", "air traffic control",
  "industrial control systems", "domain name resolution", "certificate authorities", "open-source software repositories",
  "software update channels", "routing infrastructure", "civil aviation systems", "maritime navigation", "food supply chains",
  "nuclear facilities", "payment systems", "cloud service providers", "telecommunications networks", "public registries",
  "journalists and human rights defenders", "educational institutions", "research data infrastructure",
];
const threats = [
  "ransomware", "destructive malware", "supply-chain compromise", "denial-of-service attacks", "data-wiping attacks",
  "intrusions by state actors", "the stockpiling of vulnerabilities", "disinformation operations", "espionage",
  "commercial intrusion tools", "attacks during armed conflict", "unauthorised access", "tampering with software updates",
];
const subjects = [
  "restraint from attacks on", "protection of", "resilience of", "cooperation to secure", "transparency about operations against",
  "responsible disclosure affecting", "assistance to states whose", "due diligence over activities harming", "accountability for harm to",
];

export interface NormTitle {
  title: string;
  /** The invented name, for tests that search by a word of the title. */
  name: string;
}

export function normTitle(rng: Rng, language: string): NormTitle {
  const name = initiativeName(rng);
  const target = rng.pick(targets);
  if (language === "fr") return { name, title: `${rng.pick(instrumentsFr)} de ${name} sur la protection des infrastructures critiques` };
  if (language === "es") return { name, title: `${rng.pick(instrumentsEs)} de ${name} sobre la protección de las infraestructuras críticas` };
  const forms = [
    () => `${name} ${rng.pick(instruments)} on the ${rng.pick(subjects)} ${target}`,
    () => `${name} ${rng.pick(instruments)}: protecting ${target} from ${rng.pick(threats)}`,
    () => `${name} ${rng.pick(instruments)} on ${rng.pick(threats)} against ${target}`,
  ];
  return { name, title: rng.pick(forms)() };
}

const actors = ["States", "States and non-state actors", "Each participating state", "Signatories", "Governments", "Technology companies", "All parties"];
const modal = ["should", "should not", "commit to", "undertake to", "will", "shall endeavour to"];
const verbs = [
  "conduct or knowingly support activity that intentionally damages", "protect", "share information about threats to",
  "assist in investigating incidents affecting", "refrain from using proxies to attack", "report vulnerabilities found in",
  "establish points of contact for incidents involving", "exercise due diligence over activity on their territory harming",
  "notify the affected parties when they learn of compromises of", "preserve the integrity of", "cooperate across borders to restore",
];
const qualifiers = [
  "in peacetime and during armed conflict", "consistent with international law and human rights", "within 72 hours of discovery",
  "through their national computer emergency response teams", "in a manner that respects privacy and freedom of expression",
  "without undue delay", "taking into account the capacity of developing states", "and make the results public each year",
  "where the harm would spill across borders", "subject to independent review", "in line with the UN framework of responsible state behaviour",
];
const elaborations = [
  "This includes the systems and data on which the service depends.",
  "The obligation applies whether the activity is carried out directly or through others.",
  "Nothing in this clause limits the right of self-defence recognised in the UN Charter.",
  "Capacity-building support should be offered to states that request it.",
  "Information shared under this clause may be kept confidential where disclosure would cause further harm.",
  "Each state designates a competent authority and publishes its contact details.",
  "A yearly report records how the commitment was implemented and what remains to be done.",
  "Private operators of such systems are invited to adopt equivalent practices.",
];

function clauseEn(rng: Rng): string {
  let text = `${rng.pick(actors)} ${rng.pick(modal)} ${rng.pick(verbs)} ${rng.pick(targets)} ${rng.pick(qualifiers)}.`;
  if (rng.chance(0.6)) text += ` ${rng.pick(elaborations)}`;
  if (rng.chance(0.25)) text += ` ${rng.pick(elaborations)}`;
  return text;
}

const clausesFr = [
  "Les États s'abstiennent de mener ou de soutenir sciemment des activités qui endommagent intentionnellement les infrastructures critiques.",
  "Les États coopèrent pour échanger des informations sur les menaces et les vulnérabilités, dans le respect du droit international.",
  "Chaque État désigne un point de contact national chargé de répondre aux demandes d'assistance.",
  "Les États protègent les équipes d'intervention d'urgence et ne les utilisent pas à des fins malveillantes.",
  "Les informations partagées peuvent rester confidentielles lorsque leur divulgation causerait un nouveau préjudice.",
];
const clausesEs = [
  "Los Estados se abstienen de realizar o apoyar a sabiendas actividades que dañen intencionalmente las infraestructuras críticas.",
  "Los Estados cooperan para intercambiar información sobre amenazas y vulnerabilidades, de conformidad con el derecho internacional.",
  "Cada Estado designa un punto de contacto nacional encargado de responder a las solicitudes de asistencia.",
  "Los Estados protegen a los equipos de respuesta a emergencias y no los utilizan con fines maliciosos.",
  "La información compartida puede mantenerse confidencial cuando su divulgación causaría un daño adicional.",
];

export function clause(rng: Rng, language: string): string {
  if (language === "fr") return rng.pick(clausesFr);
  if (language === "es") return rng.pick(clausesEs);
  return clauseEn(rng);
}

export function summary(rng: Rng, language: string, name: string): string {
  if (language === "fr") return `Les ${name} fixent des engagements communs pour la protection des infrastructures critiques et l'échange d'informations.`;
  if (language === "es") return `Los ${name} establecen compromisos comunes para la protección de las infraestructuras críticas y el intercambio de información.`;
  return `A commitment that ${rng.pick(actors).toLowerCase()} ${rng.pick(modal)} ${rng.pick(verbs)} ${rng.pick(targets)}, ${rng.pick(qualifiers)}.`;
}

const reasons = [
  "Recent incidents showed that attacks on these systems harm civilians far beyond the intended target.",
  "Existing commitments are too general to guide operational decisions.",
  "Operators asked for a shared baseline so that expectations are the same in every jurisdiction.",
  "The proposal builds on the 2015 UN GGE report and the work of the Open-ended Working Group.",
  "Without clear reporting, states cannot show that they keep their commitments.",
];

export function rationale(rng: Rng): string {
  return rng.sample(reasons.length, rng.between(1, 3)).map((i) => reasons[i]!).join(" ");
}

export const changeSummaries = [
  "Narrowed the scope to critical services after comments.",
  "Added a reporting clause.",
  "Clarified who designates the point of contact.",
  "Merged two overlapping clauses.",
  "Reworded the due diligence clause.",
  "Added an exception for self-defence, as several states asked.",
  "Removed the 72-hour deadline.",
  "Aligned terms with the UN framework.",
];

const statementParts = [
  "We support the aim but the reporting deadline is impractical for smaller administrations.",
  "The text is consistent with our national strategy and we will implement it.",
  "The scope should cover private operators as well as states.",
  "We cannot accept the clause on attribution in its current form.",
  "Endorsed subject to the understanding that existing international law applies in full.",
  "Our members already follow these practices; the norm would make them common ground.",
  "The definition of critical infrastructure is too broad to be verifiable.",
  "We abstain until the implementation guidance is published.",
];

export function statement(rng: Rng): string {
  return rng.chance(0.4) ? "" : rng.pick(statementParts);
}

const commentOpeners = [
  "I agree with the intent here.", "This clause needs more precision.", "Thank you for the revision.", "Two concerns about this wording.",
  "How would this be verified in practice?", "Our experience in incident response suggests otherwise.", "This is a welcome addition.",
  "The previous version was clearer.", "Could the proposer explain the choice of deadline?", "I would support this with one change.",
];
const commentBodies = [
  "Operators often learn of compromises weeks after the fact, so a fixed deadline may be impossible to meet.",
  "The term \"critical infrastructure\" differs between jurisdictions; a reference to national designations would help.",
  "Smaller states may lack the capacity to run a national point of contact around the clock.",
  "The clause should say explicitly that it applies during armed conflict as well.",
  "Publishing the yearly reports would build trust between participants.",
  "We should avoid duplicating the commitments already made in the UN framework.",
  "Private companies own most of these systems, so they need a voice in the implementation.",
  "Responsible disclosure works best when vendors are given time to patch before details are published.",
  "This would be easier to endorse if the exceptions were listed in a separate clause.",
  "Attribution is a political decision and does not belong in a technical norm.",
];
const replyOpeners = ["Good point.", "I disagree.", "To add to this:", "That was discussed in the consultation.", "Agreed, and", "Not quite:"];

export function commentBody(rng: Rng, reply: boolean): string {
  const parts = [reply ? rng.pick(replyOpeners) : rng.pick(commentOpeners), rng.pick(commentBodies)];
  if (rng.chance(0.4)) parts.push(rng.pick(commentBodies));
  return parts.join(" ");
}

const firstNames = [
  "Amina", "Bjorn", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jomo", "Kaito", "Lucia", "Mateo", "Nadia",
  "Olusegun", "Priya", "Quentin", "Rania", "Sofia", "Tomasz", "Ursula", "Vikram", "Wanjiru", "Xin", "Yusuf", "Zara", "Ana", "Ben",
  "Chloe", "Daniel", "Esther", "Felipe", "Greta", "Hana", "Ivan", "Julia", "Kwame", "Leila", "Marta", "Nikolai",
];
const lastNames = [
  "Abara", "Bergström", "Castillo", "Dubois", "Eze", "Fernández", "Gupta", "Haddad", "Ivanova", "Jensen", "Kim", "Lopez", "Mensah",
  "Nakamura", "Okafor", "Petrov", "Quispe", "Rahman", "Schmidt", "Tanaka", "Usman", "Varga", "Wang", "Xavier", "Yilmaz", "Zhou",
  "Almeida", "Novak", "Said", "Kowalski", "Moreau", "Singh", "Osei", "Larsen", "Costa",
];

export const personName = (rng: Rng) => `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;

const orgWords = [
  "Atlantic", "Digital", "Open", "Pacific", "Civic", "Secure", "Global", "Northern", "Southern", "Eastern", "Western", "Central",
  "United", "Free", "Public", "Network", "Policy", "Rights", "Cyber", "Trust", "Data", "Peace", "Coastal", "Highland", "Delta",
  "Meridian", "Horizon", "Summit", "River", "Harbour", "Frontier", "Civil", "Resilient", "Common", "Shared", "Future",
];
const orgKinds: Record<string, string[]> = {
  intergovernmental: ["Organisation", "Agency", "Commission", "Council"],
  private_sector: ["Ltd", "Networks", "Systems", "Technologies", "Cloud", "Telecom", "Security", "Software"],
  civil_society: ["Foundation", "Collective", "Alliance", "Initiative", "Watch", "Coalition"],
  academia: ["Institute", "Centre for Cyber Policy", "University Law School", "Research Group", "Observatory"],
  technical_community: ["CERT", "Network Operators Group", "Internet Registry", "Engineering Forum", "Security Response Team"],
};

/** A non-state organisation's name; the caller makes it unique. */
export const organizationName = (rng: Rng, type: string) => `${rng.pick(orgWords)} ${rng.pick(orgWords)} ${rng.pick(orgKinds[type] ?? orgKinds.civil_society!)}`;

export const reportReasons = ["This looks like a personal attack.", "Off topic advertising.", "Contains what looks like exploit details."];
export const hideNotes = ["Personal remarks about another participant.", "Promotional content unrelated to the norm.", "Technical details that could help an attacker."];
export const appealTexts = ["I was criticising the argument, not the person.", "The link was to public research, not an advertisement."];

// From what the norms procedures return to the published shapes (./schemas.ts). Each function
// names every field it publishes, so a column added to a query never leaks by accident.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../root";
import { type CategoryCode, categoryCodes, type NormStatus } from "../schemas/vocabulary";
import { formatBibtex, formatCitation } from "./citation";
import type { StageClock } from "../domain/stage-clock";
import type { z } from "zod";
import type { Uptake } from "../domain/uptake";
import type { NormDetail, NormListItem, NormStage, NormVersion, PublicNormStatus, uptakeRecord } from "./schemas";
import { normApiUrl, normPageUrl, organizationPageUrl, versionApiUrl, versionPageUrl } from "./urls";

type NormsOutputs = inferRouterOutputs<AppRouter>["norms"];
export type ListedNorm = NormsOutputs["list"]["items"][number];
export type FullNorm = NormsOutputs["get"];
export type FullVersion = NormsOutputs["version"];

/** Drafts never reach the open data; the procedures already hide them, and this makes sure. */
function publicStatus(status: NormStatus): PublicNormStatus {
  if (status === "draft") throw new Error("A draft reached the open-data serialiser.");
  return status;
}

const isCategory = (code: string): code is CategoryCode => (categoryCodes as readonly string[]).includes(code);

/**
 * The list's measures are stored as single-precision reals, good to about seven digits; six
 * decimals drop the float noise (0.6666666865 becomes 0.666667) without changing the figure.
 */
function storedShare<T extends number | null>(value: T): T {
  return (value === null ? null : Math.round(value * 1e6) / 1e6) as T;
}

const decisionMoves = ["openEndorsement", "returnToConsultation", "conclude", "merge", "extended"] as const;

/** The consultation clock as published: the stage, its closing instant and last open day, and whether it has closed. */
function serialiseStage(stage: StageClock | null): NormStage | null {
  return stage ? { name: stage.stage, closesAt: stage.closesAt.toISOString(), lastOpenDay: stage.lastDay, closed: stage.closed, sealed: stage.sealed } : null;
}

export function serialiseListItem(norm: ListedNorm): NormListItem {
  return {
    slug: norm.slug,
    title: norm.title,
    summary: norm.summary,
    status: publicStatus(norm.status),
    categories: norm.categories.filter(isCategory),
    kind: norm.kind,
    bindingness: norm.bindingness,
    language: norm.language,
    currentVersion: norm.currentVersion,
    proposer: {
      name: norm.proposerName,
      organization:
        norm.organizationSlug && norm.organizationName && norm.organizationType
          ? { slug: norm.organizationSlug, name: norm.organizationName, stakeholderType: norm.organizationType }
          : null,
    },
    createdAt: norm.createdAt.toISOString(),
    updatedAt: norm.updatedAt.toISOString(),
    url: normPageUrl(norm.slug),
    apiUrl: normApiUrl(norm.slug),
    stage: serialiseStage(norm.stage),
    positionCount: norm.positionCount,
    support: storedShare(norm.support),
    bridging: storedShare(norm.bridging),
    contestation: storedShare(norm.contestation),
  };
}

/** Who a citation names: the organisation a norm speaks for, or else its proposer. */
const citedAuthor = (norm: FullNorm) => norm.proposer.organization?.name ?? norm.proposer.name;

const normRef = (slug: string) => ({ slug, url: normPageUrl(slug), apiUrl: normApiUrl(slug) });

/** Norms never submitted never reach the open data; the procedures hide them, and this makes sure. */
function assertPublic(norm: { isPublic: boolean }) {
  if (!norm.isPublic) throw new Error("A norm that was never submitted reached the open-data serialiser.");
}

type Translated = { language: string; version: number; providedBy: string; providedAt: Date; title: string; summary: string; clauses: string[]; rationale: string } | null;

const translationRef = (t: { language: string; version: number; providedBy: string; providedAt: Date }) => ({
  language: t.language as "fr",
  version: t.version,
  providedBy: t.providedBy,
  providedAt: t.providedAt.toISOString(),
});

/** `translated`: the current version's translation into the language asked for (`?lang=`), if any. */
export function serialiseNorm(norm: FullNorm, translated: Translated = null): NormDetail {
  assertPublic(norm);
  const rationaleTranslated = Boolean(translated && translated.rationale);
  const current = norm.versions.find((v) => v.number === norm.currentVersion);
  return {
    slug: norm.slug,
    title: translated?.title ?? norm.title,
    summary: translated?.summary ?? norm.summary,
    status: publicStatus(norm.status),
    categories: norm.categories.map((c) => c.code).filter(isCategory),
    kind: norm.kind,
    bindingness: norm.bindingness,
    language: norm.language,
    currentVersion: norm.currentVersion,
    proposer: {
      name: norm.proposer.name,
      organization: norm.proposer.organization
        ? {
            slug: norm.proposer.organization.slug,
            name: norm.proposer.organization.name,
            stakeholderType: norm.proposer.organization.stakeholderType,
          }
        : null,
    },
    createdAt: norm.createdAt.toISOString(),
    updatedAt: norm.updatedAt.toISOString(),
    url: normPageUrl(norm.slug),
    apiUrl: normApiUrl(norm.slug),
    stage: serialiseStage(norm.stage),
    nextStep: norm.nextStep,
    decisions: norm.timeline
      .filter((e): e is typeof e & { type: (typeof decisionMoves)[number] } => (decisionMoves as readonly string[]).includes(e.type))
      .map((e) => ({
        move: e.type,
        at: e.createdAt.toISOString(),
        statement: e.note,
        override: e.override,
        overrideReason: e.overrideReason,
        criteria: e.criteria,
        closesAt: e.closesAt?.toISOString() ?? null,
        sealed: e.sealed,
      })),
    rationale: rationaleTranslated ? translated!.rationale : norm.rationale,
    clauses: translated?.clauses ?? norm.clauses,
    citations: norm.citations.map((c) => ({ id: c.id, display: c.display, document: c.documentKey })),
    versions: norm.versions.map((v) => ({
      number: v.number,
      changeSummary: v.changeSummary,
      createdAt: v.createdAt.toISOString(),
      url: versionPageUrl(norm.slug, v.number),
      apiUrl: versionApiUrl(norm.slug, v.number),
    })),
    coauthors: norm.coauthors.map((c) => ({ name: c.displayName })),
    uptake: norm.uptake.map(serialiseUptake),
    sponsors: norm.sponsors.map((s) => ({
      organization: {
        slug: s.organization.slug,
        name: s.organization.name,
        stakeholderType: s.organization.stakeholderType,
        region: s.organization.region,
        country: s.organization.country,
        verified: s.organization.verificationStatus === "verified",
        url: organizationPageUrl(s.organization.slug),
      },
      since: s.since.toISOString(),
    })),
    mergedInto: norm.mergedInto ? normRef(norm.mergedInto.slug) : null,
    mergedFrom: norm.mergedFrom.map((m) => normRef(m.slug)),
    citation: formatCitation({
      author: citedAuthor(norm),
      title: norm.title,
      number: norm.currentVersion,
      createdAt: current?.createdAt ?? norm.updatedAt,
      url: versionPageUrl(norm.slug, norm.currentVersion),
    }),
    translation: translated ? translationRef(translated) : null,
    fieldLanguages: {
      title: translated?.language ?? norm.language,
      summary: translated?.language ?? norm.language,
      clauses: translated?.language ?? norm.language,
      rationale: rationaleTranslated ? translated!.language : norm.language,
    },
    translations: norm.translations.map(translationRef),
  };
}

/** One version; `norm` supplies who to cite, since a version names only the person who saved it. */
export function serialiseVersion(version: FullVersion, norm: FullNorm, translated: Translated = null): NormVersion {
  assertPublic(version);
  const citable = {
    author: citedAuthor(norm),
    title: version.title,
    number: version.number,
    createdAt: version.createdAt,
    url: versionPageUrl(version.slug, version.number),
  };
  return {
    slug: version.slug,
    number: version.number,
    isCurrent: version.number === version.currentVersion,
    status: publicStatus(version.status),
    title: translated?.title ?? version.title,
    summary: translated?.summary ?? version.summary,
    clauses: translated?.clauses ?? version.clauses,
    changeSummary: version.changeSummary,
    language: version.language,
    createdAt: version.createdAt.toISOString(),
    url: citable.url,
    normUrl: normPageUrl(version.slug),
    citation: formatCitation(citable),
    bibtex: formatBibtex({ ...citable, slug: version.slug }),
    translation: translated ? translationRef(translated) : null,
    fieldLanguages: {
      title: translated?.language ?? version.language,
      summary: translated?.language ?? version.language,
      clauses: translated?.language ?? version.language,
    },
  };
}

/** A record of uptake as the open data gives it (the forum norm's and the reference norm's alike). */
export function serialiseUptake(u: Uptake): z.output<typeof uptakeRecord> {
  return { document: u.document, forum: u.forum, forumId: u.forumId, paragraph: u.paragraph, takenUpOn: u.takenUpOn, url: u.url, parties: u.parties };
}

import "server-only";
// The organisations endpoints of the open-data API: the public directory and each organisation's
// positions, read through the same procedures as the directory and organisation pages, as a visitor.
import type { inferRouterOutputs } from "@trpc/server";
import type { z } from "zod";
import type { Db } from "~/db/connect";
import type { AppRouter } from "../root";
import { listOrganizationsInput } from "../schemas/organizations";
import type { VerificationStatus } from "../schemas/vocabulary";
import { visitorCaller } from "./caller";
import { jsonResponse, ParameterError, readQuery, respond } from "./http";
import { isPublished, publishedStatement, serialisePositionNorm } from "./positions";
import type { OrganizationEntry, OrganizationList, OrganizationPositions } from "./schemas";
import { organizationPageUrl, organizationPositionsApiUrl } from "./urls";

type OrganizationsOutputs = inferRouterOutputs<AppRouter>["organizations"];
type ListedOrganization = OrganizationsOutputs["list"]["items"][number];

type ListInput = z.input<typeof listOrganizationsInput>;
type ListParam = keyof typeof listOrganizationsInput.shape;

/** Query parameters of `GET /api/v1/organizations`: the directory's filters, search and paging. */
export const organizationListParams = Object.keys(listOrganizationsInput.shape) as ListParam[];

/** Rejected registrations are never public; the procedures hide them, and this makes sure. */
function directoryStatus(status: VerificationStatus): OrganizationEntry["verificationStatus"] {
  if (status === "rejected") throw new Error("A rejected organisation reached the open-data serialiser.");
  return status;
}

export function serialiseOrganization(
  o: Pick<ListedOrganization, "slug" | "name" | "stakeholderType" | "region" | "country" | "website" | "verificationStatus" | "participation">,
): OrganizationEntry {
  return {
    slug: o.slug,
    name: o.name,
    stakeholderType: o.stakeholderType,
    region: o.region,
    country: o.country,
    website: o.website,
    verificationStatus: directoryStatus(o.verificationStatus),
    verified: o.verificationStatus === "verified",
    participation: o.participation,
    url: organizationPageUrl(o.slug),
    positionsApiUrl: organizationPositionsApiUrl(o.slug),
  };
}

/** `verifiedOnly` is the one yes/no parameter; the procedure wants a boolean, and a query string has only text. */
function listInput(params: URLSearchParams): ListInput {
  const { verifiedOnly, ...rest } = readQuery(params, organizationListParams, ["cursor", "limit"]);
  if (verifiedOnly === undefined) return rest as ListInput;
  if (verifiedOnly !== "true" && verifiedOnly !== "false") throw new ParameterError({ verifiedOnly: "Give true or false." });
  return { ...rest, verifiedOnly: verifiedOnly === "true" } as ListInput;
}

export function listOrganizationsResponse(db: Db, params: URLSearchParams) {
  return respond(async () => {
    const result = await visitorCaller(db).organizations.list(listInput(params));
    const body: OrganizationList = {
      items: result.items.map(serialiseOrganization),
      total: result.total,
      nextCursor: result.nextCursor === null ? null : String(result.nextCursor),
    };
    return jsonResponse(body);
  });
}

export function organizationPositionsResponse(db: Db, slug: string) {
  return respond(async () => {
    const api = visitorCaller(db);
    // The positions procedure names the organisation briefly; the directory entry comes from `get`.
    const [organization, { positions, history }] = await Promise.all([api.organizations.get({ slug }), api.positions.forOrganization({ slug })]);
    const body: OrganizationPositions = {
      organization: serialiseOrganization(organization),
      positions: positions
        .filter((p) => isPublished(p.norm.status))
        .map((p) => ({
          norm: serialisePositionNorm(p.norm),
          stance: p.stance,
          statement: publishedStatement(p.statement),
          version: p.version,
          clauses: p.clauses,
          current: p.current,
          recordedAt: p.recordedAt.toISOString(),
          recordedBy: p.recordedBy,
        })),
      // The procedure does not filter the history by the norm's status; positions are only ever
      // recorded on public norms, but a draft must never appear here whatever happens.
      history: history
        .filter((e) => isPublished(e.norm.status))
        .map((e) => ({
          sequence: e.sequence,
          kind: e.kind,
          norm: serialisePositionNorm(e.norm),
          stance: e.stance,
          statement: publishedStatement(e.statement),
          version: e.version,
          clauses: e.clauses,
          recordedAt: e.recordedAt.toISOString(),
          recordedBy: e.recordedBy,
        })),
    };
    return jsonResponse(body);
  });
}

import { appUrl } from "~/server/app-url";

/** An absolute address on this site, e.g. `absoluteUrl("/norms")`. */
export const absoluteUrl = (path: string) => `${appUrl()}${path}`;

const s = encodeURIComponent;
export const normPageUrl = (slug: string) => absoluteUrl(`/norms/${s(slug)}`);
/** The permanent, citable page of one version. */
export const versionPageUrl = (slug: string, number: number) => absoluteUrl(`/norms/${s(slug)}/v/${number}`);
export const normApiUrl = (slug: string) => absoluteUrl(`/api/v1/norms/${s(slug)}`);
export const versionApiUrl = (slug: string, number: number) => absoluteUrl(`/api/v1/norms/${s(slug)}/versions/${number}`);

export const LICENSE = { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" } as const;
export const SITE_NAME = "Norms Forum";
export const organizationPageUrl = (slug: string) => absoluteUrl(`/organizations/${s(slug)}`);
export const organizationPositionsApiUrl = (slug: string) => absoluteUrl(`/api/v1/organizations/${s(slug)}/positions`);
/** Where the published measures are explained. */
export const methodologyUrl = () => absoluteUrl("/about/methodology");

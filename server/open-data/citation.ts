// How to cite one version of a norm. Plain functions, shared by the API and the /about/citing page.
import { LICENSE, SITE_NAME } from "./urls";

export interface CitableVersion {
  /** The organisation the norm was proposed on behalf of, or else the proposer's name. */
  author: string;
  title: string;
  number: number;
  createdAt: Date;
  url: string;
}

/** "12 March 2026": day month year in UTC, so every server and reader gets the same date. */
export function formatCitationDate(date: Date) {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}

/** e.g. `Ministry of Foreign Affairs of Kenya, "Protecting …", version 2 of 12 March 2026, Norms Forum, https://…/v/2 (CC BY 4.0).` */
export function formatCitation(v: CitableVersion) {
  return `${v.author}, "${v.title}", version ${v.number} of ${formatCitationDate(v.createdAt)}, ${SITE_NAME}, ${v.url} (${LICENSE.name}).`;
}

const bibtexSpecials: Record<string, string> = { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" };
const bibtexEscape = (text: string) => text.replace(/[\\{}&%$#_^~]/g, (c) => bibtexSpecials[c] ?? `\\${c}`);

/** A BibTeX `@misc` entry; the key is the slug and version, which are stable. */
export function formatBibtex(v: CitableVersion & { slug: string }) {
  const key = `${v.slug}-v${v.number}`.replace(/[^a-zA-Z0-9-]/g, "");
  const date = v.createdAt.toISOString().slice(0, 10);
  return [
    `@misc{${key},`,
    `  author = {{${bibtexEscape(v.author)}}},`,
    `  title = {${bibtexEscape(v.title)}, version ${v.number}},`,
    `  howpublished = {${SITE_NAME}},`,
    `  year = {${date.slice(0, 4)}},`,
    `  date = {${date}},`,
    `  url = {${v.url}},`,
    `  note = {Licensed under ${LICENSE.name}},`,
    `}`,
  ].join("\n");
}

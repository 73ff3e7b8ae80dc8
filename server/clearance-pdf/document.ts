// What the clearance PDF shows of an entry (server/domain/clearance.ts): plain data for the PDF thread.
import type { ClearanceEntry } from "../domain/clearance";
// Types only from ./render: the route that serves the PDF must not load the renderer (it runs on the PDF thread).
import vocabulary from "~/messages/en/vocabulary.json";
import type { ClearanceDocument } from "./render";

const stanceLabel = (k: string) => vocabulary.stance[k as keyof typeof vocabulary.stance] ?? k;
const implementationLabel = (k: string) =>
  ({ implemented: "Implemented", partially: "Partially implemented", not_yet: "Not yet implemented", no_information: "No information" })[k] ?? k;

const day = (d: Date) => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const stateWords: Record<ClearanceEntry["state"], string> = {
  draft: "Organisation draft",
  pending: "Waiting for countersignature",
  published: "Published",
  declined: "Declined",
  withdrawn: "Withdrawn",
  lapsed: "Lapsed without countersignature",
};

export function clearanceDocumentOf(entry: ClearanceEntry, url: string, now: Date): ClearanceDocument {
  const c = entry.content as Record<string, unknown>;
  const fields: ClearanceDocument["fields"] =
    entry.kind === "position"
      ? [
          { label: "Stance", value: stanceLabel(String(c.stance)) },
          { label: "Clauses named", value: (c.clauses as number[]).length ? (c.clauses as number[]).map((n) => `clause ${n}`).join(", ") : "None" },
          { label: "Statement", value: String(c.statement ?? "") },
        ]
      : entry.kind === "statement"
        ? [
            { label: "Status", value: implementationLabel(String(c.status)) },
            { label: "Statement", value: String(c.text ?? "") },
            { label: "Links", value: ((c.links as string[]) ?? []).join("\n") },
          ]
        : [{ label: "Reply", value: String(c.text ?? "") }];
  return {
    organization: entry.organization.name,
    kind: entry.kind,
    state: stateWords[entry.state],
    target: entry.target.title,
    context:
      entry.kind === "position" && entry.target.currentVersion
        ? `On the norm's current text, version ${entry.target.currentVersion}`
        : entry.target.year
          ? `Stock-take ${entry.target.year}`
          : null,
    fields,
    enteredBy: entry.enteredBy,
    updatedAt: day(entry.updatedAt),
    lapsesAt: entry.lapsesAt && entry.state === "pending" ? day(entry.lapsesAt) : null,
    generatedAt: day(now),
    url,
  };
}

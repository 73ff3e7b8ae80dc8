// The stock-take forms' own shape (lines of text, a choice per norm) read into the procedures'
// input, with the forms' messages; used by their server actions (actions.ts). Plain functions of
// the posted FormData and a translator, so tests can check them directly.
import { linesOf } from "~/app/_components/lines";
import { observationInput, statementInput } from "~/server/schemas/stocktakes";
import { ACTOR_ROWS, ASSESSMENT, SOURCE_ROWS } from "./form-names";

/** The forms' translators (next-intl's `t` for "stocktakes.statements"). */
type LineValues = { value: string; message: string };
type StatementMessages = (key: "lineError", values: LineValues) => string;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The names of the per-norm choices sent, in page order. */
export const choiceNames = (formData: FormData) => [...new Set([...formData.keys()].filter((key) => key.startsWith(ASSESSMENT)))];

/**
 * The observation form's rows read into the procedure's input: actor rows ("org:<id>",
 * "state:<ISO>" or "unattributed", with a description) and source rows (address and archived
 * copy); blank rows are skipped.
 */
export function parseObservationForm(formData: FormData) {
  const actors = Array.from({ length: ACTOR_ROWS }, (_, i) => {
    const choice = text(formData, `actor-${i}`);
    const label = text(formData, `actorLabel-${i}`).trim();
    if (choice.startsWith("org:")) return { kind: "organization", organizationId: choice.slice(4) };
    if (choice.startsWith("state:")) return { kind: "state", country: choice.slice(6) };
    if (choice === "unattributed" || label) return { kind: "unattributed", label };
    return null;
  });
  const sources = Array.from({ length: SOURCE_ROWS }, (_, i) => ({ url: text(formData, `sourceUrl-${i}`).trim(), archiveUrl: text(formData, `sourceArchive-${i}`).trim() }));
  const rowsOf = <T,>(rows: (T | null)[]) => rows.flatMap((row, i) => (row ? [{ row, i }] : []));
  const actorRows = rowsOf(actors);
  const sourceRows = rowsOf(sources.map((s) => (s.url || s.archiveUrl ? s : null)));
  const parsed = observationInput.safeParse({
    year: Number(text(formData, "year")),
    title: text(formData, "title"),
    description: text(formData, "description"),
    occurredOn: text(formData, "occurredOn"),
    occurredUntil: text(formData, "occurredUntil"),
    actors: actorRows.map((r) => r.row),
    attributionStatus: text(formData, "attributionStatus") || undefined,
    attributedBy: text(formData, "attributedBy"),
    attributionSource: text(formData, "attributionSource"),
    confidence: text(formData, "confidence") || undefined,
    evidenceType: text(formData, "evidenceType") || undefined,
    // "" is "not relevant": no assessment for that norm.
    assessments: choiceNames(formData).flatMap((name) => {
      const assessment = text(formData, name);
      return assessment ? [{ itemId: name.slice(ASSESSMENT.length), assessment }] : [];
    }),
    sources: sourceRows.map((r) => r.row),
  });
  if (parsed.success) return { success: true as const, data: parsed.data };
  // Each message on the control it is about: a row's own field, else the field's group.
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [field, index, part] = issue.path;
    let name = String(field ?? "");
    if (field === "actors" && typeof index === "number") name = `actor-${actorRows[index]?.i ?? 0}`;
    if (field === "sources" && typeof index === "number") name = `${part === "archiveUrl" ? "sourceArchive" : "sourceUrl"}-${sourceRows[index]?.i ?? 0}`;
    if (field === "sources" && typeof index !== "number") name = "sourceUrl-0";
    fieldErrors[name] ??= issue.message;
  }
  return { success: false as const, fieldErrors };
}

export function parseStatementForm(formData: FormData, t: StatementMessages) {
  const schema = statementInput.extend({ links: linesOf(statementInput.shape.links, (value, message) => t("lineError", { value, message })) });
  return schema.safeParse({
    year: Number(text(formData, "year")),
    itemId: text(formData, "itemId"),
    organizationId: text(formData, "organizationId"),
    // No radio chosen: the schema's own "Choose …" message.
    status: text(formData, "status") || undefined,
    text: text(formData, "text"),
    links: text(formData, "links"),
  });
}

// The stock-take forms' own shape (lines of text, a choice per norm) read into the procedures'
// input, with the forms' messages; used by their server actions (actions.ts). Plain functions of
// the posted FormData and a translator, so tests can check them directly.
import { z } from "zod";
import { linesOf } from "~/app/_components/lines";
import { observationInput, statementInput } from "~/server/schemas/stocktakes";
import { ASSESSMENT } from "./form-names";

/** The forms' translators (next-intl's `t` for "stocktakes.observationForm" and "stocktakes.statements"). */
type LineValues = { value: string; message: string };
type ObservationMessages = (key: "lineError" | "actorShort" | "actorLong" | "actorsMany" | "noActor", values?: LineValues) => string;
type StatementMessages = (key: "lineError", values: LineValues) => string;


const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** The names of the per-norm choices sent, in page order. */
export const choiceNames = (formData: FormData) => [...new Set([...formData.keys()].filter((key) => key.startsWith(ASSESSMENT)))];

export function parseObservationForm(formData: FormData, t: ObservationMessages) {
  const lineError = (value: string, message: string) => t("lineError", { value, message });
  const schema = observationInput
    .extend({
      outsideActors: linesOf(z.array(z.string().min(2, t("actorShort")).max(200, t("actorLong"))).max(20, t("actorsMany")), lineError),
      sources: linesOf(observationInput.shape.sources, lineError),
    })
    .superRefine((v, ctx) => {
      if (v.organizationIds.length + v.outsideActors.length === 0) ctx.addIssue({ code: "custom", path: ["organizationIds"], message: t("noActor") });
    });
  return schema.safeParse({
    year: Number(text(formData, "year")),
    title: text(formData, "title"),
    description: text(formData, "description"),
    occurredOn: text(formData, "occurredOn"),
    organizationIds: formData.getAll("organizationIds").filter((v) => typeof v === "string"),
    outsideActors: text(formData, "outsideActors"),
    // "" is "not relevant": no assessment for that norm.
    assessments: choiceNames(formData).flatMap((name) => {
      const assessment = text(formData, name);
      return assessment ? [{ itemId: name.slice(ASSESSMENT.length), assessment }] : [];
    }),
    sources: text(formData, "sources"),
  });
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

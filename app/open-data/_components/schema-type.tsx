import { Fragment, type ReactNode } from "react";

type JsonSchema = Record<string, unknown>;

export interface TypeLabels {
  or: string;
  listOf: string;
  listOfValues: string;
  oneOf: string;
  mapTo: string;
  default: (value: string) => string;
  range: (min: string, max: string) => string;
  maxLength: (max: string) => string;
}

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.split("/").pop() ?? ref;

const joined = (nodes: ReactNode[], separator: ReactNode) =>
  nodes.map((node, i) => (
    <Fragment key={i}>
      {i > 0 ? separator : null}
      {node}
    </Fragment>
  ));

/** A JSON schema as a short phrase: `string`, list of NormListItem, one of `a`, `b`. */
export function SchemaType({ schema, labels }: { schema: JsonSchema; labels: TypeLabels }): ReactNode {
  if (typeof schema.$ref === "string") {
    const name = refName(schema.$ref);
    return (
      <a href={`#${schemaAnchor(name)}`}>
        <code>{name}</code>
      </a>
    );
  }
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) {
    return joined(
      variants.map((v, i) => <SchemaType key={i} schema={v} labels={labels} />),
      ` ${labels.or} `,
    );
  }
  if (Array.isArray(schema.type)) {
    return joined(
      schema.type.map((type: string) => <SchemaType key={type} schema={{ ...schema, type }} labels={labels} />),
      ` ${labels.or} `,
    );
  }
  const notes: string[] = [];
  if (schema.default !== undefined) notes.push(labels.default(String(schema.default)));
  if (typeof schema.minimum === "number" && typeof schema.maximum === "number") notes.push(labels.range(String(schema.minimum), String(schema.maximum)));
  if (typeof schema.maxLength === "number") notes.push(labels.maxLength(String(schema.maxLength)));
  const suffix = notes.length ? ` (${notes.join("; ")})` : "";
  if (Array.isArray(schema.enum)) {
    return (
      <>
        {labels.oneOf}{" "}
        {joined(
          schema.enum.map((v) => <code key={String(v)}>{String(v)}</code>),
          ", ",
        )}
        {suffix}
      </>
    );
  }
  const items = schema.items as JsonSchema | undefined;
  if (schema.type === "array" && items && Array.isArray(items.enum)) {
    return (
      <>
        {labels.listOfValues}{" "}
        {joined(
          items.enum.map((v) => <code key={String(v)}>{String(v)}</code>),
          ", ",
        )}
      </>
    );
  }
  if (schema.type === "array" && items) {
    return (
      <>
        {labels.listOf} <SchemaType schema={items} labels={labels} />
      </>
    );
  }
  if (schema.type === "object" && schema.additionalProperties && typeof schema.additionalProperties === "object") {
    return (
      <>
        {labels.mapTo} <SchemaType schema={schema.additionalProperties as JsonSchema} labels={labels} />
      </>
    );
  }
  const format = typeof schema.format === "string" ? schema.format : null;
  return (
    <>
      <code>{format ?? String(schema.type ?? "any")}</code>
      {suffix}
    </>
  );
}

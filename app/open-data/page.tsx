import type { Metadata } from "next";
import Link from "~/app/_components/link";
import { getTranslations } from "next-intl/server";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { feedPaths } from "~/server/open-data/feeds";
import { getOpenApiDocument, type OpenApiDocument, type OpenApiParameter } from "~/server/open-data/openapi";
import { ApiText } from "./_components/api-text";
import { ReferenceList } from "./_components/reference-list";
import { SchemaType, schemaAnchor, type TypeLabels } from "./_components/schema-type";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("openData.reference");
  return { title: t("metaTitle") };
}

type JsonSchema = Record<string, unknown>;

const componentName = (ref: string) => ref.split("/").pop() ?? ref;

function resolveParameter(doc: OpenApiDocument, p: OpenApiParameter | { $ref: string }) {
  return "$ref" in p ? doc.components.parameters[componentName(p.$ref)] : p;
}

/** A response's description and, for JSON, the named schema it returns. */
function resolveResponse(doc: OpenApiDocument, response: unknown) {
  const ref = (response as { $ref?: string }).$ref;
  const r = (ref ? doc.components.responses[componentName(ref)] : response) as
    | { description: string; content?: Record<string, { schema?: { $ref?: string } }> }
    | undefined;
  const schemaRef = r?.content?.["application/json"]?.schema?.$ref;
  return { description: r?.description ?? "", schema: schemaRef ? componentName(schemaRef) : null };
}

const operationAnchor = (operationId: string) => `op-${operationId}`;

export default async function OpenDataPage() {
  const t = await getTranslations("openData.reference");
  const doc = getOpenApiDocument();
  const labels: TypeLabels = {
    or: t("typeOr"),
    listOf: t("typeArray"),
    listOfValues: t("typeArrayOfValues"),
    oneOf: t("typeOneOf"),
    mapTo: t("typeMap"),
    default: (value) => t("typeDefault", { value }),
    range: (min, max) => t("typeRange", { min, max }),
    maxLength: (max) => t("typeMaxLength", { max }),
  };
  const operations = Object.entries(doc.paths).map(([path, item]) => ({ path, op: item.get }));
  const schemas = Object.entries(doc.components.schemas) as [string, JsonSchema][];
  const licenceLink = (chunks: React.ReactNode) => <a href={doc.info.license.url}>{chunks}</a>;

  return (
    <>
      <PageHeader caption={t("caption")} title={t("title")} description={t("lead")} />
      <WithContents
        id="open-data-contents"
        title={t("pageContents")}
        items={[
          { href: "#licence", label: t("licenceTitle") },
          { href: "#usage", label: t("usageTitle") },
          { href: "#addresses", label: t("contentsTitle") },
          { href: "#feeds", label: t("feedsTitle") },
          { href: "#shapes-heading", label: t("shapesTitle") },
        ]}
      >

      <div className="prose-forum">
        <h2 id="licence">{t("licenceTitle")}</h2>
        <p>{t.rich("licenceText", { link: licenceLink })}</p>
        <p>{t.rich("citeText", { link: (chunks) => <Link href="/about/citing">{chunks}</Link> })}</p>

        <h2 id="usage">{t("usageTitle")}</h2>
        <p>{t("usageJson")}</p>
        <p>{t("usageErrors")}</p>
        <p>{t.rich("usagePaging", { code: (chunks) => <code>{chunks}</code> })}</p>
        <p>{t("usageCache")}</p>
        <p>{t.rich("usageOpenApi", { link: (chunks) => <a href="/api/openapi.json">{chunks}</a> })}</p>

        <h2 id="addresses">{t("contentsTitle")}</h2>
        <ul>
          {operations.map(({ path, op }) => (
            <li key={op.operationId}>
              <a href={`#${operationAnchor(op.operationId)}`}>{op.summary}</a>: <code className="break-all">{path}</code>
            </li>
          ))}
        </ul>

        <h2 id="feeds">{t("feedsTitle")}</h2>
        <p>{t("feedsLead")}</p>
        <ul>
          {(
            [
              ["norms", feedPaths.norms],
              ["norm", "/norms/{slug}/feed.atom"],
              ["stocktakes", feedPaths.stocktakes],
              ["moderationLog", feedPaths.moderationLog],
            ] as const
          ).map(([key, path]) => (
            <li key={key}>
              {t(`feedsList.${key}`)}: {key === "norm" ? <code className="break-all">{path}</code> : <a href={path} type="application/atom+xml"><code className="break-all">{path}</code></a>}
            </li>
          ))}
        </ul>
      </div>

      {operations.map(({ path, op }) => {
        const parameters = op.parameters.map((p) => resolveParameter(doc, p)).filter((p) => p !== undefined);
        return (
          <section
            key={op.operationId}
            id={operationAnchor(op.operationId)}
            aria-labelledby={`${operationAnchor(op.operationId)}-heading`}
            className="mt-10 border-t-4 border-primary pt-4"
          >
            <h3 id={`${operationAnchor(op.operationId)}-heading`} className="mb-2">
              {op.summary}
            </h3>
            <p className="mb-4 font-mono text-base break-all sm:text-lg">
              <span className="me-2 font-bold">{t("method")}</span>
              {path}
            </p>
            <p className="mb-6 max-w-[42rem]">
              <ApiText>{op.description}</ApiText>
            </p>

            <h4 className="mb-2">{t("parameters")}</h4>
            {parameters.length ? (
              <ReferenceList
                label={t("parametersCaption", { path })}
                headings={[t("name"), t("type"), t("description")]}
                rows={parameters.map((p) => ({
                  key: `${p.in}-${p.name}`,
                  name: (
                    <>
                      <code className="font-bold">{p.name}</code>
                      <span className="block text-base text-muted">{p.in === "path" ? t("inPath") : t("inQuery")}</span>
                    </>
                  ),
                  type: <SchemaType schema={p.schema} labels={labels} />,
                  description: <ApiText>{p.description}</ApiText>,
                }))}
              />
            ) : (
              <p className="mb-6">{t("noParameters")}</p>
            )}

            <h4 className="mb-2">{t("example")}</h4>
            <div className="prose-forum mb-6">
              <pre className="whitespace-pre-wrap [overflow-wrap:anywhere]">
                <code>{`curl "${op["x-example-request"]}"`}</code>
              </pre>
            </div>

            <h4 className="mb-2">{t("responses")}</h4>
            <dl className="mb-2">
              {Object.entries(op.responses).map(([status, response]) => {
                const { description, schema } = resolveResponse(doc, response);
                return (
                  <div key={status} className="flex flex-col gap-x-4 border-b border-border py-2 sm:flex-row">
                    <dt className="font-mono font-bold sm:w-16 sm:shrink-0">{status}</dt>
                    <dd>
                      <ApiText>{description}</ApiText>{" "}
                      {schema
                        ? t.rich("schemaLink", {
                            schema,
                            link: (chunks) => (
                              <a href={`#${schemaAnchor(schema)}`}>
                                <code>{chunks}</code>
                              </a>
                            ),
                          })
                        : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}

      <section aria-labelledby="shapes-heading" className="mt-12 border-t-4 border-border pt-4">
        <h2 id="shapes-heading" className="mb-4">
          {t("shapesTitle")}
        </h2>
        <p className="mb-8 max-w-[42rem]">{t("shapesLead")}</p>
        {schemas.map(([name, schema]) => {
          const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
          const required = new Set((schema.required ?? []) as string[]);
          return (
            <section key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-heading`} className="mb-10">
              <h3 id={`${schemaAnchor(name)}-heading`} className="mb-2 font-mono break-all">
                {name}
              </h3>
              {typeof schema.description === "string" ? (
                <p className="mb-4 max-w-[42rem]">
                  <ApiText>{schema.description}</ApiText>
                </p>
              ) : null}
              <ReferenceList
                label={t("fieldsCaption", { schema: name })}
                headings={[t("field"), t("type"), t("description")]}
                rows={properties.map(([field, property]) => ({
                  key: field,
                  name: (
                    <>
                      <code className="font-bold">{field}</code>
                      {required.has(field) ? null : <span className="block text-base text-muted">{t("optionalField")}</span>}
                    </>
                  ),
                  type: <SchemaType schema={property} labels={labels} />,
                  description: typeof property.description === "string" ? <ApiText>{property.description}</ApiText> : null,
                }))}
              />
            </section>
          );
        })}
      </section>
      </WithContents>
    </>
  );
}

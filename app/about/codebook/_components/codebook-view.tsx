import Link from "~/app/_components/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { WithContents } from "~/app/_components/page-contents";
import { PageHeader } from "~/app/_components/ui/page-header";
import { type CodebookVersion, codebooks, codebookVersions, CURRENT_CODEBOOK } from "~/server/codebook";

/** One version of the codebook: every field and value defined, the review and reply rules, and the list of versions. */
export async function CodebookView({ version }: { version: CodebookVersion }) {
  const [t, format] = await Promise.all([getTranslations("codebook"), getFormatter()]);
  const book = codebooks[version];
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const current = version === CURRENT_CODEBOOK;
  // Keys are built from the codebook's own field and value lists, which the message file mirrors.
  const tv = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const next = codebookVersions[codebookVersions.indexOf(version) + 1];
  return (
    <>
      <PageHeader caption={t("caption")} title={t("versionTitle", { version })} description={t("lead")} />
      <WithContents
        id="codebook-contents"
        title={t("contentsTitle")}
        items={[
          { href: "#fields", label: t("fieldsTitle") },
          ...book.fields.map((f) => ({ href: `#field-${f.key}`, label: `– ${tv(`${version}.fields.${f.key}.name`)}` })),
          { href: "#rules", label: t("rulesTitle") },
          { href: "#versions", label: t("versionsTitle") },
        ]}
      >
      <div className="prose-forum">
        <p>
          <strong>{current ? t("current", { date: day(book.adoptedOn) }) : t("earlier", { date: day(book.adoptedOn), current: CURRENT_CODEBOOK })}</strong>
        </p>
        {!current && (
          <p>
            <Link href="/about/codebook">{t("readCurrent", { version: CURRENT_CODEBOOK })}</Link>
          </p>
        )}
        <p>{tv(`${version}.summary`, { date: next ? day(codebooks[next].adoptedOn) : day(book.adoptedOn) })}</p>

        <h2 id="fields">{t("fieldsTitle")}</h2>
        <dl>
          {book.fields.map((f) => (
            <div key={f.key} id={`field-${f.key}`}>
              <dt>
                <strong>{tv(`${version}.fields.${f.key}.name`)}</strong> <code>{f.key}</code> ({f.required ? t("required") : t("optional")})
              </dt>
              <dd>
                <p>{tv(`${version}.fields.${f.key}.definition`)}</p>
                {f.values && (
                  <>
                    <p>{t("valuesTitle")}:</p>
                    <ul>
                      {f.values.map((v) => (
                        <li key={v} id={`${f.key}-${v}`}>
                          <code>{v}</code>: {tv(`${version}.values.${f.key}.${v}`)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </dd>
            </div>
          ))}
        </dl>

        <h2 id="rules">{t("rulesTitle")}</h2>
        <p>{tv(`${version}.review`)}</p>
        <p>{tv(`${version}.replies`, { days: book.replyWindowDays ?? 0 })}</p>

        <h2 id="versions">{t("versionsTitle")}</h2>
        <p>{t("changeRule")}</p>
        <ul>
          {[...codebookVersions].reverse().map((v) => (
            <li key={v}>
              {v === version ? (
                <strong>{t("versionItem", { version: v, date: day(codebooks[v].adoptedOn) })}</strong>
              ) : (
                <Link href={v === CURRENT_CODEBOOK ? "/about/codebook" : `/about/codebook/${v}`}>{t("versionItem", { version: v, date: day(codebooks[v].adoptedOn) })}</Link>
              )}{" "}
              {v === CURRENT_CODEBOOK && t("versionCurrentMark")}
            </li>
          ))}
        </ul>
      </div>
      </WithContents>
    </>
  );
}

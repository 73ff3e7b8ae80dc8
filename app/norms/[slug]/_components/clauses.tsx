import Link from "~/app/_components/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Markdown } from "~/app/_components/markdown";
import { GlossaryMarkdown } from "~/app/glossary/_components/glossary-text";
import type { GlossaryMatcher } from "~/server/glossary/link";
import { type AmendmentsData, ClauseAmendments } from "./amendments-section";

/** How many visible comments each clause of the version shown has, to link to them in the discussion. */
export interface ClauseComments {
  slug: string;
  version: number;
  byClause: Record<number, number>;
}

/** A norm's text: numbered clauses, each addressable as #clause-N. */
export function Clauses({
  clauses,
  language,
  labelledBy,
  comments,
  amendments,
  glossary,
}: {
  clauses: readonly string[];
  language: string;
  labelledBy: string;
  comments?: ClauseComments;
  /** The current text's amendments: each clause shows its open ones, and a link to propose one while that is possible. */
  amendments?: { slug: string; data: AmendmentsData };
  /** The glossary: the first use of each term in a clause links to its entry. */
  glossary?: GlossaryMatcher;
}) {
  return (
    <ol
      lang={language}
      aria-labelledby={labelledBy}
      className="max-w-[42rem] list-decimal ps-8 marker:font-bold"
    >
      {clauses.map((clause, i) => (
        <li key={i} id={`clause-${i + 1}`} className="mb-5 scroll-mt-4 ps-2">
          {glossary && !glossary.empty ? <GlossaryMarkdown matcher={glossary}>{clause}</GlossaryMarkdown> : <Markdown>{clause}</Markdown>}
          {comments?.byClause[i + 1] ? <CommentsLink comments={comments} clause={i + 1} count={comments.byClause[i + 1]!} /> : null}
          {amendments ? <ClauseAmendments slug={amendments.slug} clause={i + 1} amendments={amendments.data.amendments} open={amendments.data.open} /> : null}
        </li>
      ))}
    </ol>
  );
}

async function CommentsLink({ comments, clause, count }: { comments: ClauseComments; clause: number; count: number }) {
  const [t, locale] = await Promise.all([getTranslations("discussion"), getLocale()]);
  return (
    <p className="mt-1 text-base" lang={locale}>
      <Link href={`/norms/${comments.slug}?clause=${clause}&version=${comments.version}#discussion`}>
        {t("clauseComments", { count })}
        <span className="sr-only"> {t("clauseCommentsOn", { clause })}</span>
      </Link>
    </p>
  );
}

import { Markdown } from "~/app/_components/markdown";

/** A norm's text: numbered clauses, each addressable as #clause-N. */
export function Clauses({ clauses, language, labelledBy }: { clauses: readonly string[]; language: string; labelledBy: string }) {
  return (
    <ol
      lang={language}
      aria-labelledby={labelledBy}
      className="max-w-[42rem] list-decimal ps-8 marker:font-bold"
    >
      {clauses.map((clause, i) => (
        <li key={i} id={`clause-${i + 1}`} className="mb-5 ps-2">
          <Markdown>{clause}</Markdown>
        </li>
      ))}
    </ol>
  );
}

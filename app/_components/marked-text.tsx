import { markTerms } from "./query-terms";

/** A text with the words of a search query marked; the text is rendered as text, never as HTML. */
export function MarkedText({ text, q }: { text: string; q: string }) {
  return (
    <>
      {markTerms(text, q).map((part, i) =>
        part.match ? (
          <mark key={i} className="bg-focus/60 px-0.5 font-semibold text-foreground">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

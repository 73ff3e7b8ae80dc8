import { HIGHLIGHT_END, HIGHLIGHT_START } from "~/server/domain/norm-queries";

/**
 * A search headline with its matched words marked. The server puts plain markers around matches,
 * so the text is never parsed as HTML.
 */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part.replaceAll(HIGHLIGHT_END, "");
        const end = part.indexOf(HIGHLIGHT_END);
        const marked = end === -1 ? part : part.slice(0, end);
        const rest = end === -1 ? "" : part.slice(end + 1).replaceAll(HIGHLIGHT_END, "");
        return (
          <span key={i}>
            <mark className="bg-focus/60 px-0.5 font-semibold text-foreground">{marked}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import type { DiffPart } from "~/server/domain/diff";

type Segment = { type: DiffPart["type"]; text: string };

/**
 * Splits diff parts into paragraphs at clause breaks ("\n\n"); a part that spans a break is cut in
 * two, each half marked as the whole was.
 */
function paragraphs(parts: readonly DiffPart[]): Segment[][] {
  const out: Segment[][] = [[]];
  for (const part of parts) {
    const pieces = part.text.split(/\n{2,}/);
    pieces.forEach((piece, i) => {
      if (i > 0) out.push([]);
      const text = i > 0 ? piece.replace(/^\s+/, "") : piece;
      if (text) out.at(-1)!.push({ type: part.type, text });
    });
  }
  return out.filter((p) => p.some((s) => s.text.trim()));
}

/**
 * A word-level diff. `show` picks what appears: both sides (inline), or the text before (with
 * deletions) or after (with insertions). Changes are underlined or struck through as well as
 * coloured, and named in text for screen readers.
 */
export async function DiffText({
  parts,
  show,
  lang,
}: {
  parts: readonly DiffPart[];
  show: "inline" | "before" | "after";
  lang?: string;
}) {
  const t = await getTranslations("norms.redline");
  const visible = parts.filter((p) => p.type === "equal" || (p.type === "delete" ? show !== "after" : show !== "before"));
  const render = (s: Segment, i: number) =>
    s.type === "insert" ? (
      <ins key={i} className="[del+&]:ms-1 bg-success-subtle text-success-strong underline decoration-2 underline-offset-2">
        <span className="sr-only">[{t("srInserted")} </span>
        {s.text}
        <span className="sr-only">]</span>
      </ins>
    ) : s.type === "delete" ? (
      <del key={i} className="bg-destructive-subtle text-destructive-strong line-through decoration-2">
        <span className="sr-only">[{t("srDeleted")} </span>
        {s.text}
        <span className="sr-only">]</span>
      </del>
    ) : (
      <span key={i}>{s.text}</span>
    );

  const paras = paragraphs(visible);
  return (
    <div lang={lang} className="max-w-[42rem] whitespace-pre-wrap break-words">
      {paras.map((segments, i) => (
        <p key={i} className="mb-5 last:mb-0">
          {segments.map(render)}
        </p>
      ))}
    </div>
  );
}

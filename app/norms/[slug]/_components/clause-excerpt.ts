/**
 * The opening words of a clause as plain text, for a list where the whole clause would be too long:
 * the Markdown's links give their text, and its emphasis and code marks are dropped.
 */
export const clauseExcerpt = (text: string, max = 140) => {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/^\s*(?:[#>]+|[-*+]|\d+\.)\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, "")}…` : plain;
};

/** The opening words of a clause, for a list where the whole text would be too long. */
export const clauseExcerpt = (text: string, max = 140) => {
  const plain = text.replace(/\s+/g, " ").trim();
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, "")}…` : plain;
};

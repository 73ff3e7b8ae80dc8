// Bounds on what user Markdown may make react-markdown (micromark) do, applied before it parses.
// - Nesting: each level of nested block quotes and lists becomes a nested call when the page is built;
//   a comment of a few thousand ">" overflowed the stack, so the norm's page failed for every reader.
//   Container markers at the start of a line beyond MAX_DEPTH are shown as typed (escaped).
// - Delimiters: pairing emphasis markers and link brackets costs micromark time that grows with the
//   square of the unmatched ones in a paragraph ("*a" repeated 5,000 times took seconds). Past
//   MAX_DELIMITERS runs of "*" or "_" or brackets in one paragraph, the rest are shown as typed.
// Real text never reaches either limit, and escaped characters display exactly as written.
// Each line is read once: linear in the length of the text (tests/regex-safety.test.ts).
export const MAX_DEPTH = 12;
export const MAX_DELIMITERS = 100;

const isBlank = (c: string | undefined) => c === " " || c === "\t";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

/** Where the container marker starting at `j` ends, and where to put the escape, or null if none. */
function markerAt(line: string, j: number): { end: number; escapeAt: number } | null {
  const c = line[j];
  if (c === ">") return { end: j + 1, escapeAt: j };
  if ((c === "-" || c === "*" || c === "+") && isBlank(line[j + 1])) return { end: j + 1, escapeAt: j };
  let k = j;
  while (k - j < 9 && isDigit(line[k])) k++;
  if (k > j && (line[k] === "." || line[k] === ")") && isBlank(line[k + 1])) return { end: k + 1, escapeAt: k };
  return null;
}

function limitDepth(line: string): string {
  let depth = 0;
  let i = 0;
  for (;;) {
    let j = i;
    while (isBlank(line[j])) j++;
    const marker = markerAt(line, j);
    if (!marker) return line;
    if (depth === MAX_DEPTH) return `${line.slice(0, marker.escapeAt)}\\${line.slice(marker.escapeAt)}`;
    depth++;
    i = marker.end;
  }
}

/** The Markdown with nesting and emphasis or link delimiters per paragraph bounded. */
export function limitMarkdown(markdown: string): string {
  let runs = 0; // delimiter runs so far in this paragraph
  return markdown
    .split("\n")
    .map((raw) => {
      if (raw.trim() === "") {
        runs = 0;
        return raw;
      }
      const line = limitDepth(raw);
      let out = "";
      for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (c === "\\") {
          out += line.slice(i, i + 2);
          i++;
        } else if (c === "*" || c === "_" || c === "[" || c === "]") {
          if (c === "[" || c === "]" || line[i - 1] !== c) runs++;
          out += runs > MAX_DELIMITERS ? `\\${c}` : c;
        } else out += c;
      }
      return out;
    })
    .join("\n");
}

// Which of the kept encodings of a page a client gets, from its Accept-Encoding header
// (RFC 9110, 12.5.3). Brotli is preferred where it is accepted as well as gzip: every current
// browser asks for it, and a norm page is about 30% smaller in it than gzipped, for the same time
// spent compressing it once (docs/performance.md, "Brotli for the pages kept").

export type Encoding = "br" | "gzip";

/** Each coding's weight as the client gave it (`q`, 1 when absent); `*` stands for any not named. */
function weights(header: string): Map<string, number> {
  const found = new Map<string, number>();
  // Split and trimmed by hand, not by a regular expression: the header is the client's.
  for (const item of header.split(",")) {
    const [name = "", ...params] = item.split(";");
    const coding = name.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const param of params) {
      const [key = "", value = ""] = param.split("=");
      if (key.trim().toLowerCase() !== "q") continue;
      const parsed = Number(value.trim());
      q = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
    }
    if (!found.has(coding)) found.set(coding, q);
  }
  return found;
}

/** The encoding to answer with: the kept one the client weights highest (Brotli on a tie), or none. */
export function chosenEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const given = weights(header);
  const any = given.get("*") ?? 0;
  const weightOf = (coding: Encoding) => given.get(coding) ?? (coding === "gzip" ? (given.get("x-gzip") ?? any) : any);
  const br = weightOf("br");
  const gzip = weightOf("gzip");
  if (br > 0 && br >= gzip) return "br";
  return gzip > 0 ? "gzip" : null;
}

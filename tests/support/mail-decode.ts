// Reads a caught mail as its recipient would: the Subject header's encoded words (RFC 2047) and the
// plain-text part's transfer encoding (quoted-printable or base64) decoded as UTF-8. Enough for the
// mail nodemailer writes; no parser library.
import type { CaughtMail } from "./mail-sink";

const utf8 = (bytes: number[]) => Buffer.from(bytes).toString("utf8");

function fromQuotedPrintable(text: string, underscoreIsSpace = false) {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === "_" && underscoreIsSpace) bytes.push(32);
    else bytes.push(...Buffer.from(c, "utf8"));
  }
  return utf8(bytes);
}

function decodeWords(header: string) {
  return header
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, body: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(body, "base64").toString("utf8") : fromQuotedPrintable(body, true),
    );
}

/** The caught mail's subject and plain-text body, decoded. */
export function readMail(mail: CaughtMail): { subject: string; text: string } {
  const raw = mail.raw.replace(/\r\n/g, "\n");
  const headerEnd = raw.indexOf("\n\n");
  const headers = raw.slice(0, headerEnd).replace(/\n[ \t]+/g, " ");
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? "");
  // A multipart mail: the text/plain part's own headers and body, up to the next boundary.
  const boundary = /boundary="?([^";\s]+)"?/i.exec(headers)?.[1];
  let partHeaders = "";
  let body = raw.slice(headerEnd + 2);
  if (boundary) {
    const plain = raw.split(`--${boundary}`).find((p) => /Content-Type: text\/plain/i.test(p.split("\n\n", 1)[0]!)) ?? "";
    const split = plain.indexOf("\n\n");
    partHeaders = plain.slice(0, split);
    body = plain.slice(split + 2).replace(/\n$/, "");
  }
  const encoding = (/Content-Transfer-Encoding: (\S+)/i.exec(partHeaders) ?? /Content-Transfer-Encoding: (\S+)/i.exec(headers))?.[1]?.toLowerCase();
  const text = encoding === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? fromQuotedPrintable(body) : body;
  return { subject, text };
}

import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { type Mailer, smtpMailer } from "~/server/mail";

export interface CaughtMail {
  to: string[];
  raw: string;
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes, enough to read links in plain-text mail. */
function decodeQuotedPrintable(raw: string) {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A real SMTP server on a free local port that keeps what it receives, and a mailer sending to it.
 * `refuse` messages are answered "451 try again later" first (counted across all recipients).
 */
export async function startMailSink(options: { refuse?: number } = {}) {
  const messages: CaughtMail[] = [];
  let refusals = options.refuse ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refusals > 0) {
          refusals--;
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailer: Mailer = smtpMailer(`smtp://127.0.0.1:${port}`, "Norms Forum <test@normsforum.example>");
  return {
    mailer,
    messages,
    /** The last message to an address. */
    lastTo(address: string) {
      return messages.filter((m) => m.to.includes(address)).at(-1);
    },
    /** The token of the last link to `path` sent to an address. */
    tokenFor(address: string, path: string) {
      const text = this.lastTo(address)?.text ?? "";
      const match = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_%-]+)`));
      return match ? decodeURIComponent(match[1]!) : undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type MailSink = Awaited<ReturnType<typeof startMailSink>>;

// A local SMTP server that accepts and counts every message, and a mailer sending to it through the
// app's own SMTP mailer (nodemailer), for `npm run bench:notify`. The idea of
// tests/support/mail-sink.ts, without its reading of links.
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { SMTPServer } from "smtp-server";
import { type Mailer, smtpMailer } from "~/server/mail";

export async function startCountingSink() {
  let received = 0;
  let lastAt = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // A reverse DNS lookup of 127.0.0.1 per connection would be most of a mail's time here.
    disableReverseLookup: true,
    // The bench sends thousands of mails: no limit on connections a real relay would keep.
    maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        lastAt = performance.now();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const from = "Norms Forum <bench@normsforum.example>";
  // As the app's mailer is made from SMTP_URL: a connection per mail, unless the address asks for a pool.
  const mailer: Mailer = smtpMailer(`smtp://127.0.0.1:${port}`, from);
  const pooledMailer: Mailer = smtpMailer(`smtp://127.0.0.1:${port}/?pool=true`, from);
  return {
    mailer,
    pooledMailer,
    /** Messages accepted so far. */
    get received() {
      return received;
    },
    /** performance.now() when the last message was accepted. */
    get lastAt() {
      return lastAt;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

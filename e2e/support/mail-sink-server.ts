// A real SMTP server for the end-to-end tests: the app sends mail to it over SMTP, and the tests
// read what arrived over HTTP (GET /messages?to=address).
import { createServer } from "node:http";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.E2E_MAIL_PORT ?? 2525);
const httpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 2526);
const messages: { to: string[]; text: string; receivedAt: string }[] = [];

const decode = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        text: decode(Buffer.concat(chunks).toString("utf8")),
        receivedAt: new Date().toISOString(),
      });
      callback();
    });
  },
});
smtp.listen(smtpPort, "127.0.0.1");

createServer((req, res) => {
  const url = new URL(req.url ?? "/", `http://127.0.0.1:${httpPort}`);
  res.setHeader("content-type", "application/json");
  if (url.pathname === "/health") return res.end('{"status":"ok"}');
  const to = url.searchParams.get("to")?.toLowerCase();
  res.end(JSON.stringify(messages.filter((m) => !to || m.to.includes(to))));
}).listen(httpPort, "127.0.0.1");

import "server-only";
// The one mailer of this process: SMTP when SMTP_URL is set, otherwise the log. Shared by requests
// (server/context.ts) and the scheduled tick (server/tick-timer.ts).
import { env } from "~/env.js";
import { logger } from "./logger";
import { logMailer, type Mailer, smtpMailer } from "./mail";

let mailer: Mailer | undefined;
export function getMailer(): Mailer {
  if (!mailer) {
    if (env.SMTP_URL) mailer = smtpMailer(env.SMTP_URL, env.MAIL_FROM);
    else {
      if (env.NODE_ENV === "production") logger.warn("SMTP_URL is unset: mail is written to the log, not sent");
      mailer = logMailer;
    }
  }
  return mailer;
}

import nodemailer from "nodemailer";
import { logger } from "./logger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML part beside the plain text (notification mail). */
  html?: string;
  /** Further headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Sends through SMTP (e.g. `smtp://user:pass@host:587`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Development without SMTP_URL: each message, with its link, goes to the server log. In production
 * the log gets only the subject: an address and a sign-in link do not belong in a log file.
 */
export const logMailer: Mailer = {
  async send(message) {
    if (process.env.NODE_ENV === "production") {
      logger.warn({ subject: message.subject }, "mail not sent: SMTP_URL is unset");
      return;
    }
    logger.info({ mail: message }, `mail to ${message.to} (not sent: SMTP_URL is unset)\n${message.text}`);
  },
};

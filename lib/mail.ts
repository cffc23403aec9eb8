// Outgoing mail through the configured SMTP server (SMTP_URL, MAIL_FROM). Without one, nothing is
// sent: callers say so to the user, and in development the message is printed to the server log.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transport: Transporter | undefined;

export function mailConfigured(): boolean {
  return env().mail !== null;
}

export type Mail = { to: string; subject: string; text: string };

/** Sends a plain-text message; `false` when no SMTP server is configured or it refused. */
export async function sendMail(mail: Mail): Promise<boolean> {
  const config = env().mail;
  if (!config) {
    if (env().nodeEnv !== "production")
      console.info(`[mail, not sent: no SMTP_URL] To: ${mail.to}\n${mail.subject}\n\n${mail.text}`);
    return false;
  }
  transport ??= nodemailer.createTransport(config.url, { connectionTimeout: 10_000 });
  try {
    await transport.sendMail({ from: config.from, ...mail });
    return true;
  } catch (error) {
    console.error("Sending mail failed:", error instanceof Error ? error.message : error);
    return false;
  }
}

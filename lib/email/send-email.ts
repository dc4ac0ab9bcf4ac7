import nodemailer from "nodemailer";

/** Whether outgoing email is configured (`SMTP_URL`, e.g. smtp://user:pass@host:587). */
export function isEmailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL);
}

/** Sends one plain-text email through SMTP; a no-op returning false when SMTP is not configured. */
export async function sendEmail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  if (!isEmailConfigured()) return false;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  await transport.sendMail({ from: process.env.MARGINAL_EMAIL_FROM ?? "Marginal <no-reply@marginal.local>", ...message });
  return true;
}

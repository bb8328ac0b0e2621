/**
 * Outgoing mail (invitations, alerts) over SMTP with nodemailer. SMTP_URL configures
 * the relay (smtp://user:pass@host:587, smtps://...); MAIL_FROM the sender. Without
 * SMTP_URL, messages are written to the log so a first install still shows the link.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpConfig {
  url: string;
  from: string;
  /** Extra trusted CA (PEM) for the relay's certificate, e.g. a private relay in tests. */
  ca?: string;
}

export function smtpMailer(config: SmtpConfig): Mailer {
  const url = new URL(config.url);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got "${url.protocol}")`);
  }
  const secure = url.protocol === 'smtps:';
  const transport: Transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...(config.ca ? { tls: { ca: [config.ca] } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

export function logMailer(log: Pick<FastifyBaseLogger, 'info'>): Mailer {
  return {
    send(mail) {
      log.info({ mail }, 'SMTP_URL is not set; this e-mail was not sent');
      return Promise.resolve();
    },
    close: () => undefined,
  };
}

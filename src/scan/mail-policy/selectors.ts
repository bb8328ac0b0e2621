/**
 * DKIM selectors to try when the user gives none. DKIM keys live at
 * <selector>._domainkey.<domain> and the selector is only visible in signed mail, so
 * from outside we can only try names that providers use by default. A miss proves
 * nothing, which is why mail.dkim says "not found" as information, never as a failure.
 *
 * Not listable: Amazon SES Easy DKIM (three random 32-character tokens per domain),
 * Postmark and Google's own date-based selectors (e.g. 20230601), HubSpot (hs1-<id>).
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = [
  // Microsoft 365: "selector1" and "selector2" CNAMEs (learn.microsoft.com, "Set up DKIM to sign mail from your cloud domain").
  'selector1',
  'selector2',
  // Google Workspace: default selector prefix "google" (support.google.com/a/answer/174124).
  'google',
  // Mailchimp: k2/k3 CNAMEs, k1 in older setups (mailchimp.com/help/set-up-email-domain-authentication).
  'k1',
  'k2',
  'k3',
  // Mandrill (Mailchimp Transactional): mandrill._domainkey (mailchimp.com/developer/transactional/docs/authentication-delivery).
  'mandrill',
  // SendGrid: automated security CNAMEs s1/s2; "smtpapi" for manual setups (docs.sendgrid.com, "How to set up domain authentication").
  's1',
  's2',
  'smtpapi',
  // Mailjet: mailjet._domainkey (documentation.mailjet.com, "How to set up DKIM").
  'mailjet',
  // Zoho Mail: the selector suggested in its DKIM setup (zoho.com/mail/help/adminconsole/dkim-configuration.html).
  'zoho',
  // Fastmail: fm1/fm2/fm3 CNAMEs (fastmail.help, "Manual DNS configuration").
  'fm1',
  'fm2',
  'fm3',
  // Proton Mail: protonmail, protonmail2, protonmail3 CNAMEs (proton.me/support/anti-spoofing-custom-domain).
  'protonmail',
  'protonmail2',
  'protonmail3',
  // Brevo (Sendinblue): "mail" in older setups, brevo1/brevo2 CNAMEs now (help.brevo.com, "Authenticate your domain").
  'brevo1',
  'brevo2',
  // Zendesk: zendesk1/zendesk2 CNAMEs (support.zendesk.com, "Digitally signing your email with DKIM").
  'zendesk1',
  'zendesk2',
  // iCloud+ custom domains: sig1 CNAME (support.apple.com, custom email domain set-up).
  'sig1',
  // Hosting panels and signing software: cPanel and Plesk use "default"; rspamd's default is "dkim";
  // "mail" is OpenDKIM's documented example (and Brevo's old selector); DirectAdmin uses "x".
  'default',
  'dkim',
  'mail',
  'x',
];

/** Selectors as a domain stores them: separated by spaces, '' for none. */
export function storedSelectors(text: string): string[] {
  return text.split(' ').filter((selector) => selector !== '');
}

/** A selector is one or more DNS labels (RFC 6376 3.1). */
const SELECTOR = /^[a-z0-9](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9](?:[a-z0-9_-]{0,62}))*$/;
export const MAX_GIVEN_SELECTORS = 20;

/**
 * The user's own selectors (CLI flag, app setting): separated by commas or spaces,
 * lower-cased, each once. A mistake names the selector, for the CLI's or the app's message.
 */
export type SelectorProblem = { code: 'notSelector'; selector: string } | { code: 'tooMany'; max: number };

export function parseSelectorList(text: string): { ok: true; selectors: string[] } | { ok: false; reason: string; problem: SelectorProblem } {
  const selectors = [...new Set(text.split(/[\s,]+/).map((value) => value.trim().toLowerCase()).filter((value) => value !== ''))];
  const bad = selectors.find((selector) => !SELECTOR.test(selector) || selector.length > 200);
  if (bad !== undefined) {
    const selector = bad.slice(0, 80);
    return { ok: false, reason: `'${selector}' is not a selector (letters, digits, '-', '_' and dots, e.g. selector1)`, problem: { code: 'notSelector', selector } };
  }
  if (selectors.length > MAX_GIVEN_SELECTORS) return { ok: false, reason: `give at most ${MAX_GIVEN_SELECTORS} selectors`, problem: { code: 'tooMany', max: MAX_GIVEN_SELECTORS } };
  return { ok: true, selectors };
}

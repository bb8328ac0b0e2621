/**
 * The world the browser flow runs in: a webshop to scan (HTTPS site on 127.0.5.2 with
 * a test-PKI certificate, found through a DNS fixture on 127.0.5.53), a real SMTP
 * mailbox on 127.0.5.25, and the real app (SQLite) listening on 127.0.5.20:8080,
 * sending its mail over SMTP and scanning with the fixture resolver and test root.
 */
import { smtpMailer } from '../../src/mail/mailer.js';
import { startDnsServer, type DnsTestServer } from '../fixtures/dns-server.js';
import { testPki } from '../fixtures/pki.js';
import { startSite, type RunningSite } from '../fixtures/site.js';
import { startTestApp, type TestApp } from '../web/harness.js';
import { startSmtpSink, type SmtpSink } from '../web/smtp-sink.js';

export const APP_ADDRESS = '127.0.5.20';
export const APP_PORT = 8080;
export const BASE_URL = `http://${APP_ADDRESS}:${APP_PORT}`;
export const SHOP_DOMAIN = 'shop.test';
const SITE_ADDRESS = '127.0.5.2';
const DNS_ADDRESS = '127.0.5.53';
const SMTP_ADDRESS = '127.0.5.25';

export interface FlowWorld {
  app: TestApp;
  mailbox: SmtpSink;
  close(): Promise<void>;
}

const SHOP_HEADERS = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'content-security-policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // A cookie without Secure, so the result has a failure with advice to read.
  'set-cookie': ['PHPSESSID=abc123; Path=/'],
};

export async function startFlowWorld(): Promise<FlowWorld> {
  const pki = await testPki();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const site: RunningSite = await startSite({
      address: SITE_ADDRESS,
      cert: await pki.issue({ names: [SHOP_DOMAIN, `www.${SHOP_DOMAIN}`], key: 'ec256' }),
      tls: { minVersion: 'TLSv1.2' },
      headers: SHOP_HEADERS,
    });
    cleanups.push(() => site.close());
    const dns: DnsTestServer = await startDnsServer({
      address: DNS_ADDRESS,
      port: 53,
      records: [
        { name: SHOP_DOMAIN, type: 'A', ttl: 60, data: SITE_ADDRESS },
        { name: `www.${SHOP_DOMAIN}`, type: 'CNAME', ttl: 60, data: SHOP_DOMAIN },
        { name: SHOP_DOMAIN, type: 'SOA', ttl: 60, data: { mname: `ns.${SHOP_DOMAIN}`, rname: `hostmaster.${SHOP_DOMAIN}` } },
      ],
    });
    cleanups.push(() => dns.close());
    const mailbox = await startSmtpSink(SMTP_ADDRESS);
    cleanups.push(() => mailbox.close());
    const mailer = smtpMailer({ url: mailbox.url, from: 'Weerbaar <noreply@weerbaar.test>' });
    const app = await startTestApp('sqlite', {
      mailer,
      config: { baseUrl: BASE_URL },
      scanOptions: { resolver: { address: DNS_ADDRESS, port: 53 }, extraCa: [pki.root.certPem], allowPrivate: true, timeoutMs: 20_000 },
    });
    cleanups.push(async () => {
      await app.close();
      mailer.close();
    });
    await app.app.listen({ host: APP_ADDRESS, port: APP_PORT });
    return {
      app,
      mailbox,
      close: async () => {
        for (const cleanup of cleanups.reverse()) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    throw error;
  }
}

/**
 * The link to `path` in the newest message to `to` after the first `after` messages of the
 * world's mailbox (real SMTP); mail sent in the background may take a moment to arrive.
 */
export async function mailedLink(world: FlowWorld, to: string, path: string, after = 0): Promise<string> {
  const pattern = new RegExp(`${BASE_URL.replace(/\./g, '\\.')}${path}[A-Za-z0-9_-]+`);
  for (let waited = 0; waited < 10_000; waited += 100) {
    const mail = world.mailbox.received.slice(after).reverse().find((message) => message.to.includes(to) && pattern.test(message.text));
    if (mail) return pattern.exec(mail.text)?.[0] ?? '';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail with ${path} to ${to}: ${JSON.stringify(world.mailbox.received.map((m) => m.to))}`);
}

/**
 * A whole, well-run shop on loopback for the benchmarks: a DNSSEC-signed `shop.test`
 * (signed test root, TLD and zone) served on the given DNS address, nginx with the
 * shop (a home page, 23 product pages and a complete Dutch privacy statement linked from
 * every page), security headers, security.txt and an MTA-STS policy, and two postfix MX
 * hosts with STARTTLS and matching TLSA records. Every check that can pass on loopback
 * passes, so a benchmark times the full work of each check.
 */
import { X509Certificate, createHash, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DnsFixtureRecord, DnsTestServer } from '../test/fixtures/dns-server.js';
import { startSignedDnsServer } from '../test/fixtures/dnssec/server.js';
import { buildSignedWorld } from '../test/fixtures/dnssec/world.js';
import { startNginx, type RunningNginx } from '../test/fixtures/nginx.js';
import { testPki, writeCertFiles } from '../test/fixtures/pki.js';
import { startPostfix, type RunningPostfix } from '../test/fixtures/postfix.js';

export const SHOP = 'shop.test';
export const PRODUCT_PAGES = 23;

export interface ShopWorldOptions {
  dns: string;
  web: string;
  mx: readonly [string, string];
  /** 'shop': 25 pages with a privacy statement (default); 'home': one page, as issue 4's mail benchmark had. */
  pages?: 'shop' | 'home';
}

export interface ShopWorld {
  dns: DnsTestServer;
  nginx: RunningNginx;
  postfixes: RunningPostfix[];
  /** The test PKI's root, for --ca-file. */
  rootPem: string;
  /** The signed root's DS records, for --trust-anchor. */
  anchorText: string;
  close(): Promise<void>;
}

const a = (name: string, address: string): DnsFixtureRecord => ({ name, type: 'A', data: address });
/** TXT strings are at most 255 bytes each; a DKIM key needs several. */
const txt = (name: string, text: string): DnsFixtureRecord => ({ name, type: 'TXT', data: text.match(/.{1,255}/g) ?? [''] });

const SECURITY_HEADERS = `
add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" always;
add_header X-Content-Type-Options "nosniff" always;
add_header X-Frame-Options "DENY" always;
add_header Referrer-Policy "strict-origin-when-cross-origin" always;`;

/** A well-run postfix: TLS 1.2+ only, strong ciphers, as the Dutch NCSC guidelines ask. */
const POSTFIX_TLS = [
  'smtpd_tls_protocols = >=TLSv1.2',
  'smtpd_tls_mandatory_protocols = >=TLSv1.2',
  'smtpd_tls_ciphers = high',
  'smtpd_tls_exclude_ciphers = aNULL, CBC, SHA1, RSA, DHE',
  'tls_preempt_cipherlist = yes',
];

function page(title: string, body: string): string {
  const nav = ['<a href="/">Home</a>', ...Array.from({ length: PRODUCT_PAGES }, (_, index) => `<a href="/product-${index + 1}.html">Product ${index + 1}</a>`)];
  return `<!doctype html><html lang="nl"><head><title>${title}</title></head><body><nav>${nav.join(' ')}</nav><main><h1>${title}</h1>${body}</main>
<footer><a href="/privacyverklaring.html">Privacyverklaring</a></footer></body></html>\n`;
}

function statementPage(): string {
  const text = readFileSync(new URL('../test/privacy-corpus/nl-complete.txt', import.meta.url), 'utf8');
  const paragraphs = text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  return page('Privacyverklaring', paragraphs.join('\n'));
}

/** The shop's pages: home, products and the statement, each linking to the statement. */
export function shopPages(): Record<string, string> {
  const files: Record<string, string> = { 'index.html': page('Winkel', '<p>Welkom in onze winkel.</p>'), 'privacyverklaring.html': statementPage() };
  for (let index = 1; index <= PRODUCT_PAGES; index += 1) files[`product-${index}.html`] = page(`Product ${index}`, `<p>Een mooi product, nummer ${index}.</p>`);
  return files;
}

export async function startShopWorld(dir: string, at: ShopWorldOptions): Promise<ShopWorld> {
  const pki = await testPki();
  const web = await pki.issue({ names: [SHOP, `www.${SHOP}`, `mta-sts.${SHOP}`] });
  const webFiles = writeCertFiles(dir, 'web', web);
  const mxCerts = await Promise.all(at.mx.map((_, index) => pki.issue({ names: [`mx${index + 1}.${SHOP}`] })));
  const postfixes = await Promise.all(
    at.mx.map((address, index) => {
      const files = writeCertFiles(dir, `mx${index + 1}`, mxCerts[index]!);
      return startPostfix({ address, hostname: `mx${index + 1}.${SHOP}`, ...files, extraMainCf: POSTFIX_TLS });
    }),
  );
  const nginx = await startNginx({
    address: at.web,
    sites: [
      {
        serverName: `${SHOP} www.${SHOP} mta-sts.${SHOP}`,
        ...webFiles,
        protocols: 'TLSv1.2 TLSv1.3',
        ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
        ecdhCurve: 'X25519:prime256v1:secp384r1',
        extraHttpsConfig: SECURITY_HEADERS,
        httpConfig: 'return 301 https://$host$request_uri;',
        files: {
          ...(at.pages === 'home' ? { 'index.html': '<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1></body></html>\n' } : shopPages()),
          '.well-known/security.txt': `Contact: mailto:security@${SHOP}\nExpires: ${new Date(Date.now() + 180 * 86_400_000).toISOString()}\n`,
          '.well-known/mta-sts.txt': `version: STSv1\nmode: enforce\nmx: *.${SHOP}\nmax_age: 604800\n`,
        },
      },
    ],
  });
  const spki = (pem: string): Buffer =>
    createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest();
  const dkim = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const records: DnsFixtureRecord[] = [
    a(SHOP, at.web),
    a(`www.${SHOP}`, at.web),
    a(`mta-sts.${SHOP}`, at.web),
    { name: SHOP, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'letsencrypt.org' } },
    txt(SHOP, 'v=spf1 mx -all'),
    txt(`_dmarc.${SHOP}`, `v=DMARC1; p=reject; rua=mailto:dmarc@${SHOP}`),
    txt(`mail._domainkey.${SHOP}`, `v=DKIM1; k=rsa; p=${dkim}`),
    txt(`_mta-sts.${SHOP}`, 'v=STSv1; id=1'),
    txt(`_smtp._tls.${SHOP}`, `v=TLSRPTv1; rua=mailto:tlsrpt@${SHOP}`),
    ...at.mx.flatMap((address, index): DnsFixtureRecord[] => [
      { name: SHOP, type: 'MX', data: { preference: 10 * (index + 1), exchange: `mx${index + 1}.${SHOP}` } },
      a(`mx${index + 1}.${SHOP}`, address),
      {
        name: `_25._tcp.mx${index + 1}.${SHOP}`,
        type: 'TLSA',
        data: { usage: 3, selector: 1, matchingType: 1, certificate: spki(mxCerts[index]!.certPem) },
      },
    ]),
  ];
  const world = buildSignedWorld({ zones: [{ name: '' }, { name: 'test' }, { name: SHOP, records }] });
  const dns = await startSignedDnsServer({ address: at.dns, port: 53, world });
  return {
    dns,
    nginx,
    postfixes,
    rootPem: pki.root.certPem,
    anchorText: world.trustAnchorText,
    close: async () => {
      await Promise.all(postfixes.map((postfix) => postfix.stop()));
      await nginx.close();
      await dns.close();
    },
  };
}

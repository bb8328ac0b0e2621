/**
 * Hand-built evidence for the web HTTP check tests: a healthy shop by default, with
 * helpers to change one thing at a time.
 */
import { expect } from 'vitest';
import { LANGS } from '../../../src/core/lang.js';
import type { Check, CheckVerdict } from '../../../src/scan/check.js';
import type { ExposedPathProbe, FetchChain, FetchHop, PathEvidence, ScanEvidence, WebHostEvidence } from '../../../src/scan/evidence/index.js';
import { SENSITIVE_PATHS } from '../../../src/scan/collect/http/paths.js';
import { matchSignature } from '../../../src/scan/collect/http/exposure-signatures.js';
import { webHttpChecks } from '../../../src/scan/checks/web/http/index.js';
import { renderMessage } from '../../../src/scan/texts.js';

export const NOW = new Date('2026-06-01T12:00:00Z');
export const APEX = 'shop.example';
export const WWW = 'www.shop.example';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

export const GOOD_HEADERS: [string, string][] = [
  ['content-type', 'text/html; charset=utf-8'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['content-security-policy', STRICT_CSP],
  ['x-frame-options', 'DENY'],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['server', 'nginx'],
];

export const HOME = '<!doctype html><html><head><title>Shop</title><link rel="stylesheet" href="/style.css"></head><body><img src="https://cdn.shop.example/a.png"><script src="/app.js"></script></body></html>';

export function hop(url: string, status: number | undefined, headers: [string, string][] = [], extra: Partial<FetchHop> = {}): FetchHop {
  return { url, address: '192.0.2.10', ...(status === undefined ? {} : { status }), headers, durationMs: 12, ...extra };
}

export function failedHop(url: string, kind: NonNullable<FetchHop['error']>['kind'], message = `${kind} failure`): FetchHop {
  return { url, headers: [], durationMs: 5, error: { kind, message } };
}

export function chain(hops: FetchHop[], body?: string, extra: Partial<FetchChain> = {}): FetchChain {
  const last = hops.at(-1);
  return {
    hops,
    ...(body === undefined ? {} : { body }),
    bodyBytes: body ? Buffer.byteLength(body) : 0,
    bodyTruncated: false,
    ...(last?.error ? { error: last.error } : {}),
    ...extra,
  };
}

/** An HTTPS home page answering 200 with `headers` and `body`. */
export function httpsPage(host: string, headers: [string, string][] = GOOD_HEADERS, body = HOME): FetchChain {
  return chain([hop(`https://${host}/`, 200, headers, { tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' } })], body);
}

export const SECURITY_TXT = 'Contact: mailto:security@shop.example\nExpires: 2026-12-31T23:00:00Z\nPreferred-Languages: nl, en\n';

export function securityTxtChain(name: string, body = SECURITY_TXT, status = 200, type = 'text/plain; charset=utf-8'): FetchChain {
  return chain([hop(`https://${name}/.well-known/security.txt`, status, [['content-type', type]])], body);
}

/** Every sensitive path answered by a soft 404: status 200 with the home page. */
export function softProbes(): ExposedPathProbe[] {
  return SENSITIVE_PATHS.map((path) => ({ path, status: 200, contentType: 'text/html', bodyBytes: HOME.length }));
}

/** A probe as the collector records it after reading `snippet` (and a title) at `path`: the signature, never the content. */
export function contentProbe(path: string, snippet: string, extra: Partial<ExposedPathProbe> & { title?: string } = {}): ExposedPathProbe {
  const { title, ...rest } = extra;
  const signature = matchSignature(path, title === undefined ? { snippet } : { snippet, title });
  return { path, status: 200, contentType: 'text/plain', bodyBytes: snippet.length, ...(signature ? { signature } : {}), ...rest };
}

export function paths(name: string, overrides: Partial<PathEvidence> = {}): PathEvidence {
  return { securityTxt: securityTxtChain(name), exposure: softProbes(), ...overrides };
}

export function host(name: string, role: 'apex' | 'www', overrides: Partial<WebHostEvidence> = {}): WebHostEvidence {
  return {
    host: name,
    role,
    dns: { a: ['192.0.2.10'], aaaa: ['2001:db8::10'], cnames: [] },
    refused: [],
    http: chain([hop(`http://${name}/`, 301, [['location', `https://${name}/`]]), hop(`https://${name}/`, 200, GOOD_HEADERS)], HOME),
    https: httpsPage(name),
    httpsIpv6: { address: '2001:db8::10', ok: true, status: 200 },
    ...(role === 'apex' ? { paths: paths(name) } : {}),
    ...overrides,
  };
}

export function noAddressHost(name: string, role: 'apex' | 'www', error?: string): WebHostEvidence {
  return { host: name, role, dns: { a: [], aaaa: [], cnames: [], ...(error ? { error } : {}) }, refused: [] };
}

export function scan(...hosts: WebHostEvidence[]): ScanEvidence {
  return { target: APEX, collectedAt: NOW.toISOString(), web: { hosts } };
}

/** Run a check and render every message it returns in every language (a missing key throws). */
export function judge(check: Check, evidence: ScanEvidence, now = NOW): CheckVerdict {
  const result = check.run(evidence, { now });
  for (const lang of LANGS) {
    for (const message of [result.summary, ...result.advice]) {
      const text = renderMessage(webHttpChecks, check, message, lang);
      expect(text, `${check.id} ${lang} ${message.key}`).not.toMatch(/\{\{/);
    }
  }
  expect(() => JSON.stringify(result.evidence)).not.toThrow();
  return result;
}

export const adviceKeys = (result: CheckVerdict): string[] => result.advice.map((ref) => ref.key);

/** The apex with its https page replaced. */
export function withPage(headers: [string, string][], body = HOME): ScanEvidence {
  return scan(host(APEX, 'apex', { https: httpsPage(APEX, headers, body) }));
}

export function replaceHeader(name: string, value: string | undefined): [string, string][] {
  const kept = GOOD_HEADERS.filter(([key]) => key !== name);
  return value === undefined ? kept : [...kept, [name, value]];
}

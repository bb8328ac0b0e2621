/**
 * Evidence builders for the web TLS check tests: recorded probe output (good.json: ECDSA,
 * TLS 1.2 + 1.3, AEAD only; weak.json: TLS 1.0-1.2, CBC, static RSA, DHE-1024, client
 * order) wrapped in ScanEvidence, plus helpers to vary single facts.
 */
import { readFileSync } from 'node:fs';
import { LANGS } from '../../../src/core/lang.js';
import type { Check, CheckVerdict } from '../../../src/scan/check.js';
import type { CertInfo, ScanEvidence, TlsEvidence, WebHostEvidence } from '../../../src/scan/evidence/index.js';
import { renderMessage } from '../../../src/scan/texts.js';
import { webTlsChecks } from '../../../src/scan/checks/web/tls/index.js';

function load(name: string): TlsEvidence {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as TlsEvidence;
}

export const GOOD: TlsEvidence = load('good');
export const WEAK: TlsEvidence = load('weak');
/** The scan clock for recorded evidence: a week after it was recorded, certificates valid for ~80 more days. */
export const NOW = new Date('2026-12-01T00:00:00Z');

export function tls(base: TlsEvidence, change: (evidence: TlsEvidence) => void = () => undefined): TlsEvidence {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

export function cert(overrides: Partial<CertInfo>): CertInfo {
  return {
    subject: 'CN=shop.test',
    issuer: 'CN=Weerbaar Test Intermediate',
    commonName: 'shop.test',
    subjectAltNames: ['DNS:shop.test'],
    notBefore: '2026-11-01T00:00:00.000Z',
    notAfter: '2027-02-01T00:00:00.000Z',
    keyType: 'ec',
    keyBits: 256,
    curve: 'prime256v1',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    selfSigned: false,
    isCA: false,
    fingerprintSha256: 'AA',
    ...overrides,
  };
}

export function host(name: string, role: 'apex' | 'www', evidence?: TlsEvidence, extra: Partial<WebHostEvidence> = {}): WebHostEvidence {
  return {
    host: name,
    role,
    dns: { a: ['192.0.2.10'], aaaa: [], cnames: [] },
    refused: [],
    ...(evidence ? { tls: { ...evidence, host: name } } : {}),
    ...extra,
  };
}

export function scan(...hosts: WebHostEvidence[]): ScanEvidence {
  return { target: 'shop.test', collectedAt: '2026-11-30T00:00:00Z', web: { hosts } };
}

/** Run a check and render every message it produced in every language, so missing texts or parameters fail the test. */
export function judge(check: Check, evidence: ScanEvidence, now: Date = NOW): CheckVerdict {
  const verdict = check.run(evidence, { now });
  for (const lang of LANGS) {
    for (const message of [verdict.summary, ...verdict.advice]) {
      const text = renderMessage(webTlsChecks, check, message, lang);
      if (/\{\{/.test(text)) throw new Error(`${check.id} ${message.key} (${lang}) left a placeholder: ${text}`);
    }
  }
  return verdict;
}

/** The same TLS evidence on the apex only. */
export function apex(evidence: TlsEvidence): ScanEvidence {
  return scan(host('shop.test', 'apex', evidence));
}

export const adviceKeys = (verdict: CheckVerdict): string[] => verdict.advice.map((message) => message.key);

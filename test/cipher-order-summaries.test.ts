/**
 * web.tls.cipher-order and its mail twin mail.tls.cipher-order: the summary states only what
 * the evidence shows. A summary that says the server prefers (or picks) a suite needs
 * evidence that the server chooses (serverEnforced true); one that says the client or
 * sending server chooses needs serverEnforced false. Every state of the order rule is
 * built from the recorded probe output (test/evidence/tls) and judged with each value of
 * serverEnforced, on the web and on the mail side, and rendered in every language.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import type { Check, CheckVerdict } from '../src/scan/check.js';
import { mailTransportChecks } from '../src/scan/checks/mail/transport/index.js';
import { mailTlsCipherOrder } from '../src/scan/checks/mail/transport/tls.js';
import { tlsCipherOrder } from '../src/scan/checks/web/tls/cipher-order.js';
import { webTlsChecks } from '../src/scan/checks/web/tls/index.js';
import type { MailEvidence, MailServerEvidence } from '../src/scan/evidence/mail.js';
import type { ScanEvidence, TlsEvidence } from '../src/scan/evidence/index.js';
import { renderMessage } from '../src/scan/texts.js';
import { GOOD, NOW, WEAK, apex, tls } from './evidence/tls/builders.js';

const SUFFICIENT = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';
const PHASE_OUT = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256';
const INSUFFICIENT = 'TLS_RSA_WITH_AES_128_CBC_SHA';

/** The TLS 1.2 suite mixes that lead to each state of the order rule. */
const MIXES: Record<string, string[]> = {
  'better and phase-out, better first': [SUFFICIENT, PHASE_OUT],
  'better and phase-out, phase-out first': [PHASE_OUT, SUFFICIENT],
  'better only': [SUFFICIENT],
  'better and insufficient': [SUFFICIENT, INSUFFICIENT],
  'phase-out only': [PHASE_OUT],
  'insufficient only': [INSUFFICIENT],
};

/** The recorded weak server (TLS 1.0-1.2) with only `suites` at TLS 1.2, in that server order. */
function evidenceWith(suites: string[], serverEnforced: boolean | null): TlsEvidence {
  return tls(WEAK, (evidence) => {
    evidence.versions.TLSv1 = false;
    evidence.versions['TLSv1.1'] = false;
    evidence.ciphers = suites.map((iana, index) => ({ code: index + 1, iana, version: 'TLSv1.2' }));
    evidence.cipherOrder = { 'TLSv1.2': { serverEnforced, preferred: serverEnforced ? suites : [] } };
  });
}

function mailScan(tlsEvidence: TlsEvidence): ScanEvidence {
  const host = 'mx.shop.test';
  const server: MailServerEvidence = {
    host,
    preference: 10,
    dns: { a: ['192.0.2.25'], aaaa: [], cnames: [] },
    refused: [],
    smtp: { address: '192.0.2.25', port: 25, ehloName: 'weerbaar.invalid', starttlsOffered: true, readyForTls: true, transcript: [], durationMs: 5 },
    tls: { ...tlsEvidence, host, port: 25 },
    tlsa: { name: `_25._tcp.${host}`, dnssec: 'secure', records: [] },
  };
  const mail = { domain: 'shop.test', mx: { records: [{ preference: 10, exchange: host }], nullMx: false }, servers: [server], spf: {}, dmarc: {}, dkim: {}, mtaSts: {}, tlsRpt: {} };
  return { target: 'shop.test', collectedAt: NOW.toISOString(), mail: mail as MailEvidence };
}

const SIDES: { check: Check; all: readonly Check[]; scan: (evidence: TlsEvidence) => ScanEvidence }[] = [
  { check: tlsCipherOrder, all: webTlsChecks, scan: apex },
  { check: mailTlsCipherOrder, all: mailTransportChecks, scan: mailScan },
];

/** Summary keys that say the server itself picks or prefers, and those that say the other side picks. */
const SERVER_CHOOSES = new Set(['pass', 'badOrder']);
const CLIENT_CHOOSES = new Set(['clientOrder', 'noPhaseOutClientOrder']);

function judged(check: Check, all: readonly Check[], evidence: ScanEvidence): { verdict: CheckVerdict; english: string } {
  const verdict = check.run(evidence, { now: NOW });
  for (const lang of LANGS) expect(renderMessage(all, check, verdict.summary, lang)).not.toMatch(/\{\{/);
  return { verdict, english: renderMessage(all, check, verdict.summary, 'en') };
}

describe('cipher order summaries match their evidence', () => {
  for (const { check, all, scan } of SIDES) {
    describe(check.id, () => {
      for (const [mix, suites] of Object.entries(MIXES)) {
        for (const serverEnforced of [true, false, null]) {
          it(`${mix}, serverEnforced ${serverEnforced}`, () => {
            const { verdict, english } = judged(check, all, scan(evidenceWith(suites, serverEnforced)));
            const hosts = verdict.evidence.hosts as { serverEnforced: boolean | null }[];
            expect(hosts[0]?.serverEnforced).toBe(serverEnforced);
            if (SERVER_CHOOSES.has(verdict.summary.key)) expect(serverEnforced, english).toBe(true);
            if (CLIENT_CHOOSES.has(verdict.summary.key)) expect(serverEnforced, english).toBe(false);
            // In words: praise for the server's preference only when it was seen choosing.
            if (serverEnforced !== true) expect(english).not.toMatch(/^\S+ (prefers|chooses)\b/);
            if (serverEnforced !== false) expect(english).not.toMatch(/^\S+ lets the (visitor's software|sending server) choose/);
          });
        }
      }

      it('each state has its own summary', () => {
        const key = (suites: string[], serverEnforced: boolean | null): string => judged(check, all, scan(evidenceWith(suites, serverEnforced))).verdict.summary.key;
        expect(key([SUFFICIENT, PHASE_OUT], true)).toBe('pass');
        expect(key([PHASE_OUT, SUFFICIENT], true)).toBe('badOrder');
        expect(key([SUFFICIENT, PHASE_OUT], false)).toBe('clientOrder');
        expect(key([SUFFICIENT, PHASE_OUT], null)).toBe('unknown');
        expect(key([SUFFICIENT], true)).toBe('noPhaseOut');
        expect(key([SUFFICIENT], null)).toBe('noPhaseOut');
        expect(key([SUFFICIENT], false)).toBe('noPhaseOutClientOrder');
        expect(key([PHASE_OUT], true)).toBe('noBetter');
        expect(key(['TLS_AES_256_GCM_SHA384'], false)).toBe('onlyGood');
      });

      it('the recorded well-configured server (server order, no phase-out suite) is not praised for an order it does not need', () => {
        const { verdict } = judged(check, all, scan(GOOD));
        expect(verdict).toMatchObject({ status: 'pass', summary: { key: 'noPhaseOut' } });
      });
    });
  }
});

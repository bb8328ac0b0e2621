/**
 * Evidence: everything the collectors gathered, as plain JSON-serialisable data. One file
 * per area (web.ts, mail.ts, dnssec.ts, privacy.ts and the parts they are made of); this
 * file is the whole and re-exports the parts.
 * This is the seam between network I/O (src/scan/collect) and pure judgement
 * (src/scan/checks). Recorded evidence in test/evidence/ replays scans in unit tests.
 *
 * Convention: a collector that could not gather something sets `error` (a plain
 * sentence) instead of throwing; checks turn that into status `error`.
 */
import type { DnssecEvidence } from './dnssec.js';
import type { MailEvidence } from './mail.js';
import type { BrowserEvidence } from './privacy-browser.js';
import type { PrivacyEvidence } from './privacy.js';
import type { WebEvidence } from './web.js';

export * from './web.js';

export interface ScanEvidence {
  /** Normalised target: lower-case ASCII (punycode), no trailing dot. */
  target: string;
  /** ISO time the collection started. */
  collectedAt: string;
  web?: WebEvidence;
  /** The mail scan (mail.ts). */
  mail?: MailEvidence;
  /** DNSSEC validation of the domain and its MX names (dnssec.ts). */
  dnssec?: DnssecEvidence;
  /** The privacy scan: crawl, statement and what loads before consent (privacy.ts). */
  privacy?: PrivacyEvidence;
  /** Set when the target does not exist in DNS; then nothing else is collected (engine.ts). */
  nonexistent?: NonexistentEvidence;
}

/** The DNS answer that the scanned name does not exist (collect/dns/existence.ts). */
export interface NonexistentEvidence {
  name: string;
  rcode: 'NXDOMAIN';
  /** The record types asked; every one answered NXDOMAIN. */
  queried: string[];
  /** The closest existing zone, from the SOA that came with the answer. */
  zone?: string;
}

/** The browser evidence of a scan, if the privacy scan ran. */
export function browserEvidenceOf(evidence: ScanEvidence): BrowserEvidence | undefined {
  return evidence.privacy?.browser;
}

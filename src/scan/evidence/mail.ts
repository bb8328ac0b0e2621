/**
 * Mail evidence: what the mail collectors gathered about a domain's mail setup.
 * Composed from the evidence types each part owns:
 * - DNSSEC (dnssec.ts): validation results per name;
 * - SPF (spf.ts): the record tree and its lookup counts;
 * - policies (mail-policy.ts): DMARC, DKIM, MTA-STS, TLS-RPT;
 * - SMTP (smtp.ts): per MX, the SMTP dialogue and TLSA records.
 * Same convention as evidence.ts: plain JSON, and `error` (a sentence) instead of throwing.
 */
import type { AddressEvidence, RefusedAddress, TlsEvidence } from './web.js';
import type { DkimEvidence, DmarcEvidence, MtaStsEvidence, TlsRptEvidence } from './mail-policy.js';
import type { SmtpEvidence, TlsaEvidence } from './smtp.js';
import type { SpfEvidence } from './spf.js';

export interface MxRecord {
  preference: number;
  /** Lower-case, no trailing dot; '' for a Null MX ("."). */
  exchange: string;
}

export interface MxEvidence {
  records: MxRecord[];
  /** RFC 7505: a single MX with preference 0 and exchange "." says the domain accepts no mail. */
  nullMx: boolean;
  /** DNS failure code ('NXDOMAIN', 'SERVFAIL', 'timeout', ...). NODATA (no MX) is not an error. */
  error?: string;
}

/** One MX host, in preference order. At most MAX_MAIL_SERVERS are probed. */
export interface MailServerEvidence {
  host: string;
  preference: number;
  dns: AddressEvidence;
  /** Addresses dropped by the private-target policy. */
  refused: RefusedAddress[];
  /** The SMTP dialogue on port 25 of the first usable address. Absent when the host has no usable address. */
  smtp?: SmtpEvidence;
  /** The TLS probe over STARTTLS, when the server offered STARTTLS and the upgrade worked. */
  tls?: TlsEvidence;
  /** TLSA records at _25._tcp.<host>, with their DNSSEC status. */
  tlsa?: TlsaEvidence;
}

export interface MailEvidence {
  domain: string;
  mx: MxEvidence;
  /** MX hosts probed (by preference, at most MAX_MAIL_SERVERS). Empty for a Null MX or no MX. */
  servers: MailServerEvidence[];
  spf: SpfEvidence;
  dmarc: DmarcEvidence;
  dkim: DkimEvidence;
  mtaSts: MtaStsEvidence;
  tlsRpt: TlsRptEvidence;
}

/** internet.nl probes every MX; we cap it so a hostile zone cannot make a scan open hundreds of connections. */
export const MAX_MAIL_SERVERS = 10;

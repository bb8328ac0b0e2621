/**
 * SMTP and TLSA evidence. OWNER: the SMTP/transport part.
 * - SmtpEvidence: the dialogue on port 25 of one MX address (banner, EHLO, STARTTLS),
 *   with a capped transcript. The prober never sends MAIL, RCPT or DATA.
 * - TlsaEvidence: the TLSA records at _25._tcp.<mx> and their DNSSEC status.
 * The certificate facts DANE matching needs live on CertInfo.dane (src/scan/evidence.ts).
 */
import type { DnssecStatus } from './dnssec.js';

/** Where the dialogue stopped when it did not reach an upgradable STARTTLS. */
export type SmtpStage = 'connect' | 'banner' | 'ehlo' | 'starttls';

/**
 * Why it stopped: connect (refused, unreachable), timeout, closed (the server hung up),
 * rejected (a 5xx or 421 reply), greylisted (another 4xx reply), protocol (not SMTP,
 * garbage), too-long (a line or a reply over our caps), aborted (the scan's deadline).
 */
export type SmtpFailure = 'connect' | 'timeout' | 'closed' | 'rejected' | 'greylisted' | 'protocol' | 'too-long' | 'aborted';

export interface SmtpReplyEvidence {
  code: number;
  /** The reply's first line without the code, capped at 200 characters. */
  text: string;
  lines: number;
}

export interface SmtpTranscriptLine {
  /** 'C' = what we sent, 'S' = what the server answered (first line of each reply). */
  from: 'C' | 'S';
  line: string;
}

export interface SmtpEvidence {
  address: string;
  port: number;
  /** The name we announced in EHLO. */
  ehloName: string;
  banner?: SmtpReplyEvidence;
  ehlo?: SmtpReplyEvidence & {
    /** EHLO keywords, upper-case, e.g. ['PIPELINING', 'SIZE 10240000', 'STARTTLS'] (capped). */
    extensions: string[];
  };
  /** null: not known (the dialogue stopped before EHLO answered). */
  starttlsOffered: boolean | null;
  /** The reply to our STARTTLS command, when we sent one. */
  starttls?: SmtpReplyEvidence;
  /** true when the server said 220 to STARTTLS, so the TLS probe could start. */
  readyForTls: boolean;
  stage?: SmtpStage;
  failure?: SmtpFailure;
  /** Our commands and the first line of each reply, in order (capped). */
  transcript: SmtpTranscriptLine[];
  durationMs: number;
  /** Set when the dialogue did not reach STARTTLS for a reason other than "not offered". */
  error?: string;
}

/** One TLSA record (RFC 6698). */
export interface TlsaRecord {
  /** 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE. */
  usage: number;
  /** 0 full certificate, 1 SubjectPublicKeyInfo. */
  selector: number;
  /** 0 exact, 1 SHA-256, 2 SHA-512. */
  matchingType: number;
  /** The association data, lower-case hex (capped at 2048 hex characters). */
  data: string;
}

export interface TlsaEvidence {
  /** _25._tcp.<mx host>. */
  name: string;
  dnssec: DnssecStatus;
  /** Why bogus or indeterminate, from the validator. */
  reason?: string;
  rcode?: string;
  /** The TLSA records found (at most 32). Empty when there are none. */
  records: TlsaRecord[];
  error?: string;
}

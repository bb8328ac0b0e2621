/**
 * DMARC, DKIM, MTA-STS and TLS-RPT evidence. OWNER: the mail-policy part
 * (src/scan/mail-policy/, src/scan/collect/mail/policies.ts). Plain JSON; a DNS
 * failure is `error` (a short code such as 'SERVFAIL' or 'timeout'), a record that is
 * there but broken is `invalid` (a plain sentence naming what is wrong). The collector
 * always fills the lists; they are optional so hand-built evidence (other parts' tests)
 * can leave them out, and the checks read a missing list as empty.
 */

export type DmarcPolicy = 'none' | 'quarantine' | 'reject';

export interface DmarcReportUri {
  /** The URI as written, without its size suffix. */
  uri: string;
  scheme: string;
  /** For mailto: the address and its domain (lower-case). */
  address?: string;
  domain?: string;
  /** The `!size` suffix as written (e.g. '10m'), if any. */
  maxSize?: string;
}

export interface DmarcRecord {
  p: DmarcPolicy;
  sp?: DmarcPolicy;
  /** DMARCbis: policy for non-existent subdomains. */
  np?: DmarcPolicy;
  /** 0..100; 100 when absent. */
  pct: number;
  rua: DmarcReportUri[];
  ruf: DmarcReportUri[];
  adkim: 'r' | 's';
  aspf: 'r' | 's';
  fo?: string;
  /** Tags we do not know (ignored, as RFC 7489 6.3 requires). */
  unknownTags: string[];
}

export interface DmarcReportAuthorisation {
  /** The rua/ruf URI. */
  uri: string;
  /** The destination's domain. */
  domain: string;
  /** The name asked: <policy-domain>._report._dmarc.<destination-domain> (RFC 7489 7.1). */
  queried: string;
  authorised: boolean;
  error?: string;
}

export interface DmarcEvidence {
  /** _dmarc.<domain>. */
  queried?: string;
  /** The domain's organisational domain (public suffix list, private suffixes left out). */
  organisationalDomain?: string;
  /** Where the record that applies was found: the domain itself, or its organisational domain (RFC 7489 6.6.3). */
  source?: 'domain' | 'organisational';
  /** The owner name of the record that applies, e.g. _dmarc.shop.nl. */
  foundAt?: string;
  /** The v=DMARC1 records at foundAt (more than one makes DMARC unusable). */
  records?: string[];
  /** The parsed record, when exactly one valid record applies. */
  record?: DmarcRecord;
  /** Why the record that applies is not valid. */
  invalid?: string;
  /** External rua/ruf destinations (another organisational domain) and their _report._dmarc authorisation. */
  externalReports?: DmarcReportAuthorisation[];
  error?: string;
}

export interface DkimKeyEvidence {
  selector: string;
  /** 'given': --dkim-selector; 'common': the built-in list of providers' defaults. */
  source: 'given' | 'common';
  /** <selector>._domainkey.<domain>. */
  name: string;
  /** CNAME chain followed to the key record (providers often publish keys through a CNAME). */
  cnames: string[];
  /** The record, cut at 600 characters. */
  record: string;
  keyType?: string;
  bits?: number;
  /** Empty p=: the key has been revoked (RFC 6376 3.6.1). */
  revoked: boolean;
  /** t=y: the domain is testing DKIM; verifiers treat failures as unsigned. */
  testing: boolean;
  /** What is wrong with the record; empty when it is a usable key. */
  errors: string[];
  /** Remarks that do not make the key unusable (e.g. a PKCS#1 key). */
  notes: string[];
}

export interface DkimEvidence {
  /** Every selector asked, with its source, in order. */
  tried?: { selector: string; source: 'given' | 'common' }[];
  /** One entry per key record found (a selector may have more than one). */
  keys?: DkimKeyEvidence[];
  /** Selectors whose lookup failed (not NXDOMAIN/NODATA). */
  failures?: { selector: string; error: string }[];
  error?: string;
}

export interface MtaStsFetchEvidence {
  url: string;
  address?: string;
  status?: number;
  contentType?: string;
  bytes: number;
  /** Larger than the 64 KiB cap. */
  tooLarge: boolean;
  /** The policy host has only addresses the private-address policy refuses: not fetched, so not judged. */
  refusedPrivate?: boolean;
  /** Redirect target when the server redirected (not followed: RFC 8461 3.3). */
  redirectedTo?: string;
  /** The certificate, validated against the scan's trust store and the name mta-sts.<domain>. */
  certificate?: { trusted: boolean; error?: string };
  error?: string;
}

export interface MtaStsEvidence {
  /** _mta-sts.<domain>. */
  txtName?: string;
  /** The v=STSv1 TXT records found. */
  txtRecords?: string[];
  /** The id of the single valid TXT record. */
  id?: string;
  /** Why the TXT record(s) are not usable. */
  txtInvalid?: string;
  fetch?: MtaStsFetchEvidence;
  /** The policy body, cut at 2,000 characters. */
  policyText?: string;
  /** Why the policy is not valid (empty when valid). */
  policyErrors?: string[];
  /** Remarks that do not make the policy invalid. */
  policyNotes?: string[];
  /**
   * The policy fetched from https://mta-sts.<domain>/.well-known/mta-sts.txt, when a valid one
   * was found (TXT record present, policy parsed). used by the transport checks (MTA-STS makes
   * certificate trust and hostname binding for the MX hosts it lists).
   */
  policy?: { mode: 'enforce' | 'testing' | 'none'; mx: string[]; maxAge: number };
  error?: string;
}

export interface TlsRptEvidence {
  /** _smtp._tls.<domain>. */
  name?: string;
  /** The v=TLSRPTv1 records found. */
  records?: string[];
  /** rua URIs of the single valid record. */
  rua?: string[];
  invalid?: string;
  error?: string;
}

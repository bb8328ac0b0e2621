/**
 * SPF (RFC 7208) types shared by the parser, the macro expander, check_host() and the
 * lookup counter. The DNS is reached only through an `SpfLookup` callback, so the same
 * code runs on live DNS (our DnsClient), on recorded data and on the RFC test-suite zones.
 */

export type SpfResult = 'none' | 'neutral' | 'pass' | 'fail' | 'softfail' | 'temperror' | 'permerror';

export type Qualifier = '+' | '-' | '~' | '?';

export type DnsMechanismKind = 'include' | 'a' | 'mx' | 'ptr' | 'exists';
export type MechanismKind = 'all' | 'ip4' | 'ip6' | DnsMechanismKind;

/** One piece of a parsed macro-string (RFC 7208 7.1). */
export type MacroToken =
  | { kind: 'literal'; text: string }
  | {
      kind: 'macro';
      /** Lower-case macro letter: s l o d i p h c r t v. */
      letter: string;
      /** Upper-case letter in the record: the expansion is URL-escaped. */
      escape: boolean;
      /** Number of right-hand parts to keep; undefined = all. */
      digits?: number;
      reverse: boolean;
      /** Characters to split on; '.' when none given. */
      delimiters: string;
    };

export interface MacroString {
  /** As written in the record. */
  text: string;
  tokens: MacroToken[];
}

export interface Mechanism {
  kind: MechanismKind;
  qualifier: Qualifier;
  /** The term exactly as written, e.g. "-include:_spf.example.net". */
  term: string;
  /** include / exists: required; a / mx / ptr: optional (default: the current domain). */
  domain?: MacroString;
  /** ip4 / ip6: the network address as written. */
  network?: string;
  /** CIDR prefix lengths; undefined = whole address (32 / 128). */
  cidr4?: number;
  cidr6?: number;
}

export interface UnknownModifier {
  name: string;
  value: MacroString;
}

export interface SpfRecord {
  /** The record text, as published. */
  text: string;
  mechanisms: Mechanism[];
  redirect?: { term: string; domain: MacroString };
  exp?: { term: string; domain: MacroString };
  unknownModifiers: UnknownModifier[];
}

export type ParseOutcome = { ok: true; record: SpfRecord } | { ok: false; term: string; reason: ParseErrorReason };

/** Why a record does not parse; the check turns these into words. */
export type ParseErrorReason =
  | 'bad-character'
  | 'unknown-mechanism'
  | 'bad-argument'
  | 'bad-domain'
  | 'bad-macro'
  | 'bad-cidr'
  | 'bad-ip'
  | 'duplicate-modifier'
  | 'bad-modifier';

/** The DNS types SPF evaluation asks for. */
export type SpfQueryType = 'TXT' | 'A' | 'AAAA' | 'MX' | 'PTR';

/**
 * The answer of one DNS query, in the form SPF needs: TXT records as single strings
 * (character-strings joined without separator, RFC 7208 3.3), addresses as text, MX
 * exchanges in preference order ("" for a Null MX), PTR names. `records: []` is NODATA.
 */
export type SpfDnsAnswer =
  | { kind: 'records'; records: string[] }
  | { kind: 'nxdomain' }
  /** Timeout, SERVFAIL, REFUSED and the like: a temporary error for SPF. */
  | { kind: 'error'; reason: string };

export type SpfLookup = (name: string, type: SpfQueryType) => Promise<SpfDnsAnswer>;

/** RFC 7208 4.6.4. */
export const MAX_DNS_TERMS = 10;
export const MAX_VOID_LOOKUPS = 2;
export const MAX_MX_OR_PTR_NAMES = 10;

/**
 * The SPF record parser (RFC 7208 4.5, 4.6, 5, 6 and 12 ABNF). The whole record is parsed
 * before evaluation, so a syntax error anywhere is a permerror (4.6).
 */
import { parseDomainSpec, parseMacroString } from './macro.js';
import { parseIp4Network, parseIp6Network } from './ip.js';
import type { Mechanism, MechanismKind, ParseErrorReason, ParseOutcome, Qualifier, SpfRecord, UnknownModifier } from './types.js';

/** version = "v=spf1", then a space or the end (4.5); case-insensitive. */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1(?: |$)/i.test(text);
}

const MECHANISMS: readonly MechanismKind[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
const MODIFIER = /^([A-Za-z][A-Za-z0-9\-_.]*)=(.*)$/s;
const IP4_CIDR = /^(?:0|[1-9]\d?)$/;
const IP6_CIDR = /^(?:0|[1-9]\d{0,2})$/;

class TermError extends Error {
  constructor(readonly reason: ParseErrorReason) {
    super(reason);
  }
}

function cidr(text: string | undefined, pattern: RegExp, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!pattern.test(text) || Number(text) > max) throw new TermError('bad-cidr');
  return Number(text);
}

/** Split "domain-spec/24//64" into its parts; the domain is the shortest prefix that leaves valid-looking CIDRs. */
function splitDualCidr(rest: string): { domain: string; cidr4?: string; cidr6?: string } {
  const match = /^(.*?)(?:\/(\d+))?(?:\/\/(\d+))?$/s.exec(rest);
  const [, domain = '', cidr4, cidr6] = match ?? [];
  return { domain, ...(cidr4 !== undefined ? { cidr4 } : {}), ...(cidr6 !== undefined ? { cidr6 } : {}) };
}

function domainSpec(text: string): NonNullable<Mechanism['domain']> {
  const parsed = parseDomainSpec(text);
  if (!parsed) throw new TermError(parseMacroString(text) ? 'bad-domain' : 'bad-macro');
  return parsed;
}

function parseMechanism(term: string): Mechanism {
  let qualifier: Qualifier = '+';
  let body = term;
  if ('+-~?'.includes(term[0] ?? '')) {
    qualifier = term[0] as Qualifier;
    body = term.slice(1);
  }
  const nameMatch = /^([A-Za-z0-9]+)(.*)$/s.exec(body);
  const kind = nameMatch?.[1]?.toLowerCase() as MechanismKind | undefined;
  const rest = nameMatch?.[2] ?? '';
  if (!kind || !MECHANISMS.includes(kind)) throw new TermError('unknown-mechanism');
  const base = { kind, qualifier, term };
  switch (kind) {
    case 'all':
      if (rest !== '') throw new TermError('bad-argument');
      return base;
    case 'include':
    case 'exists':
      if (!rest.startsWith(':')) throw new TermError('bad-argument');
      return { ...base, domain: domainSpec(rest.slice(1)) };
    case 'ptr':
      if (rest === '') return base;
      if (!rest.startsWith(':')) throw new TermError('bad-argument');
      return { ...base, domain: domainSpec(rest.slice(1)) };
    case 'a':
    case 'mx': {
      if (rest !== '' && !rest.startsWith(':') && !rest.startsWith('/')) throw new TermError('bad-argument');
      const hasDomain = rest.startsWith(':');
      const split = hasDomain ? splitDualCidr(rest.slice(1)) : splitDualCidr(rest);
      if (!hasDomain && split.domain !== '') throw new TermError('bad-cidr');
      const cidr4 = cidr(split.cidr4, IP4_CIDR, 32);
      const cidr6 = cidr(split.cidr6, IP6_CIDR, 128);
      return {
        ...base,
        ...(hasDomain ? { domain: domainSpec(split.domain) } : {}),
        ...(cidr4 !== undefined ? { cidr4 } : {}),
        ...(cidr6 !== undefined ? { cidr6 } : {}),
      };
    }
    case 'ip4': {
      const match = /^:([^/]*)(?:\/([^/]*))?$/.exec(rest);
      if (!match) throw new TermError(rest.startsWith(':') ? 'bad-cidr' : 'bad-argument');
      const network = match[1] ?? '';
      if (parseIp4Network(network) === undefined) throw new TermError('bad-ip');
      const cidr4 = cidr(match[2], IP4_CIDR, 32);
      return { ...base, network, ...(cidr4 !== undefined ? { cidr4 } : {}) };
    }
    case 'ip6': {
      const match = /^:([^/]*)(?:\/([^/]*))?$/.exec(rest);
      if (!match) throw new TermError(rest.startsWith(':') ? 'bad-cidr' : 'bad-argument');
      const network = match[1] ?? '';
      if (parseIp6Network(network) === undefined) throw new TermError('bad-ip');
      const cidr6 = cidr(match[2], IP6_CIDR, 128);
      return { ...base, network, ...(cidr6 !== undefined ? { cidr6 } : {}) };
    }
  }
}

/** Parse a record already selected by isSpfRecord(). */
export function parseSpfRecord(text: string): ParseOutcome {
  // SPF records are 7-bit ASCII, and terms are separated by spaces only, not other control characters (3.1, 4.6.1).
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code > 0x7e || code < 0x20) {
      const bad = text.split(' ').find((term) => term.includes(char)) ?? text;
      return { ok: false, term: bad, reason: 'bad-character' };
    }
  }
  const terms = text.split(' ').slice(1).filter((term) => term !== '');
  const record: SpfRecord = { text, mechanisms: [], unknownModifiers: [] };
  for (const term of terms) {
    try {
      const modifier = MODIFIER.exec(term);
      if (!modifier) {
        record.mechanisms.push(parseMechanism(term));
        continue;
      }
      const name = (modifier[1] ?? '').toLowerCase();
      const value = modifier[2] ?? '';
      if (name === 'redirect' || name === 'exp') {
        if (record[name]) throw new TermError('duplicate-modifier');
        record[name] = { term, domain: domainSpec(value) };
        continue;
      }
      const macro = parseMacroString(value);
      if (!macro) throw new TermError('bad-macro');
      const unknown: UnknownModifier = { name, value: macro };
      record.unknownModifiers.push(unknown);
    } catch (error) {
      if (error instanceof TermError) return { ok: false, term, reason: error.reason };
      throw error;
    }
  }
  return { ok: true, record };
}

/** The terms that cause DNS queries (4.6.4): include, a, mx, ptr, exists, and redirect. */
export function isDnsTerm(kind: MechanismKind): boolean {
  return kind === 'include' || kind === 'a' || kind === 'mx' || kind === 'ptr' || kind === 'exists';
}

/**
 * An SpfLookup on our own DnsClient (live DNS), with caps on what one answer may bring:
 * TXT character-strings are joined without separator (RFC 7208 3.3) and decoded as
 * latin1, so a non-ASCII byte stays visible to the parser (which rejects it).
 */
import type { Answer } from 'dns-packet';
import { DnsError, type DnsClient } from '../collect/dns/client.js';
import type { SpfDnsAnswer, SpfLookup, SpfQueryType } from './types.js';

/** Bounds on one answer: more records than this are cut, longer TXT records are cut. */
export const MAX_RECORDS_PER_ANSWER = 50;
export const MAX_TXT_LENGTH = 4_096;

function txtOf(answer: Answer): string | undefined {
  if (answer.type !== 'TXT') return undefined;
  const data: unknown = answer.data;
  const chunks = Array.isArray(data) ? data : [data];
  const text = chunks.map((chunk) => (Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk))).join('');
  return text.slice(0, MAX_TXT_LENGTH);
}

function rdataOf(answer: Answer, type: SpfQueryType): string | undefined {
  if (answer.type !== type) return undefined;
  switch (answer.type) {
    case 'TXT':
      return txtOf(answer);
    case 'A':
    case 'AAAA':
    case 'PTR':
      return String(answer.data).replace(/\.$/, '');
    case 'MX':
      return answer.data.exchange.replace(/\.$/, '');
    default:
      return undefined;
  }
}

export function dnsClientLookup(dns: DnsClient): SpfLookup {
  return async (name: string, type: SpfQueryType): Promise<SpfDnsAnswer> => {
    try {
      const response = await dns.query(name, type);
      if (response.rcode === 'NXDOMAIN') return { kind: 'nxdomain' };
      if (response.rcode !== 'NOERROR') return { kind: 'error', reason: response.rcode };
      let answers = response.answers;
      if (type === 'MX') {
        answers = [...answers].sort((a, b) =>
          a.type === 'MX' && b.type === 'MX' ? (a.data.preference ?? 0) - (b.data.preference ?? 0) : 0,
        );
      }
      const records = answers
        .map((answer) => rdataOf(answer, type))
        .filter((value): value is string => value !== undefined)
        .slice(0, MAX_RECORDS_PER_ANSWER);
      return { kind: 'records', records };
    } catch (error) {
      if (error instanceof DnsError) return { kind: 'error', reason: error.kind };
      throw error;
    }
  };
}

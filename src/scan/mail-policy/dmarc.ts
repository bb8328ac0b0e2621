/**
 * DMARC records (RFC 7489 6.3, 6.4), with the DMARCbis tags np, psd and t tolerated.
 * An invalid record gets a precise reason, in words the advice can repeat.
 */
import type { DmarcPolicy, DmarcRecord, DmarcReportUri } from '../evidence/mail-policy.js';
import { clip, parseTagList } from './tag-list.js';

export type DmarcParse = { ok: true; record: DmarcRecord } | { ok: false; reason: string };

const POLICIES: readonly DmarcPolicy[] = ['none', 'quarantine', 'reject'];
const KNOWN_TAGS = new Set(['v', 'p', 'sp', 'np', 'pct', 'rua', 'ruf', 'adkim', 'aspf', 'fo', 'rf', 'ri', 'psd', 't']);

/** Does this TXT record claim to be a DMARC record? (RFC 7489 6.6.3 step 2: others are discarded.) */
export function looksLikeDmarc(text: string): boolean {
  return /^v\s*=\s*DMARC1\s*(;|$)/i.test(text.trim());
}

/** Policy strength, for comparing p with sp/np. */
export function policyRank(policy: DmarcPolicy): number {
  return POLICIES.indexOf(policy);
}

function parsePolicy(tag: string, value: string): { policy: DmarcPolicy } | { reason: string } {
  const policy = POLICIES.find((candidate) => candidate === value.toLowerCase());
  return policy ? { policy } : { reason: `${tag}=${clip(value)} is not a valid policy (use none, quarantine or reject)` };
}

/** A DMARC URI list: comma-separated URIs, each with an optional !size suffix (RFC 7489 6.2). */
export function parseDmarcUris(tag: string, value: string): DmarcReportUri[] | string {
  const uris: DmarcReportUri[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '') return `${tag} has an empty entry`;
    const match = /^([A-Za-z][A-Za-z0-9+.-]*):([^!\s]+)(?:!(\d+[kmgtKMGT]?))?$/.exec(item);
    if (!match) return `${tag} entry "${clip(item)}" is not a valid URI (expected e.g. mailto:dmarc@example.com)`;
    const [, scheme = '', rest = '', size] = match;
    const uri: DmarcReportUri = { uri: `${scheme}:${rest}`, scheme: scheme.toLowerCase() };
    if (size !== undefined) uri.maxSize = size.toLowerCase();
    if (uri.scheme === 'mailto') {
      const address = safeDecode(rest.split('?')[0] ?? '').toLowerCase();
      const at = address.lastIndexOf('@');
      const domain = at > 0 ? address.slice(at + 1).replace(/\.$/, '') : '';
      if (!/^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/.test(domain)) return `${tag} entry "${clip(item)}" is not a valid e-mail address`;
      uri.address = address;
      uri.domain = domain;
    }
    uris.push(uri);
  }
  return uris;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function parseDmarc(text: string): DmarcParse {
  const list = parseTagList(text.trim());
  if (!list.ok) return { ok: false, reason: `the record is not a valid tag list: ${list.reason}` };
  const { tags, order } = list;
  if (order[0] !== 'v' || (tags.get('v') ?? '').toUpperCase() !== 'DMARC1') {
    return { ok: false, reason: 'the record must start with v=DMARC1' };
  }
  const pValue = tags.get('p');
  if (pValue === undefined) return { ok: false, reason: 'the required tag p (the policy) is missing' };
  const p = parsePolicy('p', pValue);
  if ('reason' in p) return { ok: false, reason: p.reason };
  const record: DmarcRecord = { p: p.policy, pct: 100, rua: [], ruf: [], adkim: 'r', aspf: 'r', unknownTags: [] };
  for (const tag of ['sp', 'np'] as const) {
    const value = tags.get(tag);
    if (value === undefined) continue;
    const parsed = parsePolicy(tag, value);
    if ('reason' in parsed) return { ok: false, reason: parsed.reason };
    record[tag] = parsed.policy;
  }
  const pct = tags.get('pct');
  if (pct !== undefined) {
    if (!/^\d{1,3}$/.test(pct) || Number(pct) > 100) return { ok: false, reason: `pct=${clip(pct)} is not a whole number from 0 to 100` };
    record.pct = Number(pct);
  }
  for (const tag of ['rua', 'ruf'] as const) {
    const value = tags.get(tag);
    if (value === undefined) continue;
    const parsed = parseDmarcUris(tag, value);
    if (typeof parsed === 'string') return { ok: false, reason: parsed };
    record[tag] = parsed;
  }
  for (const tag of ['adkim', 'aspf'] as const) {
    const value = tags.get(tag);
    if (value === undefined) continue;
    const lower = value.toLowerCase();
    if (lower !== 'r' && lower !== 's') return { ok: false, reason: `${tag}=${clip(value)} is not valid (use r for relaxed or s for strict)` };
    record[tag] = lower;
  }
  const fo = tags.get('fo');
  if (fo !== undefined) {
    if (!/^[01ds](\s*:\s*[01ds])*$/i.test(fo)) return { ok: false, reason: `fo=${clip(fo)} is not valid (use 0, 1, d or s, separated by colons)` };
    record.fo = fo;
  }
  const ri = tags.get('ri');
  if (ri !== undefined && !/^\d{1,10}$/.test(ri)) return { ok: false, reason: `ri=${clip(ri)} is not a number of seconds` };
  record.unknownTags = order.filter((tag) => !KNOWN_TAGS.has(tag));
  return { ok: true, record };
}

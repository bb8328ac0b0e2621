/**
 * Trust anchors: the keys the chain of trust starts from. Built in: the IANA root KSKs
 * (https://data.iana.org/root-anchors/root-anchors.xml). `--trust-anchor FILE` replaces
 * them with DS or DNSKEY records in zone-file syntax, for any zone.
 */
import { readFileSync } from 'node:fs';
import type { DnskeyData, DsData } from 'dns-packet';
import { UsageError, errorMessage } from '../../core/errors.js';
import { normalName } from './wire.js';

export type TrustAnchor =
  | { kind: 'DS'; zone: string; ds: DsData }
  | { kind: 'DNSKEY'; zone: string; dnskey: DnskeyData };

const rootDs = (keyTag: number, digest: string): TrustAnchor => ({
  kind: 'DS',
  zone: '',
  ds: { keyTag, algorithm: 8, digestType: 2, digest: Buffer.from(digest, 'hex') },
});

/** Root KSK-2017 (20326) and KSK-2024 (38696), RSA/SHA-256, as SHA-256 DS records. */
export const IANA_ROOT_ANCHORS: TrustAnchor[] = [
  rootDs(20326, 'E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D'),
  rootDs(38696, '683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16'),
];

const CLASSES = new Set(['IN', 'CH', 'HS', 'CS']);

/** Join parenthesised multi-line records into one logical line each, dropping comments. */
function logicalLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let depth = 0;
  let current = '';
  let startLine = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNumber = index + 1;
    let withoutComment = '';
    let quoted = false;
    for (const char of raw) {
      if (char === '"') quoted = !quoted;
      if (char === ';' && !quoted) break;
      withoutComment += char;
    }
    for (const char of withoutComment) {
      if (char === '(') depth++;
      if (char === ')') {
        depth--;
        if (depth < 0) throw new Error(`trust anchor file, line ${lineNumber}: ")" without a matching "("`);
      }
    }
    const cleaned = withoutComment.replace(/[()]/g, ' ');
    if (current === '' && cleaned.trim() === '') return;
    if (current === '') startLine = lineNumber;
    current += ` ${cleaned}`;
    if (depth === 0) {
      out.push({ line: startLine, text: current.trim() });
      current = '';
    }
  });
  if (depth > 0) throw new Error(`trust anchor file, line ${startLine}: "(" is never closed`);
  return out;
}

function integer(token: string | undefined, what: string, max: number, where: string): number {
  if (token === undefined || !/^\d+$/.test(token) || Number(token) > max) {
    throw new Error(`${where}: ${what} must be a number from 0 to ${max}, got ${token === undefined ? 'nothing' : `"${token}"`}`);
  }
  return Number(token);
}

function parseRecord(tokens: string[], where: string): TrustAnchor | undefined {
  const [owner, ...rest] = tokens;
  if (owner === undefined) return undefined;
  if (owner.startsWith('$')) {
    throw new Error(`${where}: directive ${owner} is not supported; write each record with its full owner name`);
  }
  if (owner !== '.' && !/^([A-Za-z0-9_*-]{1,63}\.)*[A-Za-z0-9_*-]{1,63}\.?$/.test(owner)) {
    throw new Error(`${where}: "${owner}" is not a valid owner name`);
  }
  // Optional TTL and class, in either order.
  let index = 0;
  for (let taken = 0; taken < 2; taken++) {
    const token = rest[index]?.toUpperCase();
    if (token !== undefined && (CLASSES.has(token) || /^\d+$/.test(token))) index++;
  }
  const type = rest[index]?.toUpperCase();
  const fields = rest.slice(index + 1);
  const zone = normalName(owner);
  if (type === 'DS') {
    const keyTag = integer(fields[0], 'the DS key tag', 65535, where);
    const algorithm = integer(fields[1], 'the DS algorithm', 255, where);
    const digestType = integer(fields[2], 'the DS digest type', 255, where);
    const hex = fields.slice(3).join('');
    if (hex === '' || !/^([0-9a-fA-F]{2})+$/.test(hex)) throw new Error(`${where}: the DS digest must be hexadecimal, got "${hex}"`);
    return { kind: 'DS', zone, ds: { keyTag, algorithm, digestType, digest: Buffer.from(hex, 'hex') } };
  }
  if (type === 'DNSKEY') {
    const flags = integer(fields[0], 'the DNSKEY flags', 65535, where);
    const protocol = integer(fields[1], 'the DNSKEY protocol', 255, where);
    if (protocol !== 3) throw new Error(`${where}: the DNSKEY protocol must be 3, got ${protocol}`);
    const algorithm = integer(fields[2], 'the DNSKEY algorithm', 255, where);
    const base64 = fields.slice(3).join('');
    if (base64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error(`${where}: the DNSKEY public key must be base64, got "${base64}"`);
    return { kind: 'DNSKEY', zone, dnskey: { flags, algorithm, key: Buffer.from(base64, 'base64') } };
  }
  throw new Error(`${where}: expected a DS or DNSKEY record, got ${type === undefined ? 'no record type' : `type "${rest[index]}"`}`);
}

/** BIND configuration comments (C, C++ and shell style), outside quoted strings. */
function stripBindComments(text: string): string {
  let out = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    const next = text[index + 1];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      out += text.slice(index, end < 0 ? text.length : end + 2).replace(/[^\n]/g, ' ');
      index = end < 0 ? text.length : end + 1;
      continue;
    } else if (!quoted && (char === '#' || (char === '/' && next === '/'))) {
      const end = text.indexOf('\n', index);
      index = (end < 0 ? text.length : end) - 1;
      continue;
    }
    out += char;
  }
  return out;
}

const BIND_BLOCK = /\b(?:trust-anchors|trusted-keys|managed-keys)\s*\{([^}]*)\}/g;

/**
 * BIND's `trust-anchors { . static-ds 20326 8 2 "E06D..."; };` (and the older trusted-keys
 * and managed-keys), the file `delv -a` reads, rewritten as zone-file records.
 */
function bindAnchorsAsRecords(text: string): string | undefined {
  const clean = stripBindComments(text);
  const blocks = [...clean.matchAll(BIND_BLOCK)];
  if (blocks.length === 0) return undefined;
  const lines: string[] = [];
  for (const block of blocks) {
    for (const entry of (block[1] ?? '').split(';')) {
      const tokens = entry
        .replace(/"([^"]*)"/g, (_quoted, inner: string) => inner.replace(/\s+/g, ''))
        .trim()
        .split(/\s+/)
        .filter((token) => token !== '');
      const [owner, keyword, ...rest] = tokens;
      if (owner === undefined || keyword === undefined) continue;
      const kind = keyword.toLowerCase();
      if (kind === 'static-ds' || kind === 'initial-ds') lines.push(`${owner} DS ${rest.join(' ')}`);
      else if (kind === 'static-key' || kind === 'initial-key') lines.push(`${owner} DNSKEY ${rest.join(' ')}`);
      else lines.push(`${owner} DNSKEY ${[keyword, ...rest].join(' ')}`); // trusted-keys: no keyword
    }
  }
  return lines.join('\n');
}

/**
 * Parse trust anchors: DS and DNSKEY records in zone-file syntax (also unbound's
 * `trust-anchor: "..."` lines), or BIND's trust-anchors block. Throws an Error naming the fault.
 */
export function parseTrustAnchors(text: string): TrustAnchor[] {
  const anchors: TrustAnchor[] = [];
  const records =
    bindAnchorsAsRecords(text) ??
    text.replace(/^[ \t]*server:[ \t]*$/gm, '').replace(/^[ \t]*trust-anchor:[ \t]*(?:"([^"\n]*)"|([^\n]*))[ \t]*$/gm, (_line, quoted?: string, bare?: string) => quoted ?? bare ?? '');
  for (const { line, text: record } of logicalLines(records)) {
    const anchor = parseRecord(record.split(/\s+/), `trust anchor file, line ${line}`);
    if (anchor) anchors.push(anchor);
  }
  if (anchors.length === 0) throw new Error('trust anchor file: no DS or DNSKEY record found');
  return anchors;
}

/** The anchor in zone-file syntax, e.g. for an unbound or delv configuration. */
export function formatTrustAnchor(anchor: TrustAnchor): string {
  const owner = anchor.zone === '' ? '.' : `${anchor.zone}.`;
  if (anchor.kind === 'DS') {
    const { keyTag, algorithm, digestType, digest } = anchor.ds;
    return `${owner} IN DS ${keyTag} ${algorithm} ${digestType} ${digest.toString('hex').toUpperCase()}`;
  }
  const { flags, algorithm, key } = anchor.dnskey;
  return `${owner} IN DNSKEY ${flags} 3 ${algorithm} ${key.toString('base64')}`;
}

/** DS or DNSKEY records in zone-file syntax; a file that is unreadable or has no usable anchor is a usage error. */
export function readTrustAnchors(path: string, label = '--trust-anchor'): TrustAnchor[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read '${path}': ${errorMessage(error)}`);
  }
  try {
    return parseTrustAnchors(text);
  } catch (error) {
    throw new UsageError(`${label}: '${path}': ${errorMessage(error)}`);
  }
}

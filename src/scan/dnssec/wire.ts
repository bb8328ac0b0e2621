/**
 * DNS names and records in the canonical wire form of RFC 4034 section 6: what RRSIG
 * signatures and DS digests are computed over. Records arrive decoded by dns-packet;
 * their rdata is re-encoded (dns-packet never compresses names and keeps their case).
 */
import * as packet from 'dns-packet';
import type { Answer, RecordType, RrsigData } from 'dns-packet';

/** A DNS record as the validator handles it (no OPT pseudo-records). */
export type DnsRecord = Exclude<Answer, { type: 'OPT' }>;

/** Names are handled as lower-case ASCII without the trailing dot; '' is the root. */
export function normalName(name: string): string {
  const trimmed = name === '.' ? '' : name.replace(/\.$/, '');
  return asciiLower(trimmed);
}

/** RFC 4034 6.2 lower-cases US-ASCII letters only. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export function labelsOf(name: string): string[] {
  return name === '' ? [] : name.split('.');
}

/** The presentation of a normal name: '.' for the root. */
export function displayName(name: string): string {
  return name === '' ? '.' : name;
}

export function isSubdomain(name: string, ancestor: string): boolean {
  return ancestor === '' || name === ancestor || name.endsWith(`.${ancestor}`);
}

export function parentName(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/** The ancestor of `name` with `count` labels (its rightmost labels). */
export function ancestorWithLabels(name: string, count: number): string {
  const labels = labelsOf(name);
  return labels.slice(labels.length - count).join('.');
}

export function nameToWire(name: string): Buffer {
  const parts = labelsOf(name).map((label) => {
    const bytes = Buffer.from(label, 'utf8');
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  });
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** RFC 4034 6.1: compare names label by label from the right, labels as lower-case octet strings. */
export function compareCanonical(a: string, b: string): number {
  const left = labelsOf(asciiLower(a)).reverse();
  const right = labelsOf(asciiLower(b)).reverse();
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const order = Buffer.compare(Buffer.from(left[index] ?? '', 'utf8'), Buffer.from(right[index] ?? '', 'utf8'));
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/** Types whose rdata names are lower-cased in canonical form (RFC 4034 6.2 as corrected by RFC 6840 5.1: not NSEC). */
function lowerRdataNames(record: DnsRecord): DnsRecord {
  switch (record.type) {
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME':
      return { ...record, data: asciiLower(record.data) };
    case 'SOA':
      return { ...record, data: { ...record.data, mname: asciiLower(record.data.mname), rname: asciiLower(record.data.rname) } };
    case 'MX':
      return { ...record, data: { ...record.data, exchange: asciiLower(record.data.exchange) } };
    case 'SRV':
      return { ...record, data: { ...record.data, target: asciiLower(record.data.target) } };
    case 'NAPTR':
      return { ...record, data: { ...record.data, replacement: asciiLower(record.data.replacement) } };
    case 'RP':
      return { ...record, data: { mbox: asciiLower(record.data.mbox), txt: asciiLower(record.data.txt) } };
    case 'RRSIG':
      return { ...record, data: { ...record.data, signersName: asciiLower(record.data.signersName) } };
    default:
      return record;
  }
}

/** Header (12) + root owner (1) + type, class, ttl (8) + rdlength (2) precede the rdata of the only record. */
const RDATA_OFFSET = 12 + 1 + 8 + 2;

/** The rdata of a record in canonical form, without its length. */
export function canonicalRdata(record: DnsRecord): Buffer {
  const lowered = lowerRdataNames(record);
  // dns-packet's CAA encoder writes to its input: encode a copy.
  const copy = { ...lowered, name: '.', ttl: 0, class: 'IN' as const, data: cloneData(lowered.data) } as DnsRecord;
  const encoded = packet.encode({ type: 'response', id: 0, flags: 0, answers: [copy] });
  return Buffer.from(encoded.subarray(RDATA_OFFSET));
}

function cloneData(data: DnsRecord['data']): DnsRecord['data'] {
  if (typeof data === 'string' || Buffer.isBuffer(data) || Array.isArray(data)) return data;
  return { ...data };
}

const typeCodes = new Map<string, number>();

/** The numeric type of a dns-packet type name ('A', 'UNKNOWN_65000', ...), read back from an encoded question. */
export function typeCode(type: string): number {
  const known = typeCodes.get(type);
  if (known !== undefined) return known;
  const probe = packet.encode({ type: 'query', id: 0, flags: 0, questions: [{ name: '.', type: type as RecordType }] });
  const code = probe.readUInt16BE(12 + 1);
  typeCodes.set(type, code);
  return code;
}

/** RRSIG rdata without the signature: the first part of the signed data (RFC 4034 3.1.8.1). */
export function rrsigSignedPrefix(sig: RrsigData): Buffer {
  const fixed = Buffer.alloc(18);
  fixed.writeUInt16BE(typeCode(sig.typeCovered), 0);
  fixed.writeUInt8(sig.algorithm, 2);
  fixed.writeUInt8(sig.labels, 3);
  fixed.writeUInt32BE(sig.originalTTL >>> 0, 4);
  fixed.writeUInt32BE(sig.expiration >>> 0, 8);
  fixed.writeUInt32BE(sig.inception >>> 0, 12);
  fixed.writeUInt16BE(sig.keyTag, 16);
  return Buffer.concat([fixed, nameToWire(normalName(sig.signersName))]);
}

/**
 * The data an RRSIG signs: its own rdata (without signature) then every record of the
 * RRset in canonical form and order, owner names wildcard-reduced to `labels` labels.
 */
export function signedData(sig: RrsigData, rrset: DnsRecord[]): Buffer {
  const [first] = rrset;
  if (!first) return rrsigSignedPrefix(sig);
  const owner = normalName(first.name);
  const ownerLabels = labelsOf(owner).length;
  const signedOwner = sig.labels < ownerLabels ? `*.${ancestorWithLabels(owner, sig.labels)}`.replace(/\.$/, '') : owner;
  const head = Buffer.alloc(8);
  head.writeUInt16BE(typeCode(first.type), 0);
  head.writeUInt16BE(1, 2); // class IN
  head.writeUInt32BE(sig.originalTTL >>> 0, 4);
  const ownerWire = nameToWire(signedOwner);
  const rdatas = uniqueSorted(rrset.map(canonicalRdata));
  const parts: Buffer[] = [rrsigSignedPrefix(sig)];
  for (const rdata of rdatas) {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(rdata.length);
    parts.push(ownerWire, head, length, rdata);
  }
  return Buffer.concat(parts);
}

/** Canonical RR order: rdata as left-justified octet strings; duplicates removed (RFC 4034 6.3). */
export function uniqueSorted(rdatas: Buffer[]): Buffer[] {
  const sorted = [...rdatas].sort((a, b) => Buffer.compare(a, b));
  return sorted.filter((rdata, index) => index === 0 || !rdata.equals(sorted[index - 1] as Buffer));
}

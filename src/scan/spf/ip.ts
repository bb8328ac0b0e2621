/**
 * IP address helpers for SPF: parsing to numbers, CIDR matching, the reverse (PTR) name,
 * and the %{i} / %{c} forms. IPv4-mapped IPv6 clients are treated as IPv4 (RFC 7208 5).
 */
import net from 'node:net';

export interface SpfIp {
  version: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

/** qnum = DIGIT / %x31-39 DIGIT / "1" 2DIGIT / "2" %x30-34 DIGIT / "25" %x30-35: no leading zeros. */
const IP4_STRICT = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function ip4Value(text: string): bigint {
  return text.split('.').reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
}

function ip6Value(text: string): bigint | undefined {
  if (!net.isIPv6(text)) return undefined;
  let head = text;
  let tailWords: number[] = [];
  const embedded = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (embedded) {
    head = `${embedded[1] ?? ''}`;
    const v4 = Number(ip4Value(embedded[2] ?? '0.0.0.0'));
    tailWords = [v4 >>> 16, v4 & 0xffff];
    head = head.endsWith('::') ? head : head.slice(0, -1);
  }
  const [left = '', right] = head.split('::');
  const words = (part: string): number[] => (part === '' ? [] : part.split(':').map((word) => parseInt(word, 16)));
  const leftWords = words(left);
  const rightWords = [...(right === undefined ? [] : words(right)), ...tailWords];
  const fill = 8 - leftWords.length - rightWords.length;
  const all = right === undefined ? [...leftWords, ...tailWords] : [...leftWords, ...Array<number>(fill).fill(0), ...rightWords];
  if (all.length !== 8) return undefined;
  return all.reduce((sum, word) => (sum << 16n) | BigInt(word), 0n);
}

/** Parse a client or record address; an IPv4-mapped IPv6 address becomes IPv4. */
export function parseIp(text: string): SpfIp | undefined {
  if (IP4_STRICT.test(text)) return { version: 4, value: ip4Value(text) };
  const value = ip6Value(text);
  if (value === undefined) return undefined;
  if (value >> 32n === 0xffffn) return { version: 4, value: value & 0xffffffffn };
  return { version: 6, value };
}

/** ip4-network as the grammar wants it: a full dotted quad without leading zeros. */
export function parseIp4Network(text: string): bigint | undefined {
  return IP4_STRICT.test(text) ? ip4Value(text) : undefined;
}

export function parseIp6Network(text: string): bigint | undefined {
  return ip6Value(text);
}

export function inNetwork(address: bigint, network: bigint, prefix: number, bits: 32 | 128): boolean {
  if (prefix === 0) return true;
  const shift = BigInt(bits - prefix);
  return address >> shift === network >> shift;
}

function nibbles(value: bigint): string[] {
  return value.toString(16).padStart(32, '0').toUpperCase().split('');
}

/** %{i}: dotted quad, or 32 nibbles separated by dots (upper-case, as the RFC test suite expects). */
export function dottedIp(ip: SpfIp): string {
  if (ip.version === 4) return formatIp4(ip.value);
  return nibbles(ip.value).join('.');
}

export function formatIp4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** %{c}: the address for humans (RFC 5952 style for IPv6). */
export function readableIp(ip: SpfIp): string {
  if (ip.version === 4) return formatIp4(ip.value);
  const words = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of two or more zero words becomes "::".
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && words[end] === 0) end++;
    if (end - i > bestLength && end - i >= 2) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = words.map((word) => word.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The name to ask PTR records for. */
export function reverseName(ip: SpfIp): string {
  if (ip.version === 4) return `${formatIp4(ip.value).split('.').reverse().join('.')}.in-addr.arpa`;
  return `${nibbles(ip.value).reverse().join('.').toLowerCase()}.ip6.arpa`;
}

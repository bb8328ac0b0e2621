/**
 * What may be scanned: parseTarget() turns user input into a normalised domain name
 * (or a UsageError that says exactly what is wrong), and classifyAddress() decides
 * whether an address is public enough to connect to, so the scanner cannot be pointed
 * at internal networks (SSRF) unless the user passes --allow-private.
 */
import net from 'node:net';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { UsageError } from '../core/errors.js';
import type { RefusedAddress } from './evidence/index.js';

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

/**
 * What is wrong with a domain name, as a code with its values, so the app can say it in
 * the reader's language; the error's message says it in English for the CLI and the API.
 */
export type TargetProblem =
  | { code: 'empty' | 'ipAddress' | 'pointsAtIp' | 'notAddress' | 'noHost' | 'noAscii' | 'emptyLabel' | 'singleLabel' }
  | { code: 'tooLong'; length: number; max: number }
  | { code: 'longLabel'; label: string; length: number; max: number }
  | { code: 'badCharacter'; character: string }
  | { code: 'hyphen'; label: string };

/** A domain name that cannot be scanned: a UsageError that also carries its TargetProblem. */
export class TargetError extends UsageError {
  constructor(
    message: string,
    readonly problem: TargetProblem,
  ) {
    super(message);
  }
}

function invalid(input: string, reason: string, problem: TargetProblem): TargetError {
  return new TargetError(`"${input}" is not a valid domain name: ${reason}`, problem);
}

function looksLikeIp(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  // A numeric last label (127.1, 0x7f.1) is how URL parsers spell IPv4 too.
  const lastLabel = bare.replace(/\.$/, '').split('.').pop() ?? '';
  return net.isIP(bare) !== 0 || /^(0x[0-9a-f]*|[0-9]+)$/i.test(lastLabel);
}

/** Take the host out of a pasted URL (`https://Shop.Example/path`, `shop.example/path`). */
function hostOf(input: string): string {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  if (!hasScheme && !/[/?#:@]/.test(input)) return input;
  try {
    return new URL(hasScheme ? input : `http://${input}`).hostname;
  } catch {
    throw invalid(input, 'it is neither a domain name nor a web address', { code: 'notAddress' });
  }
}

/**
 * Normalise a user-given domain: trimmed, lower-case, ASCII (punycode), no trailing dot.
 * Throws UsageError naming the problem.
 */
export function parseTarget(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw new TargetError('no domain given: name the shop to scan, for example shop.example', { code: 'empty' });
  if (looksLikeIp(trimmed)) throw new TargetError(`"${trimmed}" is an IP address; give a domain name, not an IP address`, { code: 'ipAddress' });

  let host = hostOf(trimmed);
  if (host === '') throw invalid(trimmed, 'it has no host name', { code: 'noHost' });
  if (looksLikeIp(host)) throw new TargetError(`"${trimmed}" points at an IP address; give a domain name, not an IP address`, { code: 'pointsAtIp' });
  host = host.replace(/\.$/, '');
  // Only non-ASCII names go through IDNA, so ASCII mistakes get the precise messages below.
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    const ascii = domainToASCII(host);
    if (ascii === '') throw invalid(trimmed, 'it cannot be converted to an ASCII (punycode) domain name', { code: 'noAscii' });
    host = ascii.replace(/\.$/, '');
  }
  host = host.toLowerCase();

  if (host.length > MAX_NAME_LENGTH) {
    throw invalid(trimmed, `it is ${host.length} characters long; a domain name has at most ${MAX_NAME_LENGTH}`, { code: 'tooLong', length: host.length, max: MAX_NAME_LENGTH });
  }
  const labels = host.split('.');
  for (const label of labels) {
    if (label === '') throw invalid(trimmed, 'it has an empty label (two dots in a row, or a dot at the start)', { code: 'emptyLabel' });
    if (label.length > MAX_LABEL_LENGTH) {
      throw invalid(trimmed, `the label "${label.slice(0, 20)}…" is ${label.length} characters long; the limit is ${MAX_LABEL_LENGTH}`, {
        code: 'longLabel',
        label: `${label.slice(0, 20)}…`,
        length: label.length,
        max: MAX_LABEL_LENGTH,
      });
    }
    const bad = /[^a-z0-9-]/.exec(label);
    if (bad) {
      throw invalid(trimmed, `it contains "${bad[0]}"; only letters, digits and hyphens are allowed in a domain name`, { code: 'badCharacter', character: bad[0] });
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      throw invalid(trimmed, `the label "${label}" starts or ends with a hyphen`, { code: 'hyphen', label });
    }
  }
  if (labels.length < 2) {
    throw invalid(trimmed, 'it has a single label; give the full domain name, for example shop.example', { code: 'singleLabel' });
  }
  return host;
}

/* ---------------------------------------------------------------- address policy */

export interface AddressClass {
  allowed: boolean;
  /** ipaddr.js range name, refined where ipaddr.js lumps ranges together ('documentation', 'benchmarking'). */
  range: string;
}

/** Special-purpose blocks that ipaddr.js files under broader names; checked first. */
const REFINED_RANGES: [string, string][] = [
  ['192.0.2.0/24', 'documentation'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['198.18.0.0/15', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  ['64:ff9b:1::/48', 'nat64LocalUse'],
];
const REFINED = REFINED_RANGES.map(([cidr, name]) => ({ cidr: ipaddr.parseCIDR(cidr), name }));
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

function refinedRange(address: ipaddr.IPv4 | ipaddr.IPv6): string | undefined {
  return REFINED.find(({ cidr }) => cidr[0].kind() === address.kind() && address.match(cidr))?.name;
}

function ipv4FromBytes(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes.map((byte) => byte & 0xff));
}

/** The IPv4 addresses an IPv6 address stands for, when it is one of the embedding forms. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] | undefined {
  const bytes = address.toByteArray();
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
    case 'rfc6052': // 64:ff9b::a.b.c.d (the /96 well-known NAT64 prefix)
      return [ipv4FromBytes(bytes.slice(12, 16))];
    case '6to4': // 2002:AABB:CCDD::/48
      return [ipv4FromBytes(bytes.slice(2, 6))];
    case 'teredo': // 2001:0:SERVER:flags:port:~CLIENT
      return [ipv4FromBytes(bytes.slice(4, 8)), ipv4FromBytes(bytes.slice(12, 16).map((byte) => ~byte))];
    default:
      return undefined;
  }
}

function classifyIpv4(address: ipaddr.IPv4): AddressClass {
  const range = refinedRange(address) ?? address.range();
  return { allowed: range === 'unicast', range };
}

/**
 * Whether the scanner may connect to `ip`: only globally routable unicast is allowed.
 * IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are judged by
 * the embedded address. Unparseable input is refused as 'invalid'.
 */
export function classifyAddress(ip: string): AddressClass {
  // The zone (fe80::1%eth0) does not change the range.
  const bare = ip.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = net.isIP(bare);
  if (family === 4) return classifyIpv4(ipaddr.IPv4.parse(bare));
  if (family !== 6) return { allowed: false, range: 'invalid' };
  // ipaddr.js reads '::1.2.3.4' as IPv4-mapped; the WHATWG URL parser spells IPv6 canonically first.
  const v6 = ipaddr.IPv6.parse(new URL(`http://[${bare}]/`).hostname.slice(1, -1));
  const refined = refinedRange(v6);
  if (refined) return { allowed: false, range: refined };
  const range = v6.range();
  const embedded = embeddedIpv4(v6, range);
  if (embedded) {
    const refusedInner = embedded.map(classifyIpv4).find((inner) => !inner.allowed);
    return refusedInner ? { allowed: false, range: refusedInner.range } : { allowed: true, range };
  }
  // ipaddr.js calls everything it has no name for 'unicast'; only 2000::/3 is global.
  if (range === 'unicast' && !v6.match(GLOBAL_UNICAST_V6)) return { allowed: false, range: 'reserved' };
  return { allowed: range === 'unicast', range };
}

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'unspecified address',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private network',
  reserved: 'reserved',
  documentation: 'documentation range',
  benchmarking: 'benchmarking range',
  uniqueLocal: 'IPv6 unique-local',
  deprecatedSiteLocal: 'IPv6 site-local',
  discard: 'discard-only',
  nat64LocalUse: 'local-use NAT64',
  invalid: 'not a valid address',
};

/** Plain words for a range name, e.g. 'carrierGradeNat' -> 'carrier-grade NAT'. */
export function describeRange(range: string): string {
  return RANGE_WORDS[range] ?? `special-purpose range ${range}`;
}

const REFUSAL = /^(\S+) resolves only to .*; the scanner refuses private and internal addresses /;

/** The host of a refusalMessage, or undefined for any other text: the web says it in its own words, without the CLI's flag. */
export function refusedHostOf(message: string): string | undefined {
  return REFUSAL.exec(message)?.[1];
}

/** Why a scan was refused, for the terminal. Lists at most four addresses. */
export function refusalMessage(host: string, refused: RefusedAddress[]): string {
  const shown = refused.slice(0, 4).map(({ address, range }) => `${address} (${describeRange(range)})`);
  if (refused.length > shown.length) shown.push(`${refused.length - shown.length} more`);
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}` : (shown[0] ?? 'no address');
  return (
    `${host} resolves only to ${list}; the scanner refuses private and internal addresses ` +
    'so it cannot be turned against internal networks. Use --allow-private to scan your own test setup.'
  );
}

/**
 * A small stub DNS client on dns-packet: UDP with EDNS0, TCP when the answer is
 * truncated, a per-try timeout, retries across servers and a per-scan cache.
 *
 * It returns whole responses (any rcode, all sections) so that later checks, such as
 * a DNSSEC validator, can read RRSIG/DNSKEY/NSEC records themselves. Failures to get
 * a usable response are DnsError values with kind 'timeout' | 'network' | 'malformed'.
 */
import { randomInt } from 'node:crypto';
import dns from 'node:dns';
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import * as packet from 'dns-packet';
import type { Answer, DecodedPacket, RecordType } from 'dns-packet';
import { ScanError } from '../../../core/errors.js';
import {
  DnsError,
  abortError,
  exchangeTcp,
  exchangeUdp,
  formatServer,
  type DnsServer,
  type MessageVerdict,
} from './transport.js';

export { DnsError, type DnsErrorKind, type DnsServer } from './transport.js';
export type { Answer, RecordType } from 'dns-packet';

export interface DnsClientOptions {
  servers: DnsServer[];
  /** Per try (one UDP exchange, or the TCP exchange after a truncated answer). */
  timeoutMs?: number;
  /** Extra tries after the first, taking the servers in turn. */
  retries?: number;
  signal?: AbortSignal;
  /**
   * Ask again with CD set when a server answers SERVFAIL (see resolveWithCdFallback). The
   * scan wants this; a tool that reads a validating resolver's own verdict must not.
   */
  retryServfailWithCd?: boolean;
}

export interface QueryOptions {
  /** Set the DO bit so a DNSSEC-aware resolver returns RRSIG/NSEC records. */
  dnssecOk?: boolean;
  /** Set the CD bit: ask a validating resolver not to validate (to see bogus data). */
  checkingDisabled?: boolean;
}

export interface DnsResponse {
  /** e.g. 'NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED'. Never thrown: the caller judges it. */
  rcode: string;
  flags: {
    authoritative: boolean;
    truncated: boolean;
    authenticData: boolean;
    checkingDisabled: boolean;
    recursionAvailable: boolean;
  };
  answers: Answer[];
  authorities: Answer[];
  /** As received, including the OPT pseudo-record when the server speaks EDNS. */
  additionals: Answer[];
  /** The server that answered, `address:port` or `[v6]:port`. */
  server: string;
  viaTcp: boolean;
  durationMs: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const DEFAULT_RETRIES = 2;
/** RFC 9715 / DNS flag day 2020: avoids IP fragmentation of UDP answers. */
const EDNS_UDP_PAYLOAD = 1_232;

/** Normalised owner name: lower-case, no trailing dot. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** Parse one entry of node:dns getServers(): `1.2.3.4`, `1.2.3.4:5353`, `2001:db8::1`, `[2001:db8::1]:5353`. */
export function parseServerEntry(entry: string): DnsServer | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    const [, address = '', port] = bracketed;
    return net.isIPv6(address) ? { address, port: port ? Number(port) : 53 } : undefined;
  }
  if (net.isIP(entry)) return { address: entry, port: 53 };
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  if (withPort && net.isIPv4(withPort[1] ?? '')) return { address: withPort[1] ?? '', port: Number(withPort[2]) };
  return undefined;
}

function assertQueryable(name: string): void {
  const normalised = normaliseName(name);
  if (normalised === '') return; // the root
  const valid = normalised.length <= 253 && normalised.split('.').every((label) => label.length > 0 && label.length <= 63);
  if (!valid) throw new DnsError('malformed', `cannot query "${name}": it is not a valid DNS name`);
}

export class DnsClient {
  private readonly servers: DnsServer[];
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly signal: AbortSignal | undefined;
  private readonly retryServfailWithCd: boolean;
  private readonly cache = new Map<string, Promise<DnsResponse>>();

  constructor(options: DnsClientOptions) {
    if (options.servers.length === 0) throw new ScanError('no DNS server given');
    this.servers = options.servers.map((server) => ({ ...server }));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = Math.max(0, options.retries ?? DEFAULT_RETRIES);
    this.signal = options.signal && DnsClient.ownSignal(options.signal);
    this.retryServfailWithCd = options.retryServfailWithCd ?? false;
  }

  /**
   * Every in-flight exchange listens for abort. Hang them on a signal this client owns
   * (one listener on the caller's), so a busy scan does not trip Node's listener-leak warning.
   */
  private static ownSignal(external: AbortSignal): AbortSignal {
    const controller = new AbortController();
    setMaxListeners(0, controller.signal);
    if (external.aborted) controller.abort(external.reason);
    else external.addEventListener('abort', () => controller.abort(external.reason), { once: true });
    return controller.signal;
  }

  /** A client for the resolvers this machine is configured with. */
  static fromSystem(options: Omit<DnsClientOptions, 'servers'> = {}): DnsClient {
    const servers = dns
      .getServers()
      .map(parseServerEntry)
      .filter((server): server is DnsServer => server !== undefined);
    if (servers.length === 0) throw new ScanError('this machine has no DNS resolver configured');
    return new DnsClient({ ...options, servers });
  }

  /**
   * Ask the servers for `name`/`type`. Resolves with any rcode; rejects with DnsError
   * when no usable response came. Identical queries share one cached promise, also
   * while in flight; failures are cached too, so one scan never waits twice for a dead resolver.
   */
  query(name: string, type: RecordType, options: QueryOptions = {}): Promise<DnsResponse> {
    const key = `${normaliseName(name)}|${type}|${options.dnssecOk ? 'do' : ''}|${options.checkingDisabled ? 'cd' : ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const pending = this.resolveWithCdFallback(name, type, options);
    this.cache.set(key, pending);
    // An aborted scan says nothing about the name: don't keep that outcome.
    pending.catch(() => {
      if (this.signal?.aborted) this.cache.delete(key);
    });
    return pending;
  }

  /**
   * A validating resolver answers SERVFAIL for a zone whose DNSSEC is broken. The scan
   * validates DNSSEC itself (and reports the breakage there), so it asks again with CD set
   * to see the data the other checks need, as `delv` and internet.nl do.
   */
  private async resolveWithCdFallback(name: string, type: RecordType, options: QueryOptions): Promise<DnsResponse> {
    const response = await this.resolve(name, type, options);
    if (!this.retryServfailWithCd || response.rcode !== 'SERVFAIL' || options.checkingDisabled) return response;
    try {
      const unchecked = await this.query(name, type, { ...options, checkingDisabled: true });
      return unchecked.rcode === 'SERVFAIL' ? response : unchecked;
    } catch {
      return response;
    }
  }

  private async resolve(name: string, type: RecordType, options: QueryOptions): Promise<DnsResponse> {
    assertQueryable(name);
    const tries = this.retries + 1;
    let lastError: DnsError | undefined;
    let fallback: DnsResponse | undefined;
    for (let attempt = 0; attempt < tries; attempt++) {
      if (this.signal?.aborted) throw abortError(this.signal);
      const server = this.servers[attempt % this.servers.length] as DnsServer;
      try {
        const response = await this.tryServer(server, name, type, options);
        // Like a stub resolver: another server may do better than SERVFAIL/REFUSED.
        const nextIsNewServer = attempt + 1 < Math.min(tries, this.servers.length);
        if ((response.rcode === 'SERVFAIL' || response.rcode === 'REFUSED') && nextIsNewServer) {
          fallback ??= response;
          continue;
        }
        return response;
      } catch (error) {
        if (!(error instanceof DnsError)) throw error;
        if (this.signal?.aborted) throw error;
        lastError = error;
      }
    }
    if (fallback) return fallback;
    throw lastError ?? new DnsError('network', `no DNS server answered for ${name}`);
  }

  private async tryServer(server: DnsServer, name: string, type: RecordType, options: QueryOptions): Promise<DnsResponse> {
    const started = performance.now();
    const id = randomInt(0, 65_536);
    const question = { name: normaliseName(name), type, class: 'IN' as const };
    const request = packet.encode({
      type: 'query',
      id,
      // AD in a query asks a validating resolver to report validation without DO (RFC 6840 5.7).
      flags:
        packet.RECURSION_DESIRED | packet.AUTHENTIC_DATA | (options.checkingDisabled ? packet.CHECKING_DISABLED : 0),
      questions: [question],
      additionals: [
        {
          type: 'OPT',
          name: '.',
          udpPayloadSize: EDNS_UDP_PAYLOAD,
          extendedRcode: 0,
          ednsVersion: 0,
          flags: options.dnssecOk ? packet.DNSSEC_OK : 0,
          flag_do: options.dnssecOk ?? false,
          options: [],
        },
      ],
    });
    const judge = (message: Buffer): MessageVerdict<DecodedWithRcode> => judgeMessage(message, id, question, server);
    const exchange = { server, request, judge, timeoutMs: this.timeoutMs, ...(this.signal ? { signal: this.signal } : {}) };
    let decoded = await exchangeUdp(exchange);
    let viaTcp = false;
    if (decoded.flag_tc) {
      decoded = await exchangeTcp(exchange);
      viaTcp = true;
    }
    return {
      rcode: decoded.rcode ?? 'NOERROR',
      flags: {
        authoritative: decoded.flag_aa,
        truncated: decoded.flag_tc,
        authenticData: decoded.flag_ad,
        checkingDisabled: decoded.flag_cd,
        recursionAvailable: decoded.flag_ra,
      },
      answers: decoded.answers ?? [],
      authorities: decoded.authorities ?? [],
      additionals: decoded.additionals ?? [],
      server: formatServer(server),
      viaTcp,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}

/** dns-packet's decoded header carries the rcode name; its typings leave it out. */
type DecodedWithRcode = DecodedPacket & { rcode?: string };

/**
 * Accept a message only when it answers our question with our id. Anything else is a
 * stray or spoofed packet and is ignored. A message with our id that cannot be decoded
 * is a broken answer: fail this try.
 */
function judgeMessage(
  message: Buffer,
  id: number,
  question: { name: string; type: RecordType },
  server: DnsServer,
): MessageVerdict<DecodedWithRcode> {
  if (message.length < 2 || message.readUInt16BE(0) !== id) return { ignore: true };
  let decoded: DecodedWithRcode;
  try {
    decoded = packet.decode(message);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { fail: new DnsError('malformed', `unreadable DNS answer from ${formatServer(server)} (${reason})`) };
  }
  const asked = decoded.questions?.[0];
  const matches =
    decoded.flag_qr &&
    decoded.questions?.length === 1 &&
    asked !== undefined &&
    normaliseName(asked.name) === question.name &&
    asked.type === question.type;
  return matches ? { accept: decoded } : { ignore: true };
}

/**
 * A hand-built ClientHello over a raw socket, for what OpenSSL 3 (and so Node) cannot
 * offer: SSLv3, and suites such as RC4, 3DES, DES, EXPORT, IDEA and SEED. We read the
 * server's first flight (ServerHello, Certificate, ServerKeyExchange,
 * ServerHelloDone) or its alert, and never finish the handshake: the ServerHello already
 * says which version and suite the server accepts, and whether it echoes
 * renegotiation_info (RFC 5746 secure renegotiation). Only SSLv3 to TLS 1.2 are spoken
 * here; TLS 1.3 goes through Node.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { AttemptError, attempt, type AttemptLimits, type ProbeTarget } from './connection.js';
import { isDhe, isEcdhe, suiteByCode } from './suites.js';

export const RAW_VERSIONS = { SSLv3: 0x0300, TLSv1: 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303 } as const;
export type RawVersionName = keyof typeof RAW_VERSIONS;

const CONTENT_ALERT = 21;
const CONTENT_HANDSHAKE = 22;
const HS_SERVER_HELLO = 2;
const HS_CERTIFICATE = 11;
const HS_SERVER_KEY_EXCHANGE = 12;
const HS_SERVER_HELLO_DONE = 14;
export const EXT_RENEGOTIATION_INFO = 0xff01;
const SCSV_RENEGOTIATION = 0x00ff;

/** Everything a server's first flight can tell without finishing the handshake. */
export interface ServerFlight {
  hello?: { version: number; suite: number; extensions: number[] };
  /** DER certificates as the server sent them, leaf first. */
  certificates?: Buffer[];
  /** From ServerKeyExchange: the named curve (ECDHE) or the prime and generator (DHE). */
  keyExchange?: { group?: number; prime?: Buffer; generator?: Buffer };
  alert?: { level: number; description: number };
}

export interface ClientHelloOptions {
  version: number;
  suites: readonly number[];
  /** SNI; left out for IP addresses. */
  serverName: string;
  /** supported_groups code points (TLS 1.0 and up). */
  groups: readonly number[];
}

/** Signature algorithms offered in TLS 1.2: everything a certificate might need, strong first. */
const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0401, 0x0501, 0x0601,
  0x0303, 0x0301, 0x0302, 0x0402, 0x0203, 0x0201, 0x0202,
];

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u24(value: number): Buffer {
  return Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
}

function vector16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function extension(type: number, body: Buffer): Buffer {
  return Buffer.concat([u16(type), vector16(body)]);
}

function list16(values: readonly number[]): Buffer {
  return Buffer.concat(values.map(u16));
}

export function buildClientHello(options: ClientHelloOptions): Buffer {
  const sslv3 = options.version === RAW_VERSIONS.SSLv3;
  const extensions: Buffer[] = [];
  if (!sslv3) {
    if (options.serverName && net.isIP(options.serverName) === 0) {
      const name = Buffer.from(options.serverName, 'ascii');
      extensions.push(extension(0x0000, vector16(Buffer.concat([Buffer.from([0]), vector16(name)]))));
    }
    extensions.push(extension(0x000a, vector16(list16(options.groups))));
    extensions.push(extension(0x000b, Buffer.from([3, 0, 1, 2])));
    if (options.version >= RAW_VERSIONS['TLSv1.2']) extensions.push(extension(0x000d, vector16(list16(SIGNATURE_ALGORITHMS))));
    extensions.push(extension(0x0017, Buffer.alloc(0)));
    extensions.push(extension(EXT_RENEGOTIATION_INFO, Buffer.from([0])));
  }
  // SSLv3 has no extensions: signal secure renegotiation with the SCSV instead.
  const suites = sslv3 ? [...options.suites, SCSV_RENEGOTIATION] : options.suites;
  const head = Buffer.concat([u16(options.version), randomBytes(32), Buffer.from([0]), vector16(list16(suites)), Buffer.from([1, 0])]);
  let extensionBlock = Buffer.concat(extensions);
  // Some load balancers hang on hellos of 256-511 bytes; pad past them (RFC 7685), as browsers do.
  const length = 4 + head.length + (extensions.length ? 2 + extensionBlock.length : 0);
  if (!sslv3 && length >= 256 && length < 512) {
    extensionBlock = Buffer.concat([extensionBlock, extension(0x0015, Buffer.alloc(Math.max(0, 512 - length - 4)))]);
  }
  const body = extensions.length ? Buffer.concat([head, vector16(extensionBlock)]) : head;
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  const recordVersion = sslv3 ? RAW_VERSIONS.SSLv3 : RAW_VERSIONS.TLSv1;
  return Buffer.concat([Buffer.from([CONTENT_HANDSHAKE]), u16(recordVersion), u16(handshake.length), handshake]);
}

const MAX_RECORD = 16_384 + 2_048;
const MAX_FLIGHT_BYTES = 256 * 1024;

/**
 * Incremental parser of the server's answer. `push` returns true once it has what was
 * asked for (the ServerHello only, or the whole first flight) or an alert; it throws an
 * AttemptError('protocol') on anything that is not TLS.
 */
export class FlightReader {
  private pending = Buffer.alloc(0);
  private handshake = Buffer.alloc(0);
  private total = 0;
  readonly flight: ServerFlight = {};

  constructor(private readonly until: 'hello' | 'flight') {}

  push(chunk: Buffer): boolean {
    this.total += chunk.length;
    if (this.total > MAX_FLIGHT_BYTES) throw new AttemptError('protocol', 'The server sent an oversized first flight.');
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 5) {
      const type = this.pending[0] ?? 0;
      const length = this.pending.readUInt16BE(3);
      if ((type !== CONTENT_HANDSHAKE && type !== CONTENT_ALERT) || this.pending[1] !== 3 || length > MAX_RECORD) {
        throw new AttemptError('protocol', 'The server answered with something that is not TLS.');
      }
      if (this.pending.length < 5 + length) return false;
      const fragment = this.pending.subarray(5, 5 + length);
      this.pending = this.pending.subarray(5 + length);
      if (type === CONTENT_ALERT) {
        if (fragment.length < 2) throw new AttemptError('protocol', 'The server sent a malformed alert.');
        // Fatal alerts and close_notify end the answer; warnings (e.g. unrecognized_name) do not.
        if (fragment[0] === 2 || fragment[1] === 0) {
          this.flight.alert = { level: fragment[0] ?? 0, description: fragment[1] ?? 0 };
          return true;
        }
        continue;
      }
      this.handshake = Buffer.concat([this.handshake, fragment]);
      if (this.readMessages()) return true;
    }
    return false;
  }

  private readMessages(): boolean {
    while (this.handshake.length >= 4) {
      const type = this.handshake[0] ?? 0;
      const length = this.handshake.readUIntBE(1, 3);
      if (length > MAX_FLIGHT_BYTES) throw new AttemptError('protocol', 'The server sent an oversized handshake message.');
      if (this.handshake.length < 4 + length) return false;
      const body = this.handshake.subarray(4, 4 + length);
      this.handshake = this.handshake.subarray(4 + length);
      if (!this.flight.hello && type !== HS_SERVER_HELLO) throw new AttemptError('protocol', 'The server did not start with a ServerHello.');
      if (type === HS_SERVER_HELLO) {
        this.flight.hello = parseServerHello(body);
        if (this.until === 'hello') return true;
      } else if (type === HS_CERTIFICATE) {
        this.flight.certificates = parseCertificates(body);
      } else if (type === HS_SERVER_KEY_EXCHANGE) {
        this.flight.keyExchange = parseKeyExchange(body, this.flight.hello?.suite ?? 0);
      } else if (type === HS_SERVER_HELLO_DONE) {
        return true;
      }
    }
    return false;
  }
}

function malformed(what: string): AttemptError {
  return new AttemptError('protocol', `The server sent a malformed ${what}.`);
}

function parseServerHello(body: Buffer): NonNullable<ServerFlight['hello']> {
  if (body.length < 38) throw malformed('ServerHello');
  const version = body.readUInt16BE(0);
  const sessionIdLength = body[34] ?? 0;
  let offset = 35 + sessionIdLength;
  if (body.length < offset + 3) throw malformed('ServerHello');
  const suite = body.readUInt16BE(offset);
  offset += 3;
  const extensions: number[] = [];
  if (body.length >= offset + 2) {
    const end = Math.min(body.length, offset + 2 + body.readUInt16BE(offset));
    offset += 2;
    while (offset + 4 <= end) {
      extensions.push(body.readUInt16BE(offset));
      offset += 4 + body.readUInt16BE(offset + 2);
    }
  }
  return { version, suite, extensions };
}

function parseCertificates(body: Buffer): Buffer[] {
  const certificates: Buffer[] = [];
  if (body.length < 3) throw malformed('Certificate message');
  const end = Math.min(body.length, 3 + body.readUIntBE(0, 3));
  let offset = 3;
  while (offset + 3 <= end) {
    const length = body.readUIntBE(offset, 3);
    if (offset + 3 + length > end) throw malformed('Certificate message');
    certificates.push(Buffer.from(body.subarray(offset + 3, offset + 3 + length)));
    offset += 3 + length;
  }
  return certificates;
}

function parseKeyExchange(body: Buffer, suiteCode: number): ServerFlight['keyExchange'] {
  const suite = suiteByCode(suiteCode);
  if (!suite) return undefined;
  if (isEcdhe(suite)) {
    // ECParameters: curve_type 3 = named_curve, then the NamedGroup.
    return body[0] === 3 && body.length >= 3 ? { group: body.readUInt16BE(1) } : {};
  }
  if (isDhe(suite)) {
    if (body.length < 2) throw malformed('ServerKeyExchange');
    const primeLength = body.readUInt16BE(0);
    const generatorAt = 2 + primeLength;
    if (body.length < generatorAt + 2) throw malformed('ServerKeyExchange');
    const generatorLength = body.readUInt16BE(generatorAt);
    return {
      prime: Buffer.from(body.subarray(2, generatorAt)),
      generator: Buffer.from(body.subarray(generatorAt + 2, generatorAt + 2 + generatorLength)),
    };
  }
  return undefined;
}

/**
 * Send one ClientHello and read the answer. A server that hangs up without a word counts
 * as a refusal (an empty flight); silence and non-TLS answers are errors.
 */
export function sendClientHello(target: ProbeTarget, limits: AttemptLimits, hello: Buffer, until: 'hello' | 'flight'): Promise<ServerFlight> {
  return attempt<ServerFlight>(target, limits, (socket, settle) => {
    const reader = new FlightReader(until);
    socket.on('data', (chunk: Buffer) => {
      try {
        if (reader.push(chunk)) settle.resolve(reader.flight);
      } catch (error) {
        settle.reject(error as Error);
      }
    });
    socket.on('end', () => settle.resolve(reader.flight));
    socket.write(hello);
  }).catch((error: unknown) => {
    if (error instanceof AttemptError && error.kind === 'closed') return {};
    throw error;
  });
}

/* ---------------------------------------------------------------- SSLv2 */

/** The seven SSLv2 cipher kinds (RC4, RC2, IDEA, DES, 3DES and their export variants). */
const SSLV2_CIPHER_SPECS = [0x010080, 0x020080, 0x030080, 0x040080, 0x050080, 0x060040, 0x0700c0];

export function buildSslv2Hello(): Buffer {
  const specs = Buffer.concat(SSLV2_CIPHER_SPECS.map((spec) => u24(spec)));
  const body = Buffer.concat([Buffer.from([1]), u16(0x0002), u16(specs.length), u16(0), u16(16), specs, randomBytes(16)]);
  return Buffer.concat([u16(0x8000 | body.length), body]);
}

/** Does the server answer an SSLv2 CLIENT-HELLO with an SSLv2 SERVER-HELLO that names a cipher? */
export function sendSslv2Hello(target: ProbeTarget, limits: AttemptLimits): Promise<boolean> {
  return attempt<boolean>(target, limits, (socket, settle) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if ((received[0] ?? 0) & 0x80) {
        // 2-byte header, then SERVER-HELLO: type 4, session-id-hit, cert type, version, cert length, cipher-specs length.
        if (received.length < 13) return;
        settle.resolve(received[2] === 4 && received.readUInt16BE(5) === 0x0002 && received.readUInt16BE(9) >= 3);
      } else {
        settle.resolve(false); // A TLS alert or anything else: no SSLv2.
      }
    });
    socket.on('end', () => settle.resolve(false));
    socket.write(buildSslv2Hello());
  }).catch((error: unknown) => {
    if (error instanceof AttemptError && error.kind === 'closed') return false;
    throw error;
  });
}

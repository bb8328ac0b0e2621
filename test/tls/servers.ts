/**
 * Loopback peers for the TLS prober tests: real Node TLS servers, hostile TCP servers,
 * and a scripted "legacy" server that answers ClientHellos the way an old server would
 * (SSLv3, RC4, 3DES: what this machine's OpenSSL 3 can no longer serve). All bind to
 * 127.0.43.x:443 and track their sockets so tests can assert that none leak.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface TestServer {
  address: string;
  /** Connections the server still has open. */
  open(): number;
  close(): Promise<void>;
}

function track(server: net.Server, address: string): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, address, () =>
      resolve({
        address,
        open: () => sockets.size,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

/** A real Node TLS server. Connections stay open until the client leaves. `setup` may add handlers (e.g. OCSP stapling). */
export function startTlsServer(address: string, options: tls.TlsOptions, setup?: (server: tls.Server) => void): Promise<TestServer> {
  const server = tls.createServer(options, (socket) => {
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
  });
  server.on('tlsClientError', () => undefined);
  setup?.(server);
  return track(server, address);
}

/** A TCP server that hands each connection to `behave`: never speak, stall, send garbage, reset. */
export function startRawServer(address: string, behave: (socket: net.Socket) => void): Promise<TestServer> {
  const server = net.createServer((socket) => behave(socket));
  return track(server, address);
}

export interface LegacyConfig {
  /** Record versions the server speaks, e.g. [0x0300, 0x0301]. */
  versions: number[];
  /** Suites in the server's order of preference. */
  suites: number[];
  /** Echo renegotiation_info (RFC 5746)? */
  secureRenegotiation: boolean;
  /** Answer SSLv2 hellos with an SSLv2 SERVER-HELLO. */
  sslv2?: boolean;
  /** DER certificate to send. */
  certificate: Buffer;
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function record(type: number, version: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type]), u16(version), u16(body.length), body]);
}

function handshake(type: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([type, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
}

function alert(version: number, description: number): Buffer {
  return record(21, version, Buffer.from([2, description]));
}

/** Parse just enough of a ClientHello: version, suites, and whether renegotiation_info was signalled. */
function parseClientHello(data: Buffer): { version: number; suites: number[]; renegotiationInfo: boolean } | undefined {
  if (data.length < 5 || data[0] !== 22) return undefined;
  const body = data.subarray(9);
  const version = body.readUInt16BE(0);
  let offset = 34;
  offset += 1 + (body[offset] ?? 0);
  const suiteBytes = body.readUInt16BE(offset);
  const suites: number[] = [];
  for (let index = 0; index < suiteBytes; index += 2) suites.push(body.readUInt16BE(offset + 2 + index));
  offset += 2 + suiteBytes;
  offset += 1 + (body[offset] ?? 0);
  let renegotiationInfo = suites.includes(0x00ff);
  if (offset + 2 <= body.length) {
    const end = offset + 2 + body.readUInt16BE(offset);
    offset += 2;
    while (offset + 4 <= end) {
      if (body.readUInt16BE(offset) === 0xff01) renegotiationInfo = true;
      offset += 4 + body.readUInt16BE(offset + 2);
    }
  }
  return { version, suites, renegotiationInfo };
}

function answer(config: LegacyConfig, data: Buffer): Buffer {
  if ((data[0] ?? 0) & 0x80) {
    // SSLv2 CLIENT-HELLO: SERVER-HELLO with version 2 and one cipher spec (RC4-MD5), no certificate.
    if (!config.sslv2) return alert(0x0300, 70);
    const body = Buffer.concat([Buffer.from([4, 0, 1]), u16(0x0002), u16(0), u16(3), u16(16), Buffer.from([1, 0, 0x80]), Buffer.alloc(16, 7)]);
    return Buffer.concat([u16(0x8000 | body.length), body]);
  }
  const hello = parseClientHello(data);
  const highest = Math.max(...config.versions);
  if (!hello) return alert(highest, 50);
  const version = Math.min(hello.version, highest);
  if (!config.versions.includes(version)) return alert(version, 70);
  const suite = config.suites.find((candidate) => hello.suites.includes(candidate));
  if (suite === undefined) return alert(version, 40);
  const extensions = config.secureRenegotiation && hello.renegotiationInfo ? Buffer.from([0xff, 0x01, 0, 1, 0]) : Buffer.alloc(0);
  const serverHello = Buffer.concat([u16(version), Buffer.alloc(32, 1), Buffer.from([0]), u16(suite), Buffer.from([0]), ...(extensions.length ? [u16(extensions.length), extensions] : [])]);
  const certificate = Buffer.concat([Buffer.from([0, 0, 0]), Buffer.from([0, 0, 0]), config.certificate]);
  certificate.writeUIntBE(config.certificate.length + 3, 0, 3);
  certificate.writeUIntBE(config.certificate.length, 3, 3);
  return record(22, version, Buffer.concat([handshake(2, serverHello), handshake(11, certificate), handshake(14, Buffer.alloc(0))]));
}

/** A scripted old server: answers one ClientHello per connection, then waits for the client to leave. */
export function startLegacyServer(address: string, config: LegacyConfig): Promise<TestServer> {
  return startRawServer(address, (socket) => {
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const complete = (received[0] ?? 0) & 0x80 ? received.length >= 2 : received.length >= 5 && received.length >= 5 + received.readUInt16BE(3);
      if (complete) socket.write(answer(config, received));
    });
  });
}

/**
 * The probe's steps, each a small function over a shared ProbeRun (target, limits and
 * the concurrency limiter): suite enumeration per version, ECDHE groups, DHE parameters,
 * client-initiated renegotiation and the certificate chain as sent.
 */
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { AttemptError, type AttemptLimits, type ProbeTarget } from './connection.js';
import { enumerateSuites, type Enumeration, type Picker } from './enumerate.js';
import { EC_GROUPS, FFDHE_CODES, TLS13_EC_GROUPS, ecGroupCode, ecGroupName, identifyDhGroup, primeBits } from './groups.js';
import { nodeHandshake, type NodeAttemptOptions, type NodeHandshake } from './handshake.js';
import { RAW_VERSIONS, buildClientHello, sendClientHello, type RawVersionName, type ServerFlight } from './raw-hello.js';
import { LEGACY_SUITES, TLS13_SUITES, isEcdhe, suiteByCode, suiteByName, type SuiteInfo } from './suites.js';

export interface ProbeRun {
  target: ProbeTarget;
  limits: AttemptLimits;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
}

/** The main handshake's cipher list: Node's defaults, plus what old servers need. */
export const BROAD_CIPHERS = `${tls.DEFAULT_CIPHERS}:@SECLEVEL=0`;
const ALL_OPENSSL_CIPHERS = `${TLS13_SUITES.map((suite) => suite.iana).join(':')}:ALL:COMPLEMENTOFALL:@SECLEVEL=0`;

export function raw(run: ProbeRun, hello: Buffer, until: 'hello' | 'flight'): Promise<ServerFlight> {
  return run.limit(() => sendClientHello(run.target, run.limits, hello, until));
}

export function node(run: ProbeRun, options: NodeAttemptOptions): Promise<NodeHandshake> {
  return run.limit(() => nodeHandshake(run.target, run.limits, options));
}

/** A handshake refusal ('closed') becomes null; real failures are rethrown. */
async function refusedAsNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AttemptError && error.kind === 'closed') return null;
    throw error;
  }
}

const HELLO_GROUPS = [...EC_GROUPS.map((group) => group.code), ...FFDHE_CODES];

export interface LegacyVersionResult {
  version: RawVersionName;
  enumeration: Enumeration;
  /** The first full flight the server sent at this version (certificates, renegotiation_info). */
  flight?: ServerFlight;
}

function legacyCandidates(version: RawVersionName): SuiteInfo[] {
  if (version === 'TLSv1.2') return [...LEGACY_SUITES];
  // SSLv3 hellos carry no extensions, so no elliptic curves either.
  return LEGACY_SUITES.filter((suite) => !suite.tls12Only && (version !== 'SSLv3' || !suite.kx.startsWith('ECDH')));
}

export async function probeLegacyVersion(run: ProbeRun, version: RawVersionName): Promise<LegacyVersionResult> {
  const code = RAW_VERSIONS[version];
  let flight: ServerFlight | undefined;
  const pick: Picker = async (offer) => {
    const hello = buildClientHello({ version: code, suites: offer.map((suite) => suite.code), serverName: run.target.host, groups: HELLO_GROUPS });
    const answer = await raw(run, hello, flight ? 'hello' : 'flight');
    if (!answer.hello || answer.hello.version !== code) return null;
    flight ??= answer;
    const suite = suiteByCode(answer.hello.suite);
    if (!suite) throw new AttemptError('protocol', `The server chose cipher suite 0x${answer.hello.suite.toString(16)}, which was not offered.`);
    return suite;
  };
  const enumeration = await enumerateSuites(legacyCandidates(version), pick);
  return flight ? { version, enumeration, flight } : { version, enumeration };
}

export async function probeTls13(run: ProbeRun): Promise<Enumeration> {
  const pick: Picker = async (offer) => {
    const handshake = await refusedAsNull(
      node(run, { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers: offer.map((suite) => suite.iana).join(':') }),
    );
    if (!handshake) return null;
    const suite = suiteByName(handshake.cipher.standardName);
    if (!suite) throw new AttemptError('protocol', `The server chose ${handshake.cipher.standardName}, which was not offered.`);
    return suite;
  };
  return enumerateSuites(TLS13_SUITES, pick);
}

/**
 * ECDHE groups for TLS 1.2 and lower: offer all curves, note the server's pick (from
 * ServerKeyExchange), remove it, repeat. In TLS 1.2 a client must also list the curve of an
 * ECDSA certificate for the server to use it, so once that curve is found it stays at the
 * end of the offer; when the server then still picks it, one more offer without it shows
 * whether the rest are reachable through RSA or anonymous suites.
 */
export async function probeLegacyGroups(run: ProbeRun, version: RawVersionName, ecdheSuites: SuiteInfo[], certificateCurve?: number): Promise<string[]> {
  const code = RAW_VERSIONS[version];
  const remaining = EC_GROUPS.map((group) => group.code);
  const found: number[] = [];
  const pickGroup = async (groups: number[]): Promise<number | undefined> => {
    const hello = buildClientHello({ version: code, suites: ecdheSuites.map((suite) => suite.code), serverName: run.target.host, groups });
    const answer = await raw(run, hello, 'flight');
    const suite = answer.hello?.version === code ? suiteByCode(answer.hello.suite) : undefined;
    if (!suite || !isEcdhe(suite)) return undefined;
    const group = answer.keyExchange?.group;
    if (group === undefined || !groups.includes(group)) throw new AttemptError('protocol', 'The server used an elliptic curve that was not offered.');
    return group;
  };
  while (remaining.length > 0) {
    const withCertificateCurve = certificateCurve !== undefined && found.includes(certificateCurve);
    let group = await pickGroup(withCertificateCurve ? [...remaining, certificateCurve] : remaining);
    if (withCertificateCurve && (group === undefined || !remaining.includes(group))) group = await pickGroup(remaining);
    if (group === undefined || !remaining.includes(group)) break;
    found.push(group);
    remaining.splice(remaining.indexOf(group), 1);
  }
  return found.map(ecGroupName);
}

/** The named curve of an ECDSA certificate, as a TLS group code. */
export function certificateCurve(der: Buffer | undefined): number | undefined {
  if (!der) return undefined;
  try {
    const curve = new X509Certificate(der).publicKey.asymmetricKeyDetails?.namedCurve;
    return curve ? ecGroupCode(curve) : undefined;
  } catch {
    return undefined;
  }
}

/** ECDHE groups for TLS 1.3, one per handshake. */
export async function probeTls13Groups(run: ProbeRun): Promise<string[]> {
  const ciphers = TLS13_SUITES.map((suite) => suite.iana).join(':');
  const results = await Promise.all(
    TLS13_EC_GROUPS.map(async (group) => {
      const handshake = await refusedAsNull(node(run, { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', ciphers, ecdhCurve: group }));
      return handshake?.ephemeral.name === group ? group : undefined;
    }),
  );
  return results.filter((group): group is string => group !== undefined);
}

/** The DHE group: offer only the DHE suites the server accepted and read ServerKeyExchange. */
export async function probeDhe(run: ProbeRun, version: RawVersionName, dheSuites: SuiteInfo[]): Promise<{ bits: number; group: string } | undefined> {
  const hello = buildClientHello({ version: RAW_VERSIONS[version], suites: dheSuites.map((suite) => suite.code), serverName: run.target.host, groups: HELLO_GROUPS });
  const answer = await raw(run, hello, 'flight');
  const prime = answer.keyExchange?.prime;
  if (!prime) return undefined;
  return { bits: primeBits(prime), group: identifyDhGroup(prime, answer.keyExchange?.generator ?? Buffer.alloc(0)) };
}

const NODE_VERSIONS: Partial<Record<RawVersionName, tls.SecureVersion>> = { TLSv1: 'TLSv1', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2' };

/** One client-initiated renegotiation on the highest version below TLS 1.3 (Node cannot do SSLv3). */
export async function probeClientRenegotiation(run: ProbeRun, version: RawVersionName): Promise<boolean> {
  const nodeVersion = NODE_VERSIONS[version];
  if (!nodeVersion) throw new AttemptError('protocol', `Node cannot renegotiate over ${version}.`);
  const handshake = await node(run, { minVersion: nodeVersion, maxVersion: nodeVersion, ciphers: ALL_OPENSSL_CIPHERS, renegotiate: true });
  return handshake.renegotiated === true;
}

/** The chain as sent, for servers without TLS 1.2 (where it is encrypted): Node's path with an empty trust store. */
export async function probeChain(run: ProbeRun, protocol: tls.SecureVersion): Promise<Buffer[]> {
  const handshake = await node(run, { minVersion: protocol, maxVersion: protocol, ciphers: ALL_OPENSSL_CIPHERS, peer: true });
  return handshake.path;
}

/**
 * probeTls: everything the TLS checks need about one host:port, as TlsEvidence.
 *
 * What goes through which engine, and why:
 * - SSLv2: a hand-built SSLv2 CLIENT-HELLO (OpenSSL 3 has no SSLv2 at all).
 * - SSLv3 to TLS 1.2: hand-built ClientHellos (raw-hello.ts). They can offer every suite,
 *   including RC4, 3DES, DES, EXPORT, IDEA and SEED that OpenSSL 3 cannot, and their
 *   ServerHello also answers secure renegotiation (renegotiation_info echoed).
 * - TLS 1.3 suites and groups, the main handshake (trust, hostname, OCSP) and
 *   client-initiated renegotiation: Node's TLS, which offers all TLS 1.3 suites.
 * Handshakes run at most 8 at a time, each with its own timeout, all under the abort signal.
 */
import type net from 'node:net';
import tls from 'node:tls';
import { TLS_VERSIONS, type CertInfo, type CipherSuiteSeen, type TlsEvidence, type TlsVersion } from '../../evidence/index.js';
import { certInfo } from './cert-info.js';
import { certDigests } from './cert-digests.js';
import { certificateFromFlight } from './raw-certificate.js';
import { chainUnknownCriticalExtensions, UNHANDLED_CRITICAL_EXTENSION } from './critical-extensions.js';
import { AttemptError, createLimiter } from './connection.js';
import type { Enumeration } from './enumerate.js';
import type { NodeHandshake } from './handshake.js';
import { EXT_RENEGOTIATION_INFO, sendSslv2Hello, type RawVersionName } from './raw-hello.js';
import {
  BROAD_CIPHERS,
  certificateCurve,
  node,
  probeChain,
  probeClientRenegotiation,
  probeDhe,
  probeLegacyGroups,
  probeLegacyVersion,
  probeTls13,
  probeTls13Groups,
  type LegacyVersionResult,
  type ProbeRun,
} from './steps.js';
import { isDhe, isEcdhe, suiteByName } from './suites.js';
import { trustingContext } from './trust-store.js';

export interface ProbeTlsOptions {
  /** SNI and the name to verify. */
  host: string;
  address: string;
  port: number;
  /** PEM roots: system + extra. */
  ca: string[];
  /** Per connection. */
  timeoutMs: number;
  signal: AbortSignal;
  /** For STARTTLS: returns a socket already past STARTTLS; when absent, plain TCP to address:port. */
  connect?: () => Promise<net.Socket>;
  /** Add CertInfo.dane (digests and DER for DANE matching) to every certificate. Off for the web scan. */
  certificateDigests?: boolean;
}

const CONCURRENCY = 8;
const MAX_TIMEOUTS = 3;
const LEGACY: readonly RawVersionName[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];

const STATIC_UNTESTED: TlsEvidence['untested'] = [
  { what: 'PSK, SRP, Kerberos and GOST cipher suites', why: 'They need pre-shared credentials or national crypto a web client never has.' },
  { what: 'Finite-field (ffdhe) and brainpool groups in TLS 1.3', why: 'Only elliptic-curve groups OpenSSL 3.0 can offer in TLS 1.3 are tested (internet.nl does the same).' },
];

/** One trust-store context per `ca` array (trust-store.ts): parsing a root store for every host would cost more than the probe. */
function mainContext(ca: string[]): tls.SecureContext {
  return trustingContext(ca, { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: BROAD_CIPHERS });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function settle<T>(work: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await work };
  } catch (error) {
    return { error };
  }
}

function tlsVersionOf(protocol: string): TlsVersion | undefined {
  return (TLS_VERSIONS as readonly string[]).includes(protocol) ? (protocol as TlsVersion) : undefined;
}

export async function probeTls(options: ProbeTlsOptions): Promise<TlsEvidence> {
  const started = performance.now();
  // Our own controller: a refused TCP connection stops every other attempt at once.
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort();
  if (options.signal.aborted) controller.abort();
  else options.signal.addEventListener('abort', forwardAbort, { once: true });
  const breaker = timeoutBreaker(createLimiter(CONCURRENCY));
  const run: ProbeRun = {
    target: { host: options.host, address: options.address, port: options.port, ...(options.connect ? { connect: options.connect } : {}) },
    limits: { timeoutMs: options.timeoutMs, signal: controller.signal },
    limit: breaker.limit,
  };
  const untested: TlsEvidence['untested'] = [...STATIC_UNTESTED];
  let connectFailure: string | undefined;
  try {
    /* Phase 1: main handshake, SSLv2, every version's suites. */
    const mainStarted = performance.now();
    let mainDuration = 0;
    const mainTask = settle(
      node(run, { minVersion: 'TLSv1', maxVersion: 'TLSv1.3', ciphers: BROAD_CIPHERS, secureContext: mainContext(options.ca), requestOCSP: true, peer: true }).finally(() => {
        mainDuration = Math.round(performance.now() - mainStarted);
      }),
    );
    void mainTask.then((outcome) => {
      if ('error' in outcome && outcome.error instanceof AttemptError && outcome.error.kind === 'connect') {
        connectFailure = outcome.error.message;
        controller.abort();
      }
    });
    const [main, sslv2, legacy, tls13] = await Promise.all([
      mainTask,
      settle(run.limit(() => sendSslv2Hello(run.target, run.limits))),
      Promise.all(LEGACY.map((version) => probeLegacyVersion(run, version))),
      probeTls13(run),
    ]);
    const handshake: NodeHandshake | undefined = 'value' in main ? main.value : undefined;

    const byVersion = new Map<TlsVersion, Enumeration>([...legacy.map((result) => [result.version, result.enumeration] as const), ['TLSv1.3', tls13]]);
    const versions = Object.fromEntries(
      TLS_VERSIONS.map((version) => {
        const accepted = byVersion.get(version)?.accepted;
        return [version, accepted === null || accepted === undefined ? null : accepted.length > 0];
      }),
    ) as Record<TlsVersion, boolean | null>;
    const ciphers: CipherSuiteSeen[] = [];
    const cipherOrder: TlsEvidence['cipherOrder'] = {};
    for (const version of TLS_VERSIONS) {
      const enumeration = byVersion.get(version);
      if (!enumeration) continue;
      if (enumeration.accepted === null) untested.push({ what: version, why: enumeration.error ?? 'No answer.' });
      else if (enumeration.error) untested.push({ what: `Cipher suites for ${version} (list may be incomplete)`, why: enumeration.error });
      for (const suite of enumeration.accepted ?? []) {
        ciphers.push({ code: suite.code, iana: suite.iana, ...(suite.openssl ? { openssl: suite.openssl } : {}), version });
      }
      if (enumeration.accepted && enumeration.accepted.length >= 2) {
        cipherOrder[version] = {
          serverEnforced: enumeration.serverEnforced,
          preferred: enumeration.serverEnforced ? enumeration.accepted.map((suite) => suite.iana) : [],
        };
      }
    }
    // Node's handshake succeeding where the raw hello saw nothing means our hello missed something: trust Node.
    const negotiated = handshake ? tlsVersionOf(handshake.protocol) : undefined;
    if (handshake && negotiated && versions[negotiated] !== true) {
      versions[negotiated] = true;
      const suite = suiteByName(handshake.cipher.standardName);
      if (suite) ciphers.push({ code: suite.code, iana: suite.iana, ...(suite.openssl ? { openssl: suite.openssl } : {}), version: negotiated });
      untested.push({ what: `Cipher suites for ${negotiated}`, why: 'The hand-built ClientHello was refused where Node negotiated; only the negotiated suite is listed.' });
    }

    const spokeTls = Object.values(versions).some((accepted) => accepted === true);
    if (!spokeTls) {
      const reason = 'error' in main ? message(main.error) : 'The server refused every TLS version and cipher suite offered.';
      // Per-version notes would only repeat the reason.
      return failedEvidence(options, started, reason, handshakeEvidence(main, mainDuration), versions, [...STATIC_UNTESTED]);
    }

    /* Phase 2: key exchange, renegotiation, the chain as sent. */
    const topLegacy = [...legacy].reverse().find((result) => result.enumeration.accepted?.length);
    const acceptedAt = (result: LegacyVersionResult | undefined): NonNullable<Enumeration['accepted']> => result?.enumeration.accepted ?? [];
    const ecdheSuites = acceptedAt(topLegacy).filter(isEcdhe);
    const dheVersion = [...legacy].reverse().find((result) => acceptedAt(result).some(isDhe));
    const reneg = topLegacy && topLegacy.version !== 'SSLv3' ? topLegacy.version : undefined;
    const rawLeaf = topLegacy?.flight?.certificates?.[0];
    const needChainProbe = handshake !== undefined && !(rawLeaf && handshake.path[0]?.equals(rawLeaf));
    const [legacyGroups, tls13Groups, dhe, clientReneg, chainProbe] = await Promise.all([
      settle(topLegacy && ecdheSuites.length ? probeLegacyGroups(run, topLegacy.version, ecdheSuites, certificateCurve(rawLeaf)) : Promise.resolve([])),
      settle(versions['TLSv1.3'] ? probeTls13Groups(run) : Promise.resolve([])),
      settle(dheVersion ? probeDhe(run, dheVersion.version, acceptedAt(dheVersion).filter(isDhe)) : Promise.resolve(undefined)),
      settle(reneg ? probeClientRenegotiation(run, reneg) : Promise.resolve(null)),
      settle(needChainProbe && handshake ? probeChain(run, handshake.protocol as tls.SecureVersion) : Promise.resolve(undefined)),
    ]);

    const keyExchange: TlsEvidence['keyExchange'] = {
      groups: [...new Set([...('value' in tls13Groups ? tls13Groups.value : []), ...('value' in legacyGroups ? legacyGroups.value : [])])],
    };
    const keyErrors = [legacyGroups, tls13Groups, dhe].filter((outcome) => 'error' in outcome).map((outcome) => message(outcome.error));
    if (keyErrors.length) keyExchange.error = keyErrors.join(' ');
    if ('value' in dhe && dhe.value) {
      keyExchange.dhBits = dhe.value.bits;
      keyExchange.dhGroup = dhe.value.group;
    }

    const renegotiation: TlsEvidence['renegotiation'] = {
      secure: topLegacy?.flight?.hello ? topLegacy.flight.hello.extensions.includes(EXT_RENEGOTIATION_INFO) : null,
      clientInitiated: 'value' in clientReneg ? clientReneg.value : null,
    };
    if ('error' in clientReneg) renegotiation.error = `Client-initiated renegotiation could not be tested: ${message(clientReneg.error)}`;
    if (!reneg) renegotiation.clientInitiated = null;

    let certificate: TlsEvidence['certificate'];
    if (handshake) {
      const chainDer = !needChainProbe && topLegacy?.flight?.certificates ? topLegacy.flight.certificates : 'value' in chainProbe && chainProbe.value ? chainProbe.value : handshake.path;
      const chain = chainInfo(chainDer, options.certificateDigests === true);
      if (chain.length < chainDer.length) untested.push({ what: 'Certificates in the chain', why: 'The server sent a certificate that could not be parsed.' });
      // OpenSSL's reason for an unknown critical extension reaches us as 'UNSPECIFIED': name it.
      const unknownCritical = handshake.authorized ? [] : chainUnknownCriticalExtensions(chainDer);
      const trustError = unknownCritical.length > 0 ? UNHANDLED_CRITICAL_EXTENSION : handshake.authorizationError;
      certificate = {
        chain,
        trusted: handshake.authorized,
        hostnameMatches: handshake.hostnameError === undefined,
        ocspStapled: handshake.ocspStapled,
        ...(trustError ? { trustError } : {}),
        ...(unknownCritical.length > 0 ? { unknownCriticalExtensions: unknownCritical } : {}),
        ...(handshake.hostnameError ? { hostnameError: handshake.hostnameError } : {}),
      };
    } else {
      // Node could not finish a handshake (e.g. only RC4/3DES offered), but the raw hello saw the chain.
      const rawChain = topLegacy?.flight?.certificates ?? [];
      const fromFlight = rawChain.length > 0 ? certificateFromFlight(rawChain, options.host, options.ca) : undefined;
      if (fromFlight) {
        const chain = chainInfo(rawChain, options.certificateDigests === true);
        certificate = { chain, ...fromFlight };
        untested.push({ what: 'OCSP stapling', why: 'No TLS handshake could be completed, so the certificate was read from the server\'s first message and verified by Weerbaar itself.' });
      } else {
        const reason = 'error' in main ? ` (${message(main.error).replace(/\.$/, '')})` : '';
        untested.push({ what: 'Certificate', why: `No complete TLS handshake succeeded with the settings a current browser uses${reason}.` });
      }
    }
    if (sslv2Failed(sslv2)) untested.push({ what: 'SSLv2', why: message(sslv2.error) });

    const evidence: TlsEvidence = {
      host: options.host,
      address: options.address,
      port: options.port,
      handshake: handshakeEvidence(main, mainDuration),
      versions,
      sslv2: 'value' in sslv2 ? sslv2.value : null,
      ciphers,
      cipherOrder,
      keyExchange,
      renegotiation,
      untested,
      durationMs: Math.round(performance.now() - started),
      ...(certificate ? { certificate } : {}),
    };
    if (breaker.tripped()) untested.push({ what: 'Some tests', why: 'The server stopped answering during the probe (rate limiting?); the results may be incomplete.' });
    if (options.signal.aborted) evidence.error = 'The scan was stopped before the TLS probe finished.';
    else if (connectFailure) evidence.error = connectFailure;
    return evidence;
  } catch (error) {
    // A bug or an unusable trust store must not take the scan down: report it as this host's error.
    const reason = `The TLS probe failed unexpectedly: ${message(error)}`;
    const versions = Object.fromEntries(TLS_VERSIONS.map((version) => [version, null])) as Record<TlsVersion, boolean | null>;
    return failedEvidence(options, started, reason, { ok: false, error: reason, durationMs: 0 }, versions, untested);
  } finally {
    options.signal.removeEventListener('abort', forwardAbort);
  }
}

/**
 * After three timeouts the server has stopped answering (down, or rate limiting us): new
 * attempts are skipped at once, so a tarpit costs a few timeouts, not one per test.
 */
function timeoutBreaker(limit: ProbeRun['limit']): { limit: ProbeRun['limit']; tripped: () => boolean } {
  let timeouts = 0;
  return {
    tripped: () => timeouts >= MAX_TIMEOUTS,
    limit: async <T>(task: () => Promise<T>): Promise<T> => {
      if (timeouts >= MAX_TIMEOUTS) throw new AttemptError('aborted', 'Skipped: the server stopped answering.');
      try {
        return await limit(task);
      } catch (error) {
        if (error instanceof AttemptError && error.kind === 'timeout') timeouts += 1;
        throw error;
      }
    },
  };
}

function safeCertInfo(der: Buffer): CertInfo | undefined {
  try {
    return certInfo(der);
  } catch {
    return undefined;
  }
}

/** CertInfo for each certificate that parses, with the DANE digests when asked for. */
function chainInfo(chainDer: readonly Buffer[], digests: boolean): CertInfo[] {
  const chain: CertInfo[] = [];
  chainDer.forEach((der, index) => {
    const info = safeCertInfo(der);
    if (!info) return;
    const dane = digests ? certDigests(der, chainDer[index + 1]) : undefined;
    chain.push(dane ? { ...info, dane } : info);
  });
  return chain;
}

function sslv2Failed(outcome: { value: boolean } | { error: unknown }): outcome is { error: unknown } {
  return 'error' in outcome;
}

function handshakeEvidence(main: { value: NodeHandshake } | { error: unknown }, durationMs: number): TlsEvidence['handshake'] {
  if ('error' in main) return { ok: false, error: message(main.error), durationMs };
  const protocol = tlsVersionOf(main.value.protocol);
  return { ok: true, ...(protocol ? { protocol } : {}), cipher: main.value.cipher.standardName, durationMs };
}

/** The host did not speak TLS (refused, silent, garbage, reset): what we know, and why it failed. */
function failedEvidence(
  options: ProbeTlsOptions,
  started: number,
  error: string,
  handshake: TlsEvidence['handshake'],
  versions: TlsEvidence['versions'],
  untested: TlsEvidence['untested'],
): TlsEvidence {
  return {
    host: options.host,
    address: options.address,
    port: options.port,
    handshake,
    versions,
    ciphers: [],
    cipherOrder: {},
    keyExchange: { groups: [] },
    renegotiation: { secure: null, clientInitiated: null },
    untested,
    error: options.signal.aborted ? 'The scan was stopped before the TLS probe finished.' : error,
    durationMs: Math.round(performance.now() - started),
  };
}

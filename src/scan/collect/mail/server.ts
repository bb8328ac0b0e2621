/**
 * One MX host: its addresses (private-address policy applied), the SMTP dialogue on port
 * 25 of the first usable address, the full TLS probe over STARTTLS when that works, and
 * the TLSA records at _25._tcp.<host> (looked up and validated in parallel).
 *
 * The TLS prober opens many short connections (one per handshake it tries; about 30 to
 * 60 for a typical server, at most 8 at a time). Each one goes banner → EHLO → STARTTLS
 * through the `connect` hook; the dialogue that produced the evidence hands its upgraded
 * socket to the probe's first connection, so it is not wasted.
 *
 * MX names that share an address are one server: it is probed once per scan (a hostile
 * zone could otherwise point ten MX names at someone else's server and make one scan open
 * hundreds of connections to it), and its certificate is judged for each name.
 */
import type net from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type { Answer } from 'dns-packet';
import type { DnssecValidator } from '../../dnssec/types.js';
import type { MailServerEvidence, MxRecord } from '../../evidence/mail.js';
import type { TlsaEvidence, TlsaRecord } from '../../evidence/smtp.js';
import type { TlsEvidence } from '../../evidence/index.js';
import type { CollectContext } from '../context.js';
import { openStarttlsSocket, smtpStarttls, type SmtpDialogueOptions } from '../smtp/dialogue.js';
import { probeTls } from '../tls/probe.js';

export const SMTP_PORT = 25;
const MAX_TLSA_RECORDS = 32;
const MAX_TLSA_HEX = 2048;

export interface MailServerOptions {
  /** Port 25 unless a test says otherwise. */
  port?: number;
  /** The EHLO name (default: see ../smtp/dialogue.ts). */
  ehloName?: string;
  /** TLS probes already started in this scan, by address:port (see the file comment). */
  sharedProbes?: Map<string, Promise<TlsEvidence>>;
}

export async function collectMailServer(
  mx: MxRecord,
  context: CollectContext,
  validator: DnssecValidator,
  options: MailServerOptions = {},
): Promise<MailServerEvidence> {
  const host = mx.exchange;
  const tlsaName = `_25._tcp.${host}`;
  const [resolved, tlsaAtHost] = await Promise.all([context.resolveHost(host), lookupTlsa(validator, tlsaName)]);
  const tlsa = await tlsaAfterAlias(host, resolved.evidence.cnames, tlsaAtHost, validator);
  const evidence: MailServerEvidence = { host, preference: mx.preference, dns: resolved.evidence, refused: resolved.refused, tlsa };
  const address = resolved.usable[0];
  if (address === undefined) return evidence;

  const dialogue: SmtpDialogueOptions = {
    address,
    port: options.port ?? SMTP_PORT,
    connectTimeoutMs: context.limits.connectTimeoutMs,
    replyTimeoutMs: context.limits.requestTimeoutMs,
    signal: context.signal,
    ...(options.ehloName ? { ehloName: options.ehloName } : {}),
  };
  const first = await smtpStarttls(dialogue);
  evidence.smtp = first.evidence;
  if (!first.socket) return evidence;

  const key = `${address}:${dialogue.port}`;
  const earlier = options.sharedProbes?.get(key);
  if (earlier) {
    first.socket.destroy();
    evidence.tls = judgedForName(structuredClone(await earlier), host);
  } else {
    const probe = probeOverStarttls(host, dialogue, first.socket, context);
    options.sharedProbes?.set(key, probe);
    // A copy: the shared result keeps every DER for the other names' TLSA records.
    evidence.tls = structuredClone(await probe);
  }
  keepOnlyNeededDer(evidence.tls, tlsa);
  return evidence;
}

/** Another MX name's probe of the same server, with the certificate's name checked for `host`. */
function judgedForName(tls: TlsEvidence, host: string): TlsEvidence {
  const probedAs = tls.host;
  tls.host = host;
  tls.untested.push({
    what: `A separate TLS probe for ${host}`,
    why: `${host} has the same address as ${probedAs}, so that server was probed once; its certificate is checked against each name.`,
  });
  const leaf = tls.certificate?.chain[0];
  if (tls.certificate && leaf) {
    const identity = {
      subject: leaf.commonName === undefined ? {} : { CN: leaf.commonName },
      subjectaltname: leaf.subjectAltNames.join(', '),
    } as unknown as PeerCertificate;
    const mismatch = checkServerIdentity(host, identity);
    tls.certificate.hostnameMatches = mismatch === undefined;
    if (mismatch) tls.certificate.hostnameError = mismatch.message;
    else delete tls.certificate.hostnameError;
  }
  return tls;
}

async function probeOverStarttls(host: string, dialogue: SmtpDialogueOptions, upgraded: net.Socket, context: CollectContext): Promise<TlsEvidence> {
  let spare: net.Socket | undefined = upgraded;
  // Until the probe takes it, a reset on the spare socket must not become an unhandled 'error'.
  const ignore = (): void => undefined;
  upgraded.on('error', ignore);
  const connect = async (): Promise<net.Socket> => {
    const socket = spare;
    spare = undefined;
    if (socket) {
      socket.off('error', ignore);
      if (!socket.destroyed && socket.readyState === 'open') return socket;
      socket.destroy();
    }
    return openStarttlsSocket(dialogue);
  };
  try {
    return await probeTls({
      host,
      address: dialogue.address,
      port: dialogue.port,
      ca: context.ca,
      // Each attempt now includes banner, EHLO and STARTTLS before the handshake.
      timeoutMs: context.limits.connectTimeoutMs + context.limits.requestTimeoutMs,
      signal: context.signal,
      connect,
      certificateDigests: true,
    });
  } finally {
    spare?.destroy();
  }
}

/**
 * RFC 7672 2.2.2 (RFC 7671 7): when the MX host is an alias whose expansion is DNSSEC-secure,
 * the TLSA records are looked up at the fully expanded name first, and at the MX name only
 * when the expanded name has none. Never throws.
 */
async function tlsaAfterAlias(host: string, cnames: string[], atHost: TlsaEvidence, validator: DnssecValidator): Promise<TlsaEvidence> {
  const expanded = cnames.at(-1);
  if (expanded === undefined || expanded === host) return atHost;
  try {
    const expansion = await validator.lookup(host, 'A');
    if (expansion.result.status !== 'secure') return atHost;
  } catch {
    return atHost;
  }
  const atTarget = await lookupTlsa(validator, `_25._tcp.${expanded}`);
  return atTarget.records.length > 0 || atTarget.dnssec === 'bogus' || atTarget.error !== undefined ? atTarget : atHost;
}

/** TLSA records and their DNSSEC status. Never throws. */
async function lookupTlsa(validator: DnssecValidator, name: string): Promise<TlsaEvidence> {
  try {
    const lookup = await validator.lookup(name, 'TLSA');
    const records: TlsaRecord[] = [];
    for (const answer of lookup.answers) {
      const record = tlsaRecord(answer);
      if (record && records.length < MAX_TLSA_RECORDS) records.push(record);
    }
    const evidence: TlsaEvidence = { name, dnssec: lookup.result.status, rcode: lookup.rcode, records };
    if (lookup.result.reason) evidence.reason = lookup.result.reason;
    if (!['NOERROR', 'NXDOMAIN'].includes(lookup.rcode)) evidence.error = `The TLSA lookup failed (${lookup.rcode}).`;
    return evidence;
  } catch (error) {
    return { name, dnssec: 'indeterminate', records: [], error: `The TLSA lookup failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function tlsaRecord(answer: Answer): TlsaRecord | undefined {
  if (answer.type !== 'TLSA') return undefined;
  const { usage, selector, matchingType, certificate } = answer.data;
  return { usage, selector, matchingType, data: Buffer.from(certificate).toString('hex').slice(0, MAX_TLSA_HEX) };
}

/** Exact-match (matching type 0) TLSA records need the DER; without them only the digests stay, to keep evidence small. */
function keepOnlyNeededDer(tls: TlsEvidence, tlsa: TlsaEvidence): void {
  const needCert = tlsa.records.some((record) => record.selector === 0 && record.matchingType === 0);
  const needSpki = tlsa.records.some((record) => record.selector === 1 && record.matchingType === 0);
  for (const cert of tls.certificate?.chain ?? []) {
    if (!cert.dane) continue;
    if (!needCert) delete cert.dane.certDer;
    if (!needSpki) delete cert.dane.spkiDer;
  }
}

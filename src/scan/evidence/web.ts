/** The website's evidence: per host its addresses, redirect chains, TLS, certificate, headers and paths. */
export interface WebEvidence {
  /** The target itself first (role 'apex'), then `www.<target>` (role 'www'). */
  hosts: WebHostEvidence[];
  /** CAA records that apply to the target (RFC 8659 tree climb), when looked up. */
  caa?: CaaEvidence;
}

export interface WebHostEvidence {
  host: string;
  role: 'apex' | 'www';
  dns: AddressEvidence;
  /** Addresses dropped because they are private/loopback/reserved and --allow-private was not given. */
  refused: RefusedAddress[];
  /** TLS probe of port 443 on the first usable address (IPv4 preferred). Absent when no address. */
  tls?: TlsEvidence;
  /** GET http://host/ following redirects. Absent when no address. */
  http?: FetchChain;
  /** GET https://host/ following redirects. Absent when no address. */
  https?: FetchChain;
  /** A GET https://host/ pinned to the first IPv6 address, when the host has one. */
  httpsIpv6?: { address: string; ok: boolean; status?: number; error?: string };
  /** Well-known paths: security.txt over HTTPS, and the sensitive-path probes (HTTPS, else HTTP). */
  paths?: PathEvidence;
}

export interface AddressEvidence {
  a: string[];
  aaaa: string[];
  /** CNAME chain followed to reach the addresses, if any. */
  cnames: string[];
  /** DNS response code or failure, e.g. 'NXDOMAIN', 'SERVFAIL', 'timeout'. Absent on success. */
  error?: string;
}

export interface RefusedAddress {
  address: string;
  /** ipaddr.js range name, e.g. 'loopback', 'private', 'linkLocal', 'carrierGradeNat'. */
  range: string;
}

export interface CaaEvidence {
  /** The name whose CAA records apply (the target or a parent). */
  foundAt?: string;
  records: { flags: number; tag: string; value: string }[];
  error?: string;
}

/* ---------------------------------------------------------------- HTTP */

export interface FetchHop {
  url: string;
  /** The IP address the connection went to. */
  address?: string;
  status?: number;
  /** Response headers in order received; names lower-cased; repeated headers repeat. */
  headers: [string, string][];
  /** Negotiated TLS for https hops. */
  tls?: { protocol: string; cipher: string };
  durationMs: number;
  error?: FetchError;
}

export interface FetchError {
  kind:
    | 'dns'
    | 'refused-private'
    | 'connect'
    | 'tls'
    | 'timeout'
    | 'too-many-redirects'
    | 'redirect-loop'
    | 'headers-too-large'
    | 'protocol'
    | 'invalid-redirect';
  message: string;
}

export interface FetchChain {
  /** Every request made, in order; the last one is where the chain ended. */
  hops: FetchHop[];
  /** Body of the last hop, decoded as UTF-8, at most the collector's byte cap. */
  body?: string;
  bodyBytes: number;
  /** The body is not the whole answer (see `bodyIncomplete` for why). */
  bodyTruncated: boolean;
  /** Why the body is not the whole answer; set whenever `bodyTruncated` is (absent in scans stored before issue 14). */
  bodyIncomplete?: BodyIncomplete;
  /** Set when the chain did not end in a response (the last hop's error, or a redirect limit). */
  error?: FetchError;
}

/**
 * 'cap': the body is larger than the byte cap (the rest was never read); 'broken': it stopped
 * arriving (a timeout, a connection closed before the announced length, a broken chunked
 * encoding). Either way a check that reads the body did not see the whole page.
 */
export interface BodyIncomplete {
  kind: 'cap' | 'broken';
  message: string;
}

export interface PathEvidence {
  /** GET https://host/.well-known/security.txt (redirects followed). */
  securityTxt: FetchChain;
  /** GET https://host/security.txt, the legacy location (RFC 9116 section 3), when /.well-known/ had no plain-text file. */
  securityTxtLegacy?: FetchChain;
  /** Safe GETs of well-known sensitive paths; no redirects followed. */
  exposure: ExposedPathProbe[];
  /** Where the sensitive paths were probed: https://host, or http://host when HTTPS did not answer. */
  exposureOrigin?: string;
}

/** Which kind of sensitive file an answer's content matched (src/scan/collect/http/exposure-signatures.ts). */
export type ExposureKind = 'git' | 'env' | 'svn' | 'dsStore' | 'htpasswd' | 'sqlDump' | 'wpConfig' | 'phpinfo' | 'serverStatus';

/**
 * One sensitive-path probe. It never holds the content: an exposed file may be full of
 * someone else's passwords, and evidence is shown to every member of an organisation. The
 * collector judges the content while it has it and keeps only the signature that matched.
 */
export interface ExposedPathProbe {
  path: string;
  status?: number;
  contentType?: string;
  /** Bytes received, at most the collector's cap (16 KB). */
  bodyBytes: number;
  /** The signature the body matched (whatever the status; the check judges the status). */
  signature?: ExposureKind;
  /** The body stopped arriving before the cap (not the cap itself, which is by design): it was not fully judged. */
  incomplete?: string;
  error?: string;
}

/* ---------------------------------------------------------------- TLS */

export type TlsVersion = 'SSLv3' | 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
export const TLS_VERSIONS: readonly TlsVersion[] = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

export interface CipherSuiteSeen {
  /** IANA code point, e.g. 0xc02f. */
  code: number;
  /** IANA name, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256. */
  iana: string;
  /** OpenSSL name where one exists, e.g. ECDHE-RSA-AES128-GCM-SHA256. */
  openssl?: string;
  version: TlsVersion;
}

export interface CertInfo {
  subject: string;
  issuer: string;
  commonName?: string;
  /** DNS names and IP addresses from subjectAltName, e.g. ['DNS:shop.example', 'IP Address:192.0.2.1']. */
  subjectAltNames: string[];
  notBefore: string;
  notAfter: string;
  /** 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'dsa' | other Node key type. */
  keyType: string;
  keyBits?: number;
  /** Named curve for EC keys, e.g. 'prime256v1'. */
  curve?: string;
  /** Signature algorithm name, e.g. 'sha256WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA256'. */
  signatureAlgorithm: string;
  selfSigned: boolean;
  isCA: boolean;
  fingerprintSha256: string;
  /** What DANE matching needs (RFC 6698). Only in the mail scan's TLS evidence; web evidence never has it. */
  dane?: CertDigests;
}

/** Digests of a certificate and of its SubjectPublicKeyInfo, lower-case hex, for TLSA matching types 1 and 2. */
export interface CertDigests {
  certSha256: string;
  certSha512: string;
  spkiSha256: string;
  spkiSha512: string;
  /** The DER itself (base64), kept only when a TLSA record asks for an exact match (matching type 0, selector 0). */
  certDer?: string;
  /** The SubjectPublicKeyInfo DER (base64), kept only for a TLSA record with selector 1 and matching type 0. */
  spkiDer?: string;
  /** This certificate's signature verifies with the next certificate's key in the chain as sent (DANE-TA paths). */
  signedByNext?: boolean;
}

export interface TlsEvidence {
  host: string;
  address: string;
  port: number;
  /** A normal handshake with the best settings Node offers. */
  handshake: { ok: boolean; protocol?: TlsVersion; cipher?: string; error?: string; durationMs: number };
  /** Per protocol version: true = accepted, false = refused, null = could not be tested (see `untested`). */
  versions: Record<TlsVersion, boolean | null>;
  /** SSLv2 (its own hello format, so not in `versions`): true = accepted, false = refused, null = not tested. */
  sslv2?: boolean | null;
  /** Every suite the server accepted, per version. */
  ciphers: CipherSuiteSeen[];
  /**
   * Server cipher preference: for each version with 2+ suites, whether the server
   * chose by its own order (true), by the client's (false), or unknown (null);
   * `preferred` is the server's choice order when it enforces one.
   */
  cipherOrder: Partial<Record<TlsVersion, { serverEnforced: boolean | null; preferred: string[] }>>;
  /** ECDHE groups the server accepted (OpenSSL names, e.g. 'X25519', 'prime256v1'), and the DHE size if DHE is used. */
  keyExchange: {
    groups: string[];
    dhBits?: number;
    /** The DHE group: an RFC 7919 name ('ffdhe2048' ... 'ffdhe8192') or 'custom' (a home-made prime). */
    dhGroup?: string;
    error?: string;
  };
  certificate?: {
    /** Leaf first, as the server sent it. */
    chain: CertInfo[];
    /** Chain verified against system roots plus --ca-file. */
    trusted: boolean;
    trustError?: string;
    /** OIDs of critical extensions no verifier knows (then trustError is UNHANDLED_CRITICAL_EXTENSION). */
    unknownCriticalExtensions?: string[];
    /** Hostname verification result against `host`. */
    hostnameMatches: boolean;
    hostnameError?: string;
    ocspStapled: boolean;
  };
  renegotiation: {
    /** Server echoed renegotiation_info (RFC 5746). null = not determined. */
    secure: boolean | null;
    /** Server accepted a client-initiated renegotiation on TLS <= 1.2. null = not determined. */
    clientInitiated: boolean | null;
    error?: string;
  };
  /** Things this prober could not test, with the reason (e.g. SSLv3 or RC4 with OpenSSL 3). */
  untested: { what: string; why: string }[];
  /** Set when the host did not speak TLS at all (refused, timeout, garbage). */
  error?: string;
  durationMs: number;
}

/**
 * Settings of `weerbaar serve` and `weerbaar worker`, from flags and environment
 * variables (a flag wins over its variable). Every bad value is a UsageError that names
 * the flag or variable, so the CLI exits 2 before opening anything.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { UsageError, errorMessage } from '../core/errors.js';
import { parseFlags, parseResolver, readPemFile } from '../core/args.js';
import { readTrustAnchors } from '../scan/dnssec/trust-anchor.js';
import { DEFAULT_MAX_ATTEMPTS } from '../jobs/execute-scan.js';
import type { SmtpConfig } from '../mail/mailer.js';
import { DEFAULT_SCAN_TIMEOUT_MS, type ScanOptions } from '../scan/engine.js';
import { DEFAULT_APP_CONFIG, type AppConfig } from '../web/deps.js';
import { validateAnswers, type StatementAnswers } from '../privacy-statement/generator/index.js';
import { DEFAULT_PORT, nonEmpty, parseBaseUrl, parseDatabaseLocation } from './locations.js';

export { DEFAULT_PORT } from './locations.js';

/** What both the server and a worker need: the database, the scan settings, the job settings. */
export interface CommonSettings {
  dataDir: string;
  /** postgres://... or undefined for SQLite in dataDir. */
  databaseUrl: string | undefined;
  scan: ScanOptions;
  jobs: JobSettings;
  /** Scans run at a time by this process (0: this server only enqueues). */
  workers: number;
  /** How long a shutdown waits for running requests and scans before handing scans back. */
  shutdownGraceMs: number;
  logLevel: string;
}

export interface JobSettings {
  maxAttempts: number;
  /** pg-boss: an active job older than this is retried (its worker is taken to be dead). */
  expireInSeconds: number;
  /** pg-boss: how often expired jobs are looked for. */
  maintenanceIntervalSeconds: number;
  pollingIntervalSeconds: number;
  retryDelaySeconds: number;
}

export interface ServeSettings extends CommonSettings {
  port: number;
  host: string;
  /** WEERBAAR_SECRET (64 hex) or undefined for the key file in dataDir. */
  secret: string | undefined;
  smtp: SmtpConfig | undefined;
  app: AppConfig;
}

export const DEFAULT_HOST = 'localhost';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = NodeJS.ProcessEnv;


function integer(label: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${label}: '${raw}' must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function seconds(label: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${label}: '${raw}' must be a number of seconds from ${min} to ${max}`);
  }
  return value;
}

function flag(label: string, raw: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(value)) return false;
  throw new UsageError(`${label}: '${raw}' must be 1 or 0 (true or false)`);
}

/** Fastify's trustProxy: true/false, or addresses and CIDR ranges of the proxies to trust. */
export function parseTrustProxy(raw: string | undefined): boolean | string {
  const value = nonEmpty(raw);
  if (value === undefined) return false;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes'].includes(lower)) return true;
  if (['0', 'false', 'no'].includes(lower)) return false;
  const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
  for (const part of parts) {
    const ok = part.includes('/') ? ipaddr.isValidCIDR(part) : isIP(part) !== 0;
    if (!ok) throw new UsageError(`WEERBAAR_TRUST_PROXY: '${part}' is not an IP address or CIDR range (or use true / false)`);
  }
  return parts.join(',');
}

function parseScanSettings(env: Env): ScanOptions {
  const scan: ScanOptions = { timeoutMs: DEFAULT_SCAN_TIMEOUT_MS, allowPrivate: false };
  const resolver = nonEmpty(env.WEERBAAR_SCAN_RESOLVER);
  if (resolver !== undefined) scan.resolver = parseResolver(resolver, 'WEERBAAR_SCAN_RESOLVER');
  const caFile = nonEmpty(env.WEERBAAR_SCAN_CA_FILE);
  if (caFile !== undefined) scan.extraCa = [readPemFile('WEERBAAR_SCAN_CA_FILE', caFile)];
  const trustAnchor = nonEmpty(env.WEERBAAR_SCAN_TRUST_ANCHOR);
  if (trustAnchor !== undefined) scan.trustAnchors = readTrustAnchors(trustAnchor, 'WEERBAAR_SCAN_TRUST_ANCHOR');
  if (env.WEERBAAR_SCAN_ALLOW_PRIVATE !== undefined) scan.allowPrivate = flag('WEERBAAR_SCAN_ALLOW_PRIVATE', env.WEERBAAR_SCAN_ALLOW_PRIVATE);
  const timeout = nonEmpty(env.WEERBAAR_SCAN_TIMEOUT);
  if (timeout !== undefined) scan.timeoutMs = Math.round(seconds('WEERBAAR_SCAN_TIMEOUT', timeout, 1, 3600) * 1000);
  return scan;
}

function parseJobSettings(env: Env, scanTimeoutMs: number): JobSettings {
  const read = (name: string, min: number, max: number, fallback: number): number => {
    const raw = nonEmpty(env[name]);
    return raw === undefined ? fallback : seconds(name, raw, min, max);
  };
  const attempts = nonEmpty(env.WEERBAAR_SCAN_ATTEMPTS);
  return {
    maxAttempts: attempts === undefined ? DEFAULT_MAX_ATTEMPTS : integer('WEERBAAR_SCAN_ATTEMPTS', attempts, 1, 20),
    // Longer than any scan may take, or pg-boss would retry scans that are still running.
    expireInSeconds: Math.round(read('WEERBAAR_JOB_EXPIRE_SECONDS', 1, 86_399, Math.ceil(scanTimeoutMs / 1000) + 60)),
    maintenanceIntervalSeconds: Math.round(read('WEERBAAR_JOB_MAINTENANCE_SECONDS', 1, 3600, 30)),
    pollingIntervalSeconds: read('WEERBAAR_JOB_POLL_SECONDS', 0.5, 600, 2),
    retryDelaySeconds: Math.round(read('WEERBAAR_JOB_RETRY_DELAY_SECONDS', 0, 3600, 5)),
  };
}

function parseCommon(
  values: { data?: string | undefined; workers?: string | undefined },
  env: Env,
  defaultWorkers: number,
): CommonSettings {
  const { dataDir, databaseUrl } = parseDatabaseLocation(values, env);
  const scan = parseScanSettings(env);
  const workersRaw = values.workers ?? nonEmpty(env.WEERBAAR_WORKERS);
  const workersLabel = values.workers !== undefined ? '--workers' : 'WEERBAAR_WORKERS';
  const workers = workersRaw === undefined ? defaultWorkers : integer(workersLabel, workersRaw, 0, 64);
  const grace = nonEmpty(env.WEERBAAR_SHUTDOWN_GRACE);
  const logLevel = nonEmpty(env.WEERBAAR_LOG_LEVEL) ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`WEERBAAR_LOG_LEVEL: '${logLevel}' is not one of ${LOG_LEVELS.join(', ')}`);
  return {
    dataDir,
    databaseUrl,
    scan,
    jobs: parseJobSettings(env, scan.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS),
    workers,
    shutdownGraceMs: Math.round((grace === undefined ? 8 : seconds('WEERBAAR_SHUTDOWN_GRACE', grace, 0, 3600)) * 1000),
    logLevel,
  };
}

function parseSmtp(env: Env): SmtpConfig | undefined {
  const url = nonEmpty(env.SMTP_URL);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('SMTP_URL: not a URL (smtp://user:password@relay.example:587 or smtps://...)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new UsageError(`SMTP_URL: must start with smtp:// or smtps:// (got '${parsed.protocol}')`);
  const from = nonEmpty(env.MAIL_FROM);
  if (from === undefined) throw new UsageError('MAIL_FROM: set the sender address when SMTP_URL is set, e.g. MAIL_FROM="Weerbaar <weerbaar@example.org>"');
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(/<([^>]*)>\s*$/.exec(from)?.[1] ?? from)) throw new UsageError(`MAIL_FROM: '${from}' is not an e-mail address`);
  const caFile = nonEmpty(env.SMTP_CA_FILE);
  return { url, from, ...(caFile !== undefined ? { ca: readPemFile('SMTP_CA_FILE', caFile) } : {}) };
}

/** The operator's privacy-statement answers file, checked at start so a bad file stops the server with its fields named. */
function parsePrivacyAnswers(path: string | undefined): StatementAnswers | undefined {
  if (path === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError(`WEERBAAR_PRIVACY_ANSWERS: cannot read '${path}' as JSON: ${errorMessage(error)}`);
  }
  const result = validateAnswers(parsed);
  if (!result.ok) {
    throw new UsageError(`WEERBAAR_PRIVACY_ANSWERS: '${path}' has wrong answers: ${result.errors.slice(0, 5).map((problem) => `${problem.field} ${problem.message}`).join('; ')} (check it with \`weerbaar privacy-statement --answers ${path}\`)`);
  }
  return result.answers;
}

export function parseServeArgs(argv: string[], env: Env): ServeSettings {
  const { values } = parseFlags({
    args: argv,
    strict: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, workers: { type: 'string' } },
  });
  const common = parseCommon(values, env, 2);
  if (common.workers === 0 && common.databaseUrl === undefined) {
    throw new UsageError(`${values.workers !== undefined ? '--workers' : 'WEERBAAR_WORKERS'}: 0 needs DATABASE_URL=postgres://... and \`weerbaar worker\` processes; on SQLite the server runs scans itself`);
  }
  const portRaw = values.port ?? nonEmpty(env.PORT);
  const port = portRaw === undefined ? DEFAULT_PORT : integer(values.port !== undefined ? '--port' : 'PORT', portRaw, 0, 65535);
  const host = values.host ?? nonEmpty(env.WEERBAAR_HOST) ?? DEFAULT_HOST;
  const hostLabel = values.host !== undefined ? '--host' : 'WEERBAAR_HOST';
  if (host.trim() === '' || /[\s/]/.test(host) || (host.includes(':') && isIP(host) !== 6)) {
    throw new UsageError(`${hostLabel}: '${host}' is not an address to listen on (e.g. localhost, 127.0.0.1, 0.0.0.0 or ::)`);
  }
  const secret = nonEmpty(env.WEERBAAR_SECRET);
  if (secret !== undefined && !/^[0-9a-fA-F]{64}$/.test(secret)) {
    throw new UsageError('WEERBAAR_SECRET: must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`');
  }
  const signup = (nonEmpty(env.WEERBAAR_SIGNUP) ?? 'open').toLowerCase();
  if (signup !== 'open' && signup !== 'closed') throw new UsageError(`WEERBAAR_SIGNUP: '${env.WEERBAAR_SIGNUP ?? ''}' must be open or closed`);
  return {
    ...common,
    port,
    host,
    secret,
    smtp: parseSmtp(env),
    app: {
      ...DEFAULT_APP_CONFIG,
      baseUrl: parseBaseUrl(env.WEERBAAR_BASE_URL, port === 0 ? DEFAULT_PORT : port),
      trustProxy: parseTrustProxy(env.WEERBAAR_TRUST_PROXY),
      signupOpen: signup === 'open',
      logLevel: common.logLevel,
      privacyStatement: parsePrivacyAnswers(nonEmpty(env.WEERBAAR_PRIVACY_ANSWERS)),
    },
  };
}

export function parseWorkerArgs(argv: string[], env: Env): CommonSettings & { databaseUrl: string } {
  const { values } = parseFlags({ args: argv, strict: true, options: { workers: { type: 'string' } } });
  const common = parseCommon(values, env, 2);
  if (common.databaseUrl === undefined) {
    throw new UsageError('workers need DATABASE_URL=postgres://...; on SQLite the server runs scans itself');
  }
  if (common.workers === 0) throw new UsageError(`${values.workers !== undefined ? '--workers' : 'WEERBAAR_WORKERS'}: a worker runs at least 1 scan at a time`);
  return { ...common, databaseUrl: common.databaseUrl };
}

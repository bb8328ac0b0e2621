/**
 * Parses `weerbaar scan` arguments per the scan contract. Every mistake is a
 * UsageError naming the flag, so the CLI can exit 2 with a precise message.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, errorMessage } from '../core/errors.js';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { parseTrustAnchors, type TrustAnchor } from '../scan/dnssec/trust-anchor.js';
import { DEFAULT_SCAN_TIMEOUT_MS, type ScanArea, type ScanOptions } from '../scan/engine.js';
import { parseSelectorList } from '../scan/mail-policy/selectors.js';

export interface ScanCommand {
  domain: string;
  json: boolean;
  lang: Lang;
  explainScore: boolean;
  options: ScanOptions;
}

const AREAS: readonly ScanArea[] = ['web', 'mail', 'privacy'];

/** `IP`, `IP:PORT`, `[IPv6]:PORT` or a bare IPv6 address. */
export function parseResolver(value: string, label = '--resolver'): { address: string; port: number } {
  let address = value;
  let port = 53;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) {
    address = bracketed[1] ?? '';
    if (bracketed[2] !== undefined) port = Number(bracketed[2]);
  } else if (isIP(value) !== 6 && value.includes(':')) {
    const cut = value.lastIndexOf(':');
    address = value.slice(0, cut);
    port = Number(value.slice(cut + 1));
  }
  if (isIP(address) === 0) throw new UsageError(`${label}: '${value}' is not an IP address (use IP, IP:PORT or [IPv6]:PORT)`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${label}: port in '${value}' must be 1 to 65535`);
  return { address, port };
}

export function langFromEnvironment(env: NodeJS.ProcessEnv): Lang {
  const raw = (env.WEERBAAR_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '').slice(0, 2).toLowerCase();
  return isLang(raw) ? raw : 'en';
}

export function readPemFile(flag: string, path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read '${path}': ${errorMessage(error)}`);
  }
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw new UsageError(`${flag}: '${path}' holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)`);
  }
  // Node's TLS silently ignores a broken root; a typo must not turn into 'untrusted' verdicts.
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw new UsageError(`${flag}: certificate ${index + 1} in '${path}' cannot be read: ${errorMessage(error)}`);
    }
  });
  return blocks.join('\n');
}

/** DS or DNSKEY records in zone-file syntax; a file that is unreadable or has no usable anchor is a usage error. */
export function readTrustAnchors(path: string, label = '--trust-anchor'): TrustAnchor[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${label}: cannot read '${path}': ${errorMessage(error)}`);
  }
  try {
    return parseTrustAnchors(text);
  } catch (error) {
    throw new UsageError(`${label}: '${path}': ${errorMessage(error)}`);
  }
}

/** --dkim-selector may repeat and may hold several selectors separated by commas. */
export function parseDkimSelectors(values: string[]): string[] {
  const parsed = parseSelectorList(values.join(','));
  if (!parsed.ok) throw new UsageError(`--dkim-selector: ${parsed.reason}`);
  return parsed.selectors;
}

/** node:util parseArgs, with its errors turned into UsageErrors (exit code 2). */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(errorMessage(error).replace(/\. To specify a positional argument.*$/s, '').replace(/ \(ERR_PARSE_ARGS_\w+\)$/, ''));
  }
}

export function parseScanArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ScanCommand {
  const { values, positionals } = parseFlags({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        only: { type: 'string' },
        resolver: { type: 'string' },
        'ca-file': { type: 'string' },
        'trust-anchor': { type: 'string' },
        'dkim-selector': { type: 'string', multiple: true },
        'max-pages': { type: 'string' },
        'allow-private': { type: 'boolean', default: false },
        timeout: { type: 'string' },
        'explain-score': { type: 'boolean', default: false },
      },
  });
  if (positionals.length === 0) throw new UsageError('scan: give the domain to scan, e.g. weerbaar scan shop.example');
  if (positionals.length > 1) throw new UsageError(`scan: one domain at a time (got ${positionals.join(', ')})`);

  const lang = values.lang ?? langFromEnvironment(env);
  if (!isLang(lang)) throw new UsageError(`--lang: '${lang}' is not one of ${LANGS.join(', ')}`);

  const options: ScanOptions = { allowPrivate: values['allow-private'] };
  if (values.only !== undefined) {
    if (!(AREAS as readonly string[]).includes(values.only)) {
      throw new UsageError(`--only: '${values.only}' is not one of ${AREAS.join(', ')}`);
    }
    options.only = values.only as ScanArea;
  }
  if (values.resolver !== undefined) options.resolver = parseResolver(values.resolver);
  if (values['ca-file'] !== undefined) options.extraCa = [readPemFile('--ca-file', values['ca-file'])];
  if (values['trust-anchor'] !== undefined) options.trustAnchors = readTrustAnchors(values['trust-anchor']);
  if (values['dkim-selector'] !== undefined) options.dkimSelectors = parseDkimSelectors(values['dkim-selector']);
  if (values['max-pages'] !== undefined) {
    const pages = Number(values['max-pages']);
    if (!Number.isInteger(pages) || pages < 1 || pages > 500) throw new UsageError(`--max-pages: '${values['max-pages']}' must be a whole number from 1 to 500`);
    options.maxPages = pages;
  }
  options.timeoutMs = DEFAULT_SCAN_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
      throw new UsageError(`--timeout: '${values.timeout}' must be a number of seconds between 0 and 3600`);
    }
    options.timeoutMs = Math.round(seconds * 1000);
  }
  return { domain: positionals[0] ?? '', json: values.json, lang, explainScore: values['explain-score'], options };
}

/**
 * Command-line plumbing shared by every command (`weerbaar scan`, `serve`, `worker`,
 * `admin`, ...): flag parsing whose mistakes become UsageErrors (exit code 2), the
 * language from the environment, and the value formats several commands accept.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, errorMessage } from './errors.js';
import { isLang, type Lang } from './lang.js';

/** node:util parseArgs, with its errors turned into UsageErrors (exit code 2). */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(errorMessage(error).replace(/\. To specify a positional argument.*$/s, '').replace(/ \(ERR_PARSE_ARGS_\w+\)$/, ''));
  }
}

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

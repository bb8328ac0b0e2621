/**
 * Parses `weerbaar scan` arguments per the scan contract. Every mistake is a
 * UsageError naming the flag, so the CLI can exit 2 with a precise message.
 */
import { langFromEnvironment, parseFlags, parseResolver, readPemFile } from '../core/args.js';
import { UsageError } from '../core/errors.js';
import { isLang, LANGS, type Lang } from '../core/lang.js';
import { readTrustAnchors } from '../scan/dnssec/trust-anchor.js';
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





/** --dkim-selector may repeat and may hold several selectors separated by commas. */
export function parseDkimSelectors(values: string[]): string[] {
  const parsed = parseSelectorList(values.join(','));
  if (!parsed.ok) throw new UsageError(`--dkim-selector: ${parsed.reason}`);
  return parsed.selectors;
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

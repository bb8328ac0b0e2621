/**
 * Content-Security-Policy parsing (CSP Level 3, section 2.2) and the rules the
 * web.headers.csp check applies. The rules follow two references:
 *
 * - Mozilla/MDN HTTP Observatory, src/analyzer/tests/csp.js: script-src falls back to
 *   default-src; 'unsafe-inline' or data: for scripts fails unless a nonce or hash
 *   neutralises it; with 'strict-dynamic' plus a nonce/hash, host and scheme sources
 *   are ignored; *, http:, https:, ftp: (and their wildcards) are "dangerously broad"
 *   for script-src and object-src; 'unsafe-eval' fails; http:/ftp: sources for active
 *   content on an HTTPS site fail; frame-ancestors, base-uri, form-action and
 *   object-src are reported separately.
 * - internet.nl, checks/tasks/http_headers.py (HeaderCheckerContentSecurityPolicy):
 *   default-src must exist and be restrictive ('self', 'none' or the site's own hosts);
 *   base-uri, form-action and frame-ancestors must be set and restrictive; no
 *   'unsafe-inline', 'unsafe-eval', http: or bare https: sources, no data: for scripts
 *   and objects.
 *
 * Several policies (several headers, or comma-joined ones) are all enforced: a resource
 * must pass every one of them. So a rule counts as met when ANY policy meets it.
 */
import { sharedHtml } from '../../../html.js';

export interface CspPolicy {
  /** Directive name (lower-case) to its source list; the first occurrence wins (CSP3). */
  directives: Map<string, string[]>;
  /** Directives repeated within the policy; browsers ignore the repeats. */
  duplicates: string[];
}

/** Parse header values into policies: each value may hold several, separated by commas. */
export function parseCspHeaders(values: string[]): CspPolicy[] {
  const policies: CspPolicy[] = [];
  for (const serialized of values.flatMap((value) => value.split(','))) {
    const policy: CspPolicy = { directives: new Map(), duplicates: [] };
    for (const token of serialized.split(';')) {
      const [rawName, ...sources] = token.trim().split(/[\t\n\f\r ]+/);
      if (!rawName) continue;
      const name = rawName.toLowerCase();
      if (!/^[a-z0-9-]+$/.test(name)) continue;
      if (policy.directives.has(name)) {
        policy.duplicates.push(name);
        continue;
      }
      policy.directives.set(name, sources);
    }
    if (policy.directives.size > 0) policies.push(policy);
  }
  return policies;
}

export type CspRule =
  | 'script-src-missing'
  | 'script-unsafe-inline'
  | 'script-unsafe-eval'
  | 'script-broad'
  | 'unsafe-elsewhere'
  | 'insecure-scheme'
  | 'default-src'
  | 'object-src'
  | 'base-uri'
  | 'frame-ancestors'
  | 'form-action';

/** Order of advice, most important first. */
export const CSP_RULES: readonly CspRule[] = [
  'script-src-missing',
  'script-unsafe-inline',
  'script-unsafe-eval',
  'script-broad',
  'unsafe-elsewhere',
  'insecure-scheme',
  'object-src',
  'default-src',
  'base-uri',
  'frame-ancestors',
  'form-action',
];

export interface RuleFailure {
  rule: CspRule;
  severity: 'fail' | 'warn';
  /** The offending sources, where there are any. */
  sources: string[];
}

// Observatory's DANGEROUSLY_BROAD list.
const BROAD = new Set(['*', 'http:', 'https:', 'ftp:', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const PASSIVE = new Set(['img-src', 'media-src']);
const UNSAFE_KEYWORDS = new Set(["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"]);
const NONCE_OR_HASH = /^'(nonce-|sha256-|sha384-|sha512-)/;

const lower = (sources: string[]): string[] => sources.map((source) => source.toLowerCase());
/** A source list with no sources means 'none' (CSP3: an empty list matches nothing). */
const list = (policy: CspPolicy, ...names: string[]): string[] | undefined => {
  for (const name of names) {
    const sources = policy.directives.get(name);
    if (sources) return sources.length === 0 ? ["'none'"] : lower(sources);
  }
  return undefined;
};

/** Script sources after the neutralisation browsers apply (nonce/hash, strict-dynamic). */
function effectiveScriptSources(sources: string[]): string[] {
  const hasNonceOrHash = sources.some((source) => NONCE_OR_HASH.test(source));
  if (!hasNonceOrHash) return sources;
  if (sources.includes("'strict-dynamic'")) {
    // Browsers then ignore host and scheme sources, 'self' and 'unsafe-inline'.
    return sources.filter((s) => s.startsWith("'") && s !== "'self'" && s !== "'unsafe-inline'");
  }
  return sources.filter((source) => source !== "'unsafe-inline'");
}

function restrictive(sources: string[] | undefined, extraBad: string[] = []): boolean {
  return sources !== undefined && !sources.some((source) => BROAD.has(source) || extraBad.includes(source));
}

/** The rules one policy breaks. */
export function policyFailures(policy: CspPolicy): RuleFailure[] {
  const failures: RuleFailure[] = [];
  const fail = (rule: CspRule, severity: 'fail' | 'warn', sources: string[] = []): void => {
    failures.push({ rule, severity, sources });
  };
  const rawScript = list(policy, 'script-src', 'default-src');
  if (rawScript === undefined) fail('script-src-missing', 'fail');
  else {
    const script = effectiveScriptSources(rawScript);
    const inline = script.filter((source) => source === "'unsafe-inline'" || source === "'unsafe-hashes'");
    if (inline.length > 0) fail('script-unsafe-inline', 'fail', inline);
    if (script.includes("'unsafe-eval'")) fail('script-unsafe-eval', 'fail', ["'unsafe-eval'"]);
    const broad = script.filter((source) => BROAD.has(source) || source === 'data:');
    if (broad.length > 0) fail('script-broad', 'fail', broad);
  }
  // internet.nl fails 'unsafe-inline', 'unsafe-eval' and 'unsafe-hashes' in any directive,
  // e.g. style-src (injected styles can read page content). default-src only counts here
  // when script-src exists; otherwise the script rules above already report it.
  const unsafeElsewhere = [...policy.directives.entries()]
    .filter(([name]) => !name.startsWith('script-src') && (name !== 'default-src' || policy.directives.has('script-src')))
    .flatMap(([, sources]) => effectiveScriptSources(lower(sources)))
    .filter((source) => UNSAFE_KEYWORDS.has(source));
  if (unsafeElsewhere.length > 0) fail('unsafe-elsewhere', 'fail', [...new Set(unsafeElsewhere)]);

  // Active content: every source list except images and media, with script-src as browsers apply it.
  const insecure = [...policy.directives.entries()]
    .filter(([name]) => (name.endsWith('-src') || ['base-uri', 'form-action', 'frame-ancestors'].includes(name)) && !PASSIVE.has(name))
    .flatMap(([name, sources]) => (name === 'script-src' ? effectiveScriptSources(lower(sources)) : lower(sources)))
    .filter((source) => source.startsWith('http:') || source.startsWith('ftp:'));
  if (insecure.length > 0) fail('insecure-scheme', 'fail', [...new Set(insecure)]);

  const objects = list(policy, 'object-src', 'default-src');
  if (!restrictive(objects, ['data:'])) fail('object-src', 'fail', objects?.filter((s) => BROAD.has(s) || s === 'data:') ?? []);
  else if (!(objects?.length === 1 && objects[0] === "'none'")) fail('object-src', 'warn', objects ?? []);

  const defaults = list(policy, 'default-src');
  if (!restrictive(defaults, ['data:', "'unsafe-inline'"])) fail('default-src', 'warn', defaults ?? []);
  if (!restrictive(list(policy, 'base-uri'), ['data:', "'unsafe-inline'"])) fail('base-uri', 'warn', list(policy, 'base-uri') ?? []);
  if (!restrictive(list(policy, 'frame-ancestors'))) fail('frame-ancestors', 'warn', list(policy, 'frame-ancestors') ?? []);
  if (!restrictive(list(policy, 'form-action'))) fail('form-action', 'warn', list(policy, 'form-action') ?? []);
  return failures;
}

/**
 * The rules broken by every policy (so not met by the intersection), with the mildest
 * severity seen. When scripts are not restricted at all, the finer script rules are
 * implied by that and not repeated.
 */
export function combinedFailures(policies: CspPolicy[]): RuleFailure[] {
  const perPolicy = policies.map(policyFailures);
  const out: RuleFailure[] = [];
  for (const rule of CSP_RULES) {
    const found = perPolicy.map((failures) => failures.find((f) => f.rule === rule));
    if (found.length === 0 || found.some((f) => f === undefined)) continue;
    const all = found as RuleFailure[];
    const severity = all.some((f) => f.severity === 'warn') ? 'warn' : 'fail';
    out.push({ rule, severity, sources: [...new Set(all.flatMap((f) => f.sources))] });
  }
  if (out.some((f) => f.rule === 'script-src-missing')) {
    return out.filter((f) => !['script-unsafe-inline', 'script-unsafe-eval', 'script-broad'].includes(f.rule));
  }
  return out;
}

/** frame-ancestors across enforced policies: 'restricted' when any policy limits framing. */
export function frameAncestors(policies: CspPolicy[]): 'restricted' | 'open' | 'absent' {
  const lists = policies.map((policy) => list(policy, 'frame-ancestors')).filter((l): l is string[] => l !== undefined);
  if (lists.length === 0) return 'absent';
  return lists.some((l) => restrictive(l)) ? 'restricted' : 'open';
}

export function hasDirective(policies: CspPolicy[], name: string): boolean {
  return policies.some((policy) => policy.directives.has(name));
}

/** Policies set with <meta http-equiv="Content-Security-Policy"> in a page. */
export function metaPolicies(body: string | undefined): string[] {
  if (!body) return [];
  const $ = sharedHtml(body);
  return $('meta[http-equiv]')
    .filter((_, element) => ($(element).attr('http-equiv') ?? '').trim().toLowerCase() === 'content-security-policy')
    .map((_, element) => $(element).attr('content') ?? '')
    .get();
}

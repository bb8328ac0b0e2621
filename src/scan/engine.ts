/**
 * The scan pipeline: validate the target -> collect evidence once -> run every pure
 * check -> score -> render in the user's language. See docs/architecture.md.
 */
import { setMaxListeners } from 'node:events';
import { rootCertificates } from 'node:tls';
import { ScanError, UsageError, errorMessage } from '../core/errors.js';
import type { Lang } from '../core/lang.js';
import type { Check, CheckVerdict, Status } from './check.js';
import { domainExists } from './checks/domain/exists.js';
import { CHECKS } from './checks/registry.js';
import { DEFAULT_LIMITS, type CollectContext, type CollectLimits } from './collect/context.js';
import { DnsClient } from './collect/dns/client.js';
import { lookupNonexistence } from './collect/dns/existence.js';
import { createHostResolver, type ResolvedHost } from './collect/dns/resolve.js';
import type { TrustAnchor } from './dnssec/trust-anchor.js';
import type { ScanEvidence } from './evidence/index.js';
import { scoreChecks, type ScoreBreakdown, type Scores } from './score.js';
import { parseTarget, refusalMessage } from './target.js';
import { renderMessage, type RenderOptions } from './texts.js';

export type ScanArea = 'web' | 'mail' | 'privacy';

export interface ScanOptions {
  /** Send every DNS query here instead of the system resolvers. */
  resolver?: { address: string; port: number };
  /** Extra trusted roots (PEM), e.g. from --ca-file. */
  extraCa?: string[];
  allowPrivate?: boolean;
  /** Whole-scan time limit. Per-connection limits are derived from it. */
  timeoutMs?: number;
  /**
   * When the time limit started counting (epoch ms; default: now). The CLI passes its
   * process start, so the whole command, start-up and exit included, keeps --timeout.
   */
  clockStartMs?: number;
  /** One area only; without it the scan covers web, mail and privacy. */
  only?: ScanArea;
  /** DNSSEC trust anchors replacing the built-in IANA root KSKs (--trust-anchor). */
  trustAnchors?: TrustAnchor[];
  /** DKIM selectors to look up before the built-in common ones (--dkim-selector). */
  dkimSelectors?: string[];
  /** Pages the privacy crawl reads at most (--max-pages, default 25). */
  maxPages?: number;
  /** The clock checks judge against (tests pin it). */
  now?: Date;
  limits?: Partial<CollectLimits>;
}

export interface CheckResult {
  id: string;
  status: Status;
  verdict: CheckVerdict;
}

/** A finished scan, language-neutral: render() turns it into the contract's JSON. */
export interface ScanResult {
  target: string;
  startedAt: string;
  durationMs: number;
  evidence: ScanEvidence;
  results: CheckResult[];
  score: ScoreBreakdown;
}

/** The public JSON contract (../shared/BRIEF.md, "The scan contract"). */
export interface ScanReport {
  target: string;
  startedAt: string;
  durationMs: number;
  scores: Scores;
  checks: { id: string; status: Status; summary: string; advice: string; evidence: Record<string, unknown> }[];
}

export const DEFAULT_SCAN_TIMEOUT_MS = 60_000;

/** Which check ids belong to an area. The dns.* checks (DNSSEC) run with the mail scan. */
function inArea(checkId: string, area: ScanArea): boolean {
  if (area === 'mail') return checkId.startsWith('mail.') || checkId.startsWith('dns.');
  return checkId.startsWith(`${area}.`);
}

export async function runScan(input: string, options: ScanOptions = {}): Promise<ScanResult> {
  const target = parseTarget(input);
  const areas: ScanArea[] = options.only ? [options.only] : ['web', 'mail', 'privacy'];
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const timeoutMs = options.timeoutMs ?? DEFAULT_SCAN_TIMEOUT_MS;
  const endsAt = Math.min(options.clockStartMs ?? started, started) + timeoutMs;
  const stopCollecting = new AbortController();
  const deadline = stopCollecting.signal;
  // Collectors stop WRAP_UP_MS before the end: that is the time to kill the browser, judge, render and exit.
  const collectTimer = setTimeout(
    () => stopCollecting.abort(new DOMException('the scan deadline was reached', 'TimeoutError')),
    Math.max(0, endsAt - WRAP_UP_MS - Date.now()),
  );
  collectTimer.unref();
  // Every in-flight request and handshake listens on this one signal (and removes its
  // listener when done); concurrency is bounded, but well above Node's warning at 10.
  setMaxListeners(200, deadline);
  const limits: CollectLimits = {
    ...DEFAULT_LIMITS,
    // Leave room for the redirect chain and the checks within the whole-scan limit.
    connectTimeoutMs: Math.round(Math.min(DEFAULT_LIMITS.connectTimeoutMs, Math.max(500, timeoutMs / 4))),
    requestTimeoutMs: Math.round(Math.min(DEFAULT_LIMITS.requestTimeoutMs, Math.max(1_000, timeoutMs / 3))),
    ...options.limits,
  };
  // A validating resolver SERVFAILs a domain with broken DNSSEC; we judge DNSSEC ourselves and still want the data.
  const dns = options.resolver
    ? new DnsClient({ servers: [options.resolver], signal: deadline, retryServfailWithCd: true })
    : DnsClient.fromSystem({ signal: deadline, retryServfailWithCd: true });
  const allowPrivate = options.allowPrivate ?? false;
  const context: CollectContext = {
    dns,
    resolveHost: createHostResolver(dns, { allowPrivate }),
    allowPrivate,
    // Node's own root list itself when nothing is added: a TLS context can then use Node's
    // shared root store instead of parsing every root again (collect/tls/trust-store.ts).
    ca: options.extraCa?.length ? [...rootCertificates, ...options.extraCa] : (rootCertificates as string[]),
    limits,
    signal: deadline,
    endsAt: endsAt - WRAP_UP_MS,
  };

  try {
    return await scanWithin(target, areas, context, options, { started, startedAt, endsAt });
  } finally {
    clearTimeout(collectTimer);
    // Whatever a collector still holds open (a dripping socket, a timer) is told to stop now.
    stopCollecting.abort(new DOMException('the scan ended', 'AbortError'));
  }
}

async function scanWithin(
  target: string,
  areas: ScanArea[],
  context: CollectContext,
  options: ScanOptions,
  clock: { started: number; startedAt: string; endsAt: number },
): Promise<ScanResult> {
  const { started, startedAt, endsAt } = clock;
  const { dns } = context;
  const resolved = await withBackstop(refuseUnscannableTarget(target, context), endsAt - BACKSTOP_BEFORE_END_MS);

  const evidence: ScanEvidence = { target, collectedAt: startedAt };
  // A name that does not exist is one finding with no scores: nothing is collected, no check else runs.
  const nonexistent = resolved.evidence.error === 'NXDOMAIN' ? await lookupNonexistence(dns, target) : undefined;
  if (nonexistent) {
    evidence.nonexistent = nonexistent;
    const results = [runCheck(domainExists, evidence, options.now ?? new Date())];
    return { target, startedAt, durationMs: Date.now() - started, evidence, results, score: scoreChecks([]) };
  }

  // The areas share the DNS cache and the deadline, and run side by side. Each area's
  // collectors are loaded only when it runs: `--only web` never loads the SMTP prober, the
  // DNSSEC validator, the crawler's HTML parser or the browser driver.
  const [web, mail, privacy] = await withBackstop(
    Promise.all([
      areas.includes('web') ? import('./collect/web.js').then(({ collectWebEvidence }) => collectWebEvidence(target, context)) : undefined,
      areas.includes('mail') ? collectMail(target, context, dns, options) : undefined,
      areas.includes('privacy')
        ? import('./collect/privacy/index.js').then(({ collectPrivacyEvidence }) =>
            collectPrivacyEvidence(target, context, options.maxPages ? { maxPages: options.maxPages } : {}),
          )
        : undefined,
    ]),
    endsAt - BACKSTOP_BEFORE_END_MS,
  );
  if (web) evidence.web = web;
  if (mail) {
    evidence.mail = mail.mail;
    evidence.dnssec = mail.dnssec;
  }
  if (privacy) evidence.privacy = privacy;

  const now = options.now ?? new Date();
  const results = CHECKS.filter((check) => areas.some((area) => inArea(check.id, area))).map((check) =>
    runCheck(check, evidence, now),
  );
  return {
    target,
    startedAt,
    durationMs: Date.now() - started,
    evidence,
    results,
    score: scoreChecks(results.map(({ id, status, verdict }) => ({ id, status, notApplicable: verdict.notApplicable ?? false }))),
  };
}

async function collectMail(target: string, context: CollectContext, dns: DnsClient, options: ScanOptions) {
  const [{ collectMailEvidence }, { createValidator }, { IANA_ROOT_ANCHORS }] = await Promise.all([
    import('./collect/mail.js'),
    import('./dnssec/validator.js'),
    import('./dnssec/trust-anchor.js'),
  ]);
  return collectMailEvidence(target, context, {
    validator: createValidator(dns, options.trustAnchors ?? IANA_ROOT_ANCHORS),
    anchor: options.trustAnchors ? 'file' : 'built-in',
    dkimSelectors: options.dkimSelectors ?? [],
  });
}

/**
 * Collectors stop this long before the scan's end: a killed browser, unwinding requests,
 * the checks, the report and the process exit fit in it, with room for a machine under
 * load (bench/scan-bounds.ts measures the overrun).
 */
const WRAP_UP_MS = 700;
/** Collectors honour the deadline signal; this is the guarantee if one ever does not. */
const BACKSTOP_BEFORE_END_MS = 100;

async function withBackstop<T>(work: Promise<T>, endsAt: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const backstop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ScanError('the scan did not finish within its time limit')), Math.max(0, endsAt - Date.now()));
  });
  try {
    return await Promise.race([work, backstop]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Refuse before any connection when the target exists but every address is private
 * (exit code 2), and stop when DNS itself is unreachable (exit code 1). A name that
 * does not exist is not an error: the scan runs, with domain.exists as its one verdict.
 */
async function refuseUnscannableTarget(target: string, context: CollectContext): Promise<ResolvedHost> {
  const resolved = await context.resolveHost(target);
  const dnsError = resolved.evidence.error;
  if (dnsError === 'timeout' || dnsError?.startsWith('network')) {
    throw new ScanError(`could not reach the DNS resolver to look up ${target} (${dnsError})`);
  }
  if (resolved.usable.length === 0 && resolved.refused.length > 0) {
    throw new UsageError(refusalMessage(target, resolved.refused));
  }
  return resolved;
}

/** A check that throws is a bug; it must not take the scan down with it. */
function runCheck(check: Check, evidence: ScanEvidence, now: Date): CheckResult {
  try {
    const verdict = check.run(evidence, { now });
    return { id: check.id, status: verdict.status, verdict };
  } catch (error) {
    const verdict: CheckVerdict = {
      status: 'error',
      summary: { key: '__internal' },
      advice: [],
      evidence: { internalError: errorMessage(error) },
    };
    return { id: check.id, status: 'error', verdict };
  }
}

const INTERNAL_ERROR: Record<Lang, string> = {
  en: 'This check failed inside Weerbaar itself; please report it. The other results are not affected.',
  nl: 'Deze controle liep vast in Weerbaar zelf; meld dit alstublieft. De andere resultaten zijn niet geraakt.',
  sv: 'Den här kontrollen fallerade i Weerbaar självt; rapportera det gärna. Övriga resultat påverkas inte.',
};

/**
 * The contract's JSON in `lang`. `surface` 'web' takes the web's own wording where a text
 * names a CLI flag; `isolate` marks every text parameter for a page to isolate (texts.ts, ISOLATE_START).
 */
export function renderReport(result: ScanResult, lang: Lang, options: RenderOptions = {}): ScanReport {
  return {
    target: result.target,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    scores: result.score.scores,
    checks: result.results.map(({ id, status, verdict }) => {
      const check = CHECKS.find((candidate) => candidate.id === id);
      const summary =
        verdict.summary.key === '__internal' || !check
          ? INTERNAL_ERROR[lang]
          : renderMessage(CHECKS, check, verdict.summary, lang, options);
      const advice = check ? verdict.advice.map((message) => renderMessage(CHECKS, check, message, lang, options)).join('\n') : '';
      return { id, status, summary, advice, evidence: verdict.evidence };
    }),
  };
}

/**
 * The polite crawl of a shop (issue 5): breadth-first from https://<target>/ (http:// when
 * HTTPS does not answer), same registrable domain only, at most `maxPages` HTML pages,
 * robots.txt respected, a per-host pace (polite-fetch.ts), body caps, the scan's limits and
 * AbortSignal through fetchChain. Then the privacy statement is chosen by consensus of the
 * pages' links, and fetched and read.
 */
import { getDomain } from 'tldts';
import type { CrawlEvidence, PageEvidence, StatementEvidence } from '../../evidence/privacy-crawl.js';
import { brokenStatement } from '../../privacy/error-page.js';
import type { CollectContext } from '../context.js';
import { firstHeader } from '../http/fetch.js';
import { parsePage, type ParsedPage, type ScoredLink } from './page.js';
import { Pacer, politeFetch, type PoliteResult } from './polite-fetch.js';
import { ALLOW_ALL, parseRobots, type Robots } from './robots.js';
import { markStatementLinks, urlsToVerify, type KnownTarget, type LinkContext } from './statement-links.js';
import { isStatementLabel } from './statement-words.js';
import { fetchStatement } from './statement.js';

export const DEFAULT_MAX_PAGES = 25;
/** Body cap per crawled page and for robots.txt (RFC 9309 asks crawlers to read at least 500 KiB). */
const MAX_PAGE_BYTES = 1_048_576;
const MAX_ROBOTS_BYTES = 512 * 1024;
const MAX_RECORDED_DISALLOWED = 50;
/** Requests after the crawl to learn where statement-like links of unlinked pages lead. */
const MAX_LINK_CHECKS = 5;
/** Statement candidates fetched at most when the best ones lead to error pages. */
const MAX_STATEMENT_CANDIDATES = 3;
/** Links that are clearly not HTML pages are not requested. */
const NOT_A_PAGE = /\.(?:jpe?g|png|gif|webp|avif|svg|ico|css|js|mjs|json|xml|pdf|zip|gz|rar|7z|mp[34]|webm|mov|avi|woff2?|ttf|eot|docx?|xlsx?|pptx?|csv|txt)$/i;

interface RobotsResult {
  robots: Robots;
  found: boolean;
  /** The origin answered the robots.txt request at all (any HTTP status). */
  answered: boolean;
}

export interface CrawlOptions {
  maxPages: number;
}

/** Same site = same registrable domain (tldts; unknown TLDs such as .test count as one label). */
export function siteOf(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return getDomain(bare) ?? bare;
}

function isHtml(contentType: string | undefined, body: string): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return true;
  return type === '' && /<html|<body|<a\s/i.test(body.slice(0, 4096));
}

/** The answer read as a page, when it is HTML. */
function parsedHtml(result: PoliteResult): ParsedPage | undefined {
  const hop = result.hops.at(-1);
  const body = result.last.body ?? '';
  return hop && !result.last.error && isHtml(firstHeader(hop, 'content-type'), body) ? parsePage(body, hop.url) : undefined;
}

/** One turn of the event loop's timers phase, so a due deadline fires before more CPU work. */
const yieldToTimers = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Parsing cannot be interrupted, so a page is parsed only when it can be done before the
 * deadline, judged by the slowest rate seen so far (starting at 1 ms per KiB, what a loaded
 * machine needs for a page of links).
 */
class ParseBudget {
  private msPerByte = 1 / 1024;

  constructor(private readonly endsAt: number | undefined) {}

  allows(result: PoliteResult): boolean {
    return this.endsAt === undefined || Date.now() + (result.last.body?.length ?? 0) * this.msPerByte < this.endsAt;
  }

  parse(result: PoliteResult): ParsedPage | undefined {
    const started = performance.now();
    const parsed = parsedHtml(result);
    const size = result.last.body?.length ?? 0;
    if (size > 16_384) this.msPerByte = Math.max(this.msPerByte, (performance.now() - started) / size);
    return parsed;
  }
}

/** A URL key for comparing links: lower-case host, no trailing slash, no fragment. */
export function urlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : parsed.pathname;
    return `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  } catch {
    return url;
  }
}

export async function collectCrawl(target: string, context: CollectContext, options: CrawlOptions = { maxPages: DEFAULT_MAX_PAGES }): Promise<CrawlEvidence> {
  const maxPages = Math.max(1, Math.floor(options.maxPages));
  const pageContext: CollectContext = { ...context, limits: { ...context.limits, maxBodyBytes: Math.min(context.limits.maxBodyBytes, MAX_PAGE_BYTES) } };
  const robotsContext: CollectContext = { ...context, limits: { ...context.limits, maxBodyBytes: Math.min(context.limits.maxBodyBytes, MAX_ROBOTS_BYTES) } };
  const pacer = new Pacer(context.signal);
  const parseBudget = new ParseBudget(context.endsAt);
  const site = siteOf(target);
  const sameSite = (url: URL): boolean => (url.protocol === 'https:' || url.protocol === 'http:') && siteOf(url.hostname) === site;
  const robotsByOrigin = new Map<string, Promise<RobotsResult>>();
  const disallowed: string[] = [];

  // robots.txt: fetched once per origin (scheme + host), only redirects within the site followed.
  const robotsFor = (url: URL): Promise<RobotsResult> => {
    let pending = robotsByOrigin.get(url.origin);
    if (!pending) {
      pending = politeFetch(`${url.origin}/robots.txt`, robotsContext, pacer, async (next) => Promise.resolve(sameSite(next) ? undefined : 'another site')).then(
        ({ hops, last, stopped }) => {
          const status = hops.at(-1)?.status;
          const answered = hops.some((hop) => hop.status !== undefined);
          if (stopped || last.error || status === undefined) return { robots: ALLOW_ALL, found: false, answered };
          // RFC 9309: 5xx means "assume everything is disallowed"; 4xx means no rules.
          if (status >= 500) return { robots: { isAllowed: () => false }, found: false, answered };
          if (status !== 200) return { robots: ALLOW_ALL, found: false, answered };
          return { robots: parseRobots(last.body ?? ''), found: true, answered };
        },
      );
      robotsByOrigin.set(url.origin, pending);
    }
    return pending;
  };
  const mayFetch = async (url: URL): Promise<string | undefined> => {
    if (!sameSite(url)) return 'another site';
    const { robots } = await robotsFor(url);
    if (!robots.isAllowed(url.pathname + url.search)) {
      if (disallowed.length < MAX_RECORDED_DISALLOWED && !disallowed.includes(url.href)) disallowed.push(url.href);
      return 'disallowed by robots.txt';
    }
    return undefined;
  };
  const fetchPage = (url: string, ctx: CollectContext): Promise<PoliteResult> => politeFetch(url, ctx, pacer, mayFetch);

  // Where to start: HTTPS, or HTTP when HTTPS does not answer at all.
  let start = `https://${target}/`;
  // The robots.txt request doubles as the probe: no extra request to find out. When neither
  // scheme answers we stay with HTTPS, and the home page's own error is recorded.
  if (!(await robotsFor(new URL(start))).answered && (await robotsFor(new URL(`http://${target}/`))).answered) start = `http://${target}/`;

  const evidence: CrawlEvidence = { start, pages: [], maxPages, robotsDisallowed: disallowed };
  const pages: PageEvidence[] = [];
  const candidates: ScoredLink[][] = [];
  const seen = new Set<string>([urlKey(start)]);
  let frontier: string[] = [start];
  let requests = 0;
  const maxRequests = maxPages * 3;
  // Where each requested URL landed, and what was there: to tell where a page's links lead.
  const landed = new Map<string, string>();
  const facts = new Map<string, Omit<KnownTarget, 'finalKey'>>();
  const learn = (requested: string, result: PoliteResult, parsed?: ParsedPage): void => {
    const hop = result.hops.at(-1);
    const finalKey = urlKey(hop?.url ?? requested);
    for (const url of [requested, ...result.hops.map((each) => each.url)]) landed.set(urlKey(url), finalKey);
    if (hop?.status === undefined || result.stopped) return;
    facts.set(finalKey, { status: hop.status, ...(parsed?.lang ? { lang: parsed.lang } : {}), ...(parsed?.fingerprint ? { fingerprint: parsed.fingerprint } : {}) });
  };

  while (frontier.length > 0 && pages.length < maxPages && requests < maxRequests && !context.signal.aborted) {
    const batch = frontier.splice(0, Math.min(maxPages - pages.length, maxRequests - requests));
    const next: string[] = [];
    requests += batch.length;
    const results = await Promise.all(
      batch.map(async (url) => {
        const refusal = await mayFetch(new URL(url));
        return refusal ? undefined : { url, result: await fetchPage(url, pageContext) };
      }),
    );
    for (const item of results) {
      if (!item || pages.length >= maxPages) continue;
      // Parsing is CPU work on the page's bytes (up to a second for a huge page): let the
      // deadline's timer run between pages, and parse nothing more once it has fired.
      await yieldToTimers();
      if (context.signal.aborted || !parseBudget.allows(item.result)) {
        evidence.error ??= 'the scan deadline passed before the crawl finished';
        break;
      }
      const { hops, last } = item.result;
      const hop = hops.at(-1);
      const finalUrl = hop?.url ?? item.url;
      const parsed = parseBudget.parse(item.result);
      learn(item.url, item.result, parsed);
      if (finalUrl !== item.url) {
        const key = urlKey(finalUrl);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (!hop || last.error || hop.status === undefined) {
        if (item.url === start) evidence.error = last.error?.message ?? 'no answer';
        continue;
      }
      if (!parsed) continue;
      pages.push({
        url: finalUrl,
        status: hop.status,
        ...(parsed.title ? { title: parsed.title } : {}),
        statementCandidates: parsed.statementLinks.map(({ url, text }) => ({ url, text })),
        forms: parsed.forms,
        // Its links are still followed, but what it lacks proves nothing: the rest never arrived.
        ...(last.bodyTruncated ? { incomplete: last.bodyIncomplete?.message ?? 'the page was cut off before its end' } : {}),
      });
      candidates.push(parsed.statementLinks);
      if (hop.status < 200 || hop.status >= 300) continue;
      for (const link of parsed.links) {
        const parsedLink = new URL(link);
        const key = urlKey(link);
        if (seen.has(key) || !sameSite(parsedLink) || NOT_A_PAGE.test(parsedLink.pathname)) continue;
        seen.add(key);
        next.push(link);
      }
    }
    frontier = [...frontier, ...next];
  }
  if (frontier.length > 0 && pages.length >= maxPages) evidence.truncated = true;
  evidence.pages = pages;
  evidence.robotsFound = (await robotsFor(new URL(start))).found;
  if (context.signal.aborted) evidence.error ??= 'the scan deadline passed before the crawl finished';
  if (pages.length === 0 && !evidence.error) evidence.error = 'no HTML page could be crawled';

  const ranked = rankStatements(candidates, site);
  const best = ranked[0];
  if (best) {
    // The statement may live on another site (a privacy-policy service): one request, its robots.txt respected.
    const mayFetchStatement = async (url: URL): Promise<string | undefined> => {
      const { robots } = await robotsFor(url);
      return robots.isAllowed(url.pathname + url.search) ? undefined : 'disallowed by robots.txt';
    };
    const fetchCandidate = async (candidate: string): Promise<StatementEvidence> => {
      const refusal = await mayFetchStatement(new URL(candidate));
      if (refusal) return { url: candidate, linkedUrl: candidate, format: 'other', text: '', error: `not fetched: ${refusal}` };
      return fetchStatement(candidate, async (url) => {
        const result = await politeFetch(url, pageContext, pacer, mayFetchStatement);
        learn(url, result, parsedHtml(result));
        return result;
      }, context.signal);
    };
    // A link to an error page (404, "page not found") is no statement: when the pages also link
    // to another candidate, the next that works is the statement; when none does, the best-linked
    // broken one is, so the checks report the broken link.
    let statement = await fetchCandidate(best);
    const tried = [statement];
    for (const candidate of ranked.slice(1, MAX_STATEMENT_CANDIDATES)) {
      if (!brokenStatement(statement) || context.signal.aborted) break;
      const next = await fetchCandidate(candidate);
      if (brokenStatement(next)) tried.push(next);
      else statement = next;
    }
    const others = tried.filter((each) => each !== statement);
    if (others.length > 0) evidence.brokenCandidates = others.map((each) => ({ url: each.linkedUrl ?? each.url, ...(each.status !== undefined ? { status: each.status } : {}) }));
    const chosen = statement.linkedUrl ?? statement.url;
    evidence.statement = statement;
    const keys = new Set([chosen, statement.url, ...(statement.chain ?? [])].map(urlKey));
    const known = [...keys].map((key) => facts.get(landed.get(key) ?? key)).find((fact) => fact?.status !== undefined);
    const links: LinkContext = {
      statement: { keys, sites: new Set([site, siteOf(new URL(statement.url).hostname)]), lang: statement.declaredLang ?? known?.lang, fingerprint: known?.fingerprint },
      resolve: (key) => {
        const finalKey = landed.get(key) ?? key;
        const fact = facts.get(finalKey);
        return fact || landed.has(key) ? { finalKey, ...fact } : undefined;
      },
      urlKey,
      siteOf,
    };
    // A few more requests settle links whose target the crawl never saw (page budget, redirects it skipped).
    const toVerify = context.signal.aborted ? [] : urlsToVerify(candidates, links, MAX_LINK_CHECKS).filter((url) => sameSite(new URL(url)) && !NOT_A_PAGE.test(new URL(url).pathname));
    await Promise.all(
      toVerify.map(async (url) => {
        if (await mayFetch(new URL(url))) return;
        const result = await fetchPage(url, pageContext);
        learn(url, result, parsedHtml(result));
      }),
    );
    markStatementLinks(pages, candidates, links);
  } else {
    for (const page of pages) delete page.statementLink;
  }
  return evidence;
}

/**
 * The statement URL most pages link to. A vote counts double for a link on the shop's own
 * domain (a payment provider's policy is not the shop's) and double again when its text only
 * names the statement ("Privacy & cookies", not "The Privacy Mug"); ties go to the shop's own
 * domain, then to the stronger text and URL match (score), then to the link seen first. One vote per page per URL.
 */
export function chooseStatement(perPage: ScoredLink[][], site?: string): string | undefined {
  return rankStatements(perPage, site)[0];
}

/** Every statement-like URL the pages link to, best first (see chooseStatement). */
export function rankStatements(perPage: ScoredLink[][], site?: string): string[] {
  const tally = new Map<string, { url: string; votes: number; own: boolean; label: boolean; score: number; order: number }>();
  let order = 0;
  for (const links of perPage) {
    const voted = new Set<string>();
    for (const link of links) {
      const key = urlKey(link.url);
      const label = isStatementLabel(link.text);
      const entry = tally.get(key) ?? { url: link.url, votes: 0, own: site === undefined || sameSiteAs(link.url, site), label, score: 0, order: order++ };
      entry.label ||= label;
      entry.score = Math.max(entry.score, link.score);
      tally.set(key, entry);
      if (voted.has(key)) continue;
      voted.add(key);
      entry.votes += 1;
    }
  }
  const weight = (entry: { votes: number; own: boolean; label: boolean }): number => entry.votes * (entry.own ? 2 : 1) * (entry.label ? 2 : 1);
  const ranked = [...tally.values()].sort((a, b) => weight(b) - weight(a) || Number(b.own) - Number(a.own) || b.score - a.score || a.order - b.order);
  return ranked.map((entry) => entry.url);
}

function sameSiteAs(url: string, site: string): boolean {
  try {
    return siteOf(new URL(url).hostname) === site;
  } catch {
    return false;
  }
}

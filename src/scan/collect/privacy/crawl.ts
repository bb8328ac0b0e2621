/**
 * The polite crawl of a shop (issue 5): breadth-first from https://<target>/ (http:// when
 * HTTPS does not answer), same registrable domain only, at most `maxPages` HTML pages,
 * robots.txt respected, a per-host pace (polite-fetch.ts), body caps, the scan's limits and
 * AbortSignal through fetchChain. Then the privacy statement is chosen by consensus of the
 * pages' links, and fetched and read.
 */
import { getDomain } from 'tldts';
import type { CrawlEvidence, PageEvidence, StatementLink } from '../../evidence-privacy-crawl.js';
import type { CollectContext } from '../context.js';
import { firstHeader } from '../http/fetch.js';
import { parsePage, type ScoredLink } from './page.js';
import { Pacer, politeFetch, type PoliteResult } from './polite-fetch.js';
import { ALLOW_ALL, parseRobots, type Robots } from './robots.js';
import { fetchStatement } from './statement.js';

export const DEFAULT_MAX_PAGES = 25;
/** Body cap per crawled page and for robots.txt (RFC 9309 asks crawlers to read at least 500 KiB). */
const MAX_PAGE_BYTES = 1_048_576;
const MAX_ROBOTS_BYTES = 512 * 1024;
const MAX_RECORDED_DISALLOWED = 50;
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
      const { hops, last } = item.result;
      const hop = hops.at(-1);
      const finalUrl = hop?.url ?? item.url;
      if (finalUrl !== item.url) {
        const key = urlKey(finalUrl);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (!hop || last.error || hop.status === undefined) {
        if (item.url === start) evidence.error = last.error?.message ?? 'no answer';
        continue;
      }
      const body = last.body ?? '';
      if (!isHtml(firstHeader(hop, 'content-type'), body)) continue;
      const parsed = parsePage(body, finalUrl);
      pages.push({
        url: finalUrl,
        status: hop.status,
        ...(parsed.title ? { title: parsed.title } : {}),
        statementCandidates: parsed.statementLinks.map(({ url, text }) => ({ url, text })),
        forms: parsed.forms,
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

  const chosen = chooseStatement(candidates);
  if (chosen) {
    // The statement may live on another site (a privacy-policy service): one request, its robots.txt respected.
    const mayFetchStatement = async (url: URL): Promise<string | undefined> => {
      const { robots } = await robotsFor(url);
      return robots.isAllowed(url.pathname + url.search) ? undefined : 'disallowed by robots.txt';
    };
    const refusal = await mayFetchStatement(new URL(chosen));
    evidence.statement = refusal
      ? { url: chosen, linkedUrl: chosen, format: 'other', text: '', error: `not fetched: ${refusal}` }
      : await fetchStatement(chosen, (url) => politeFetch(url, pageContext, pacer, mayFetchStatement));
    markLinks(pages, candidates, chosen, evidence.statement.chain ?? []);
  } else {
    for (const page of pages) delete page.statementLink;
  }
  return evidence;
}

/**
 * The statement URL most pages link to; ties go to the link whose text names it (score),
 * then to the one seen first. One vote per page per URL.
 */
export function chooseStatement(perPage: ScoredLink[][]): string | undefined {
  const tally = new Map<string, { url: string; votes: number; score: number; order: number }>();
  let order = 0;
  for (const links of perPage) {
    const voted = new Set<string>();
    for (const link of links) {
      const key = urlKey(link.url);
      if (voted.has(key)) continue;
      voted.add(key);
      const entry = tally.get(key) ?? { url: link.url, votes: 0, score: 0, order: order++ };
      entry.votes += 1;
      entry.score = Math.max(entry.score, link.score);
      tally.set(key, entry);
    }
  }
  const ranked = [...tally.values()].sort((a, b) => b.votes - a.votes || b.score - a.score || a.order - b.order);
  return ranked[0]?.url;
}

/**
 * A page links to the statement when it links to the chosen URL (or a URL on its redirect
 * chain), or has a link whose text names the privacy statement (another language version).
 */
function markLinks(pages: PageEvidence[], perPage: ScoredLink[][], chosen: string, chain: string[]): void {
  const keys = new Set([chosen, ...chain].map(urlKey));
  pages.forEach((page, index) => {
    const links = perPage[index] ?? [];
    const match: StatementLink | undefined = links.find((link) => keys.has(urlKey(link.url))) ?? links.find((link) => link.score >= 2);
    if (match) page.statementLink = { url: match.url, text: match.text };
  });
}

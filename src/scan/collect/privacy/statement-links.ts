/**
 * Which pages link to the privacy statement, once it is chosen. A link counts when it leads
 * to the statement: its URL or any URL on the statement's redirect chain, a URL the crawl
 * saw redirect there, the same document under another URL (same text fingerprint), or
 * another language version of it (/nl/privacyverklaring beside /fr/vie-privee). A link we
 * know leads elsewhere does not count, whatever its text says: a product or blog post with
 * "privacy" in its name, a broken link (404), a payment provider's privacy policy on
 * another domain. Only a link that names the statement and whose target the crawl could not
 * learn (robots.txt, page budget) is given the benefit of the doubt, on the shop's own domain.
 */
import type { PageEvidence, StatementLink } from '../../evidence/privacy-crawl.js';
import type { ScoredLink } from './page.js';
import { statementScore } from './statement-words.js';

/** What the crawl learned about a URL it requested. */
export interface KnownTarget {
  /** urlKey of where the URL finally landed (itself when it did not redirect). */
  finalKey: string;
  status?: number;
  lang?: string;
  fingerprint?: string;
}

export interface StatementIdentity {
  /** urlKeys of the chosen URL, the statement's final URL and its redirect chain. */
  keys: Set<string>;
  /** The registrable domains a statement link may point to: the shop's and the statement's. */
  sites: Set<string>;
  lang?: string;
  fingerprint?: string;
}

export interface LinkContext {
  statement: StatementIdentity;
  /** What is known of a URL (by urlKey), redirects followed; undefined when never requested. */
  resolve: (key: string) => KnownTarget | undefined;
  urlKey: (url: string) => string;
  siteOf: (host: string) => string;
}

export type LinkVerdict = 'statement' | 'elsewhere' | 'unknown';

/** Where a statement-like link leads, as far as the crawl knows. */
export function judgeLink(link: ScoredLink, context: LinkContext): LinkVerdict {
  const { statement } = context;
  const key = context.urlKey(link.url);
  if (statement.keys.has(key)) return 'statement';
  const target = context.resolve(key);
  if (!target) return 'unknown';
  if (statement.keys.has(target.finalKey)) return 'statement';
  if (target.status === undefined) return 'unknown';
  if (target.status < 200 || target.status >= 300) return 'elsewhere';
  if (target.fingerprint !== undefined && target.fingerprint === statement.fingerprint) return 'statement';
  // Another language version must name the statement in its link text.
  if (link.score >= 2 && isOtherLanguage(target, statement)) return 'statement';
  return 'elsewhere';
}

/** The link on a page that leads to the statement, if any; an unknown target counts only when the text names the statement on the shop's domain. */
export function statementLinkOf(links: ScoredLink[], context: LinkContext): StatementLink | undefined {
  let doubtful: ScoredLink | undefined;
  for (const link of links) {
    const verdict = judgeLink(link, context);
    if (verdict === 'statement') return { url: link.url, text: link.text };
    if (verdict === 'unknown' && !doubtful && link.score >= 2 && onStatementSites(link.url, context)) doubtful = link;
  }
  return doubtful ? { url: doubtful.url, text: doubtful.text } : undefined;
}

/** URLs worth one request to learn where they lead: unknown targets of pages without a certain link, most-linked first. */
export function urlsToVerify(perPage: ScoredLink[][], context: LinkContext, limit: number): string[] {
  const counts = new Map<string, { url: string; count: number }>();
  for (const links of perPage) {
    if (links.some((link) => judgeLink(link, context) === 'statement')) continue;
    for (const link of links) {
      if (judgeLink(link, context) !== 'unknown' || !onStatementSites(link.url, context)) continue;
      const key = context.urlKey(link.url);
      const entry = counts.get(key) ?? { url: link.url, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((entry) => entry.url);
}

/**
 * Sets each page's statementLink. A page that is itself a version of the statement (another
 * language, the same text under a tracking query) counts as linked without linking itself.
 */
export function markStatementLinks(pages: PageEvidence[], perPage: ScoredLink[][], context: LinkContext): void {
  pages.forEach((page, index) => {
    const self: ScoredLink = { url: page.url, text: page.title ?? '', score: statementScoreOf(page.title ?? '', page.url) };
    // The chosen statement page itself is left as it is: privacy.statement.linked does not ask it to link to itself.
    const isVersion = !context.statement.keys.has(context.urlKey(page.url)) && judgeLink(self, context) === 'statement';
    const match = statementLinkOf(perPage[index] ?? [], context) ?? (isVersion ? { url: self.url, text: self.text } : undefined);
    if (match) page.statementLink = match;
    else delete page.statementLink;
  });
}

function statementScoreOf(title: string, url: string): number {
  try {
    return statementScore(title, new URL(url));
  } catch {
    return 0;
  }
}

function onStatementSites(url: string, context: LinkContext): boolean {
  try {
    return context.statement.sites.has(context.siteOf(new URL(url).hostname));
  } catch {
    return false;
  }
}

const LANGUAGE_SEGMENT = /^[a-z]{2}(?:[-_][a-z]{2})?$/i;

/** Primary language subtag: "nl-BE" → "nl". */
function primary(lang: string | undefined): string | undefined {
  return lang?.trim().toLowerCase().split(/[-_]/)[0] || undefined;
}

/** The first path segment or host label when it is a language code ("/nl/...", "en.shop.example"). */
function languageMarks(key: string): string[] {
  try {
    const url = new URL(key);
    return [url.pathname.split('/')[1] ?? '', url.hostname.split('.')[0] ?? ''].filter((part) => LANGUAGE_SEGMENT.test(part)).map((part) => part.toLowerCase());
  } catch {
    return [];
  }
}

/** A page in another language than the statement: by its declared language, else by a language path segment or host label. */
function isOtherLanguage(target: KnownTarget, statement: StatementIdentity): boolean {
  const own = primary(target.lang);
  const theirs = primary(statement.lang);
  if (own && theirs) return own !== theirs;
  const targetMarks = languageMarks(target.finalKey);
  const statementMarks = [...statement.keys].flatMap(languageMarks);
  return targetMarks.length > 0 && statementMarks.length > 0 && !targetMarks.some((mark) => statementMarks.includes(mark));
}

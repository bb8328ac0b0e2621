/**
 * Privacy evidence (issue 5). Composed from the parts each collector owns:
 * - crawl (privacy-crawl.ts): pages crawled, their links and forms, the statement found;
 * - browser (privacy-browser.ts): what the home page sets and loads before consent.
 */
import type { BrowserEvidence } from './privacy-browser.js';
import type { CrawlEvidence } from './privacy-crawl.js';

export interface PrivacyEvidence {
  crawl: CrawlEvidence;
  browser: BrowserEvidence;
}

/**
 * The privacy scan's evidence: the polite crawl (pages, links, forms, the statement and
 * its text) and, side by side, the home page in headless Chromium before any consent.
 */
import type { PrivacyEvidence } from '../../evidence/privacy.js';
import type { CollectContext } from '../context.js';
import { collectBeforeConsent } from './browser.js';
import { collectCrawl, DEFAULT_MAX_PAGES } from './crawl.js';

export { DEFAULT_MAX_PAGES };

export async function collectPrivacyEvidence(target: string, context: CollectContext, options: { maxPages?: number } = {}): Promise<PrivacyEvidence> {
  const [crawl, browser] = await Promise.all([
    collectCrawl(target, context, { maxPages: options.maxPages ?? DEFAULT_MAX_PAGES }),
    collectBeforeConsent(target, context, { resolved: new Map() }),
  ]);
  return { crawl, browser };
}

/**
 * What the two before-consent checks share: the verdicts when the browser could not run,
 * and how lists are written in a summary (their words are in browser-texts.ts).
 */
import { msg, verdict, type CheckVerdict } from '../../check.js';
import type { BrowserEvidence } from '../../evidence/privacy-browser.js';

export const INSTALL_COMMAND = 'apt-get install chromium';

/** The verdict when there is nothing to judge (no browser run, skipped, failed), else undefined. */
export function unjudgeable(browser: BrowserEvidence | undefined): CheckVerdict | undefined {
  if (!browser) return verdict('skip', 'notRun');
  if (browser.skipped !== undefined) {
    return verdict('skip', 'skipped', { reason: browser.skipped }, [msg('install', { command: INSTALL_COMMAND })], { skipped: browser.skipped });
  }
  if (browser.error !== undefined) return verdict('error', 'error', { error: browser.error }, [], { error: browser.error, url: browser.url ?? null });
  return undefined;
}

const MAX_LISTED = 10;

/** `a, b, c` — at most ten, then `(+N)`, so a summary stays readable. */
export function listOf(items: string[]): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, MAX_LISTED).join(', ');
  return unique.length > MAX_LISTED ? `${shown} (+${unique.length - MAX_LISTED})` : shown;
}

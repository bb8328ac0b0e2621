/**
 * What the two before-consent checks share: the verdicts when the browser could not run,
 * and how lists are written in a summary.
 */
import type { Lang } from '../../../core/lang.js';
import { msg, verdict, type CheckVerdict } from '../../check.js';
import type { BrowserEvidence } from '../../evidence/privacy-browser.js';

export const BROWSER_SHARED_TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    notRun: 'The home page was not loaded in a browser in this scan.',
    skipped: 'This could not be checked: {{reason}}.',
    install: 'Install Chromium on the machine that runs the scan ({{command}}) and scan again.',
    error: 'The home page could not be loaded in the browser: {{error}}.',
  },
  nl: {
    notRun: 'De startpagina is in deze scan niet in een browser geladen.',
    skipped: 'Dit kon niet worden gecontroleerd: {{reason}}.',
    install: 'Installeer Chromium op de computer die de scan uitvoert ({{command}}) en scan opnieuw.',
    error: 'De startpagina kon niet in de browser worden geladen: {{error}}.',
  },
  sv: {
    notRun: 'Startsidan laddades inte i en webbläsare i den här skanningen.',
    skipped: 'Det gick inte att kontrollera: {{reason}}.',
    install: 'Installera Chromium på datorn som kör skanningen ({{command}}) och skanna igen.',
    error: 'Startsidan kunde inte laddas i webbläsaren: {{error}}.',
  },
};

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

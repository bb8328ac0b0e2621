/**
 * Is the "privacy statement" an error page? A statement link that answers 404 (or any other
 * non-2xx status), or a "soft 404" (status 200 with a "page not found" page, or a redirect to the
 * home page, and no statement on it), is a broken link: not a statement that misses every element. Pure, so the crawl can use it
 * to prefer a candidate link that works and the checks to say the link is broken instead of
 * analysing the error page.
 */
import type { StatementEvidence } from '../evidence/privacy-crawl.js';
import { analyseStatement, type StatementAnalysis } from './statement/index.js';

export type BrokenStatement = { reason: 'status'; status: number } | { reason: 'notFound'; phrase: string } | { reason: 'home' };

/**
 * "Page not found" as error pages say it, in the five statement languages. Only looked for at
 * the top of the page, where an error page puts its heading, and only believed when the page
 * states (almost) nothing a statement would.
 */
const NOT_FOUND = new RegExp(
  [
    String.raw`\b(?:error|fout|fehler|erreur|fel)?\s*404\b`,
    String.raw`\bnot\s+(?:be\s+)?found\b`,
    String.raw`\bpage\s+(?:does\s+not|doesn['’]t|no\s+longer)\s+exists?\b`,
    String.raw`\b(?:can(?:not|['’]t)|could\s*n(?:ot|['’]t))\s+find\s+(?:the|this|that)\s+page\b`,
    String.raw`\bniet\s+(?:worden\s+)?gevonden\b`,
    String.raw`\bbestaat\s+niet(?:\s+meer)?\b`,
    String.raw`\b(?:hittades|hittas)\s+inte\b`,
    String.raw`\b(?:kunde|kan)\s+inte\s+hittas\b`,
    String.raw`\bcan(?:not|['’]t)\s+be\s+found\b`,
    String.raw`\bsidan\s+finns\s+inte\b`,
    String.raw`\bnicht\s+gefunden\b`,
    String.raw`\bexistiert\s+nicht(?:\s+mehr)?\b`,
    String.raw`\bintrouvable\b`,
    String.raw`\bn['’]existe\s+(?:pas|plus)\b`,
    String.raw`\bpage\s+non\s+trouv[ée]e\b`,
  ].join('|'),
  'i',
);
/** Lines from the top where an error page says what it is (its heading, under the shop's header). */
const HEAD_LINES = 12;
/** A page that states more elements than this is a statement, whatever its top says. */
const MAX_ELEMENTS_OF_AN_ERROR_PAGE = 2;

/** Longest line quoted from the page. */
const MAX_QUOTED = 100;

/** The line at the top of `text` that says "not found" (what a visitor reads), if any. */
export function notFoundPhrase(text: string): string | undefined {
  const line = text.split('\n', HEAD_LINES).find((each) => NOT_FOUND.test(each))?.trim();
  return line && line.length > MAX_QUOTED ? `${line.slice(0, MAX_QUOTED - 1)}…` : line;
}

/**
 * Why the fetched statement is an error page, or undefined when it is not (or could not be
 * fetched at all: that is an error, reported as such). `analyse` lets a caller that keeps its
 * analysis share it; it is only called when the top of the page says "not found".
 */
export function brokenStatement(statement: StatementEvidence, analyse?: () => StatementAnalysis): BrokenStatement | undefined {
  if (statement.error) return undefined;
  if (statement.status !== undefined && (statement.status < 200 || statement.status >= 300)) return { reason: 'status', status: statement.status };
  if (statement.format === 'pdf') return undefined;
  const phrase = notFoundPhrase(statement.text);
  const home = !phrase && redirectedHome(statement);
  if (!phrase && !home) return undefined;
  const read = analyse ? analyse() : analyseStatement(statement.text, statement.declaredLang ? { declaredLang: statement.declaredLang } : {});
  if (read.elements.filter((element) => element.status === 'found').length > MAX_ELEMENTS_OF_AN_ERROR_PAGE) return undefined;
  return phrase ? { reason: 'notFound', phrase } : { reason: 'home' };
}

/** Shops that send unknown addresses to the home page: the link led elsewhere and ended at "/". */
function redirectedHome(statement: StatementEvidence): boolean {
  const path = (url: string | undefined): string | undefined => {
    try {
      return url === undefined ? undefined : new URL(url).pathname;
    } catch {
      return undefined;
    }
  };
  const linked = path(statement.linkedUrl);
  return linked !== undefined && linked !== '/' && path(statement.url) === '/';
}

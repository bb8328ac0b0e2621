/**
 * privacy.statement.contents: the privacy statement states every element GDPR art. 13 requires.
 * The analysis (src/scan/privacy/statement) is pattern-based per language, so every element
 * found comes with the sentence that states it; the evidence lists them all. The summary names
 * the elements missing or denied, and the advice is about those; the complaint advice names the
 * supervisory authority of the shop's own country when the scan can tell it (shop-country.ts).
 * An error page (a broken statement link) is not read: the link checks report it.
 */
import { msg, verdict, type Check, type CheckVerdict, type MessageRef } from '../../check.js';
import type { ScanEvidence } from '../../evidence/index.js';
import type { PrivacyEvidence } from '../../evidence/privacy.js';
import { RIGHT_ELEMENTS, type ElementFinding, type StatementAnalysis } from '../../privacy/statement/index.js';
import { authorityDisplayName } from '../../../core/supervisory-authorities.js';
import { CONTENTS_TEXTS } from './contents-texts.js';
import { brokenLink, statementAnalysis } from './crawl-shared.js';
import { shopCountry, type ShopCountry } from './shop-country.js';

/** Fewer rights than this stated means the statement has no real rights section: a core gap. */
const MIN_RIGHTS_STATED = 3;
/** Core elements other than the rights: missing one of these fails the check. */
const CORE_ELEMENTS = new Set(['controller', 'purposes', 'legalBasis', 'complaint']);

function privacyOf(evidence: ScanEvidence): PrivacyEvidence | undefined {
  return evidence.privacy;
}

export const privacyContents: Check = {
  id: 'privacy.statement.contents',
  texts: CONTENTS_TEXTS,
  run(evidence) {
    const privacy = privacyOf(evidence);
    // Same as the crawl checks: no privacy part in this scan is "could not check", not an error.
    if (!privacy) return verdict('skip', 'notCollected');
    const statement = privacy.crawl.statement;
    // No statement found: privacy.statement.linked / .reachable report that; nothing to read here.
    if (!statement) return verdict('skip', 'noStatement', {}, [], privacy.crawl.error ? { crawlError: privacy.crawl.error } : {});
    if (statement.error || statement.text.trim() === '') {
      const reason = statement.error ?? statement.note ?? 'no text';
      return verdict('skip', 'unreadable', { url: statement.url, reason }, [], { url: statement.url, format: statement.format, error: reason });
    }
    const broken = brokenLink(statement);
    if (broken) {
      const facts = { url: statement.url, status: statement.status ?? null, brokenLink: broken };
      if (broken.reason === 'status') return verdict('skip', 'errorPage', { url: statement.url, status: broken.status }, [], facts);
      if (broken.reason === 'notFound') return verdict('skip', 'notFoundPage', { url: statement.url, phrase: broken.phrase }, [], facts);
      return verdict('skip', 'homePage', { url: statement.linkedUrl ?? statement.url }, [], facts);
    }
    const analysis = statementAnalysis(statement);
    const controller = analysis.elements.find((element) => element.id === 'controller')?.sentences;
    const country = shopCountry({ target: evidence.target, declaredLang: statement.declaredLang, detectedLang: analysis.language.lang, controller });
    return judge(statement.url, statement.format, analysis, country, statement.note);
  },
};

/** Elements that count towards "what the law asks for" on this statement. */
function counted(element: ElementFinding): boolean {
  return element.status !== 'notApplicable' && (element.requirement === 'core' || element.requirement === 'required' || element.requirement === 'conditional');
}

/** `note`: what limited reading the text (a PDF cut at 30 pages), shown with the facts. */
function judge(url: string, format: string, analysis: StatementAnalysis, country: ShopCountry | undefined, note?: string): CheckVerdict {
  const applicable = analysis.elements.filter(counted);
  const gaps = applicable.filter((element) => element.status !== 'found');
  const rightsStated = analysis.elements.filter((element) => (RIGHT_ELEMENTS as readonly string[]).includes(element.id) && element.status === 'found').length;
  const coreGaps = gaps.filter((element) => CORE_ELEMENTS.has(element.id));
  // Core gaps first, then the rest in statement order: the summary names them in this order.
  const ordered = [...coreGaps, ...gaps.filter((element) => !CORE_ELEMENTS.has(element.id))];
  const missing = ordered.filter((element) => element.status !== 'denied');
  const denied = ordered.filter((element) => element.status === 'denied');

  // The advice is about the elements the summary names; recommendations only when nothing the law asks for is missing.
  // The authority is named as the statement should name it: in the statement's language.
  const authority = country ? { country, lang: analysis.language.lang ?? analysis.declaredLang ?? 'en' } : undefined;
  const advice: MessageRef[] = ordered.flatMap((element) => adviceFor(element, authority));
  if (gaps.length === 0) {
    for (const element of analysis.elements) {
      if (element.status === 'found') continue;
      if (element.requirement === 'recommended' || element.requirement === 'optional') advice.push(...adviceFor(element, authority));
    }
  }

  const facts = {
    url,
    format,
    ...(note ? { note } : {}),
    language: {
      detected: analysis.language.lang ?? null,
      confidence: analysis.language.confidence,
      declared: analysis.declaredLang ?? null,
      functionWordHits: analysis.language.hits,
    },
    sentences: analysis.sentenceCount,
    reliesOn: analysis.reliesOn,
    rightsStated,
    country: country ? { country: country.country, from: country.from, authority: country.authority.name } : null,
    elements: analysis.elements.map((element) => ({
      element: element.id,
      requirement: element.requirement,
      status: element.status,
      ...(element.note ? { note: element.note } : {}),
      ...(element.sentences.length ? { sentences: element.sentences } : {}),
      ...(element.lang ? { matchedLanguage: element.lang } : {}),
    })),
  };
  if (gaps.length === 0) return verdict('pass', 'complete', { url, total: applicable.length }, advice, facts);
  const status = coreGaps.length > 0 || rightsStated < MIN_RIGHTS_STATED ? 'fail' : 'warn';
  return { status, summary: gapSummary(url, applicable.length, missing, denied), advice, evidence: facts };
}

/** "misses a, b and c" and/or "takes away d", the elements named in the reader's language. */
function gapSummary(url: string, total: number, missing: ElementFinding[], denied: ElementFinding[]): MessageRef {
  const names = (elements: ElementFinding[]): string[] => elements.map((element) => `element_${elementTextId(element)}`);
  if (missing.length === 0) return { key: 'denies', params: { url }, lists: { denied: names(denied) } };
  const params = { url, count: missing.length, total };
  if (denied.length === 0) return { key: 'gaps', params, lists: { missing: names(missing) } };
  return { key: 'gapsAndDenies', params, lists: { missing: names(missing), denied: names(denied) } };
}

/** The text id of what is missing: the element, or the part of it that is (contact details, a safeguard). */
function elementTextId(element: ElementFinding): string {
  if (element.id === 'controller' && element.note === 'noContact') return 'controllerContact';
  if (element.id === 'transfers') return element.note === 'noSafeguard' ? 'transfersSafeguard' : 'transfersMention';
  return element.id;
}

interface AuthorityToName {
  country: ShopCountry;
  lang: string;
}

function adviceFor(element: ElementFinding, authority: AuthorityToName | undefined): MessageRef[] {
  const advice: MessageRef[] = [];
  if (element.status === 'denied' && element.sentences[0]) advice.push(msg('denied', { sentence: element.sentences[0] }));
  if (element.id === 'complaint') advice.push(complaintAdvice(authority));
  else advice.push(msg(`add_${elementTextId(element)}`));
  return advice;
}

/** Name the shop's own authority; none when its country cannot be told (never ours by default). */
function complaintAdvice(toName: AuthorityToName | undefined): MessageRef {
  if (!toName) return msg('add_complaint');
  const { authority } = toName.country;
  // Most German businesses answer to their federal state's authority, not the federal BfDI.
  if (authority.federal) return msg('add_complaintFederalState', { website: authority.website });
  return msg('add_complaintAuthority', { authority: authorityDisplayName(authority, toName.lang), website: authority.website });
}

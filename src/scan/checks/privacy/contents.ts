/**
 * privacy.statement.contents: the privacy statement states every element GDPR art. 13 requires.
 * The analysis (src/scan/privacy/statement) is pattern-based per language, so every element
 * found comes with the sentence that states it; the evidence lists them all.
 */
import { msg, verdict, type Check, type CheckVerdict, type MessageRef } from '../../check.js';
import type { ScanEvidence } from '../../evidence/index.js';
import type { PrivacyEvidence } from '../../evidence/privacy.js';
import { analyseStatement, RIGHT_ELEMENTS, type ElementFinding, type StatementAnalysis } from '../../privacy/statement/index.js';
import { CONTENTS_TEXTS } from './contents-texts.js';

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
    const analysis = analyseStatement(statement.text, statement.declaredLang ? { declaredLang: statement.declaredLang } : {});
    return judge(statement.url, statement.format, analysis, statement.note);
  },
};

/** Elements that count towards "what the law asks for" on this statement. */
function counted(element: ElementFinding): boolean {
  return element.status !== 'notApplicable' && (element.requirement === 'core' || element.requirement === 'required' || element.requirement === 'conditional');
}

/** `note`: what limited reading the text (a PDF cut at 30 pages), shown with the facts. */
function judge(url: string, format: string, analysis: StatementAnalysis, note?: string): CheckVerdict {
  const applicable = analysis.elements.filter(counted);
  const gaps = applicable.filter((element) => element.status !== 'found');
  const rightsStated = analysis.elements.filter((element) => (RIGHT_ELEMENTS as readonly string[]).includes(element.id) && element.status === 'found').length;
  const coreGaps = gaps.filter((element) => CORE_ELEMENTS.has(element.id));

  const advice: MessageRef[] = [];
  // Core gaps first, then the rest in statement order, then recommendations.
  for (const element of [...coreGaps, ...gaps.filter((element) => !CORE_ELEMENTS.has(element.id))]) advice.push(...adviceFor(element));
  for (const element of analysis.elements) {
    if (element.status === 'found') continue;
    if (element.requirement === 'recommended' || element.requirement === 'optional') advice.push(...adviceFor(element));
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
    elements: analysis.elements.map((element) => ({
      element: element.id,
      requirement: element.requirement,
      status: element.status,
      ...(element.note ? { note: element.note } : {}),
      ...(element.sentences.length ? { sentences: element.sentences } : {}),
      ...(element.lang ? { matchedLanguage: element.lang } : {}),
    })),
  };
  const params = { url, count: gaps.length, total: applicable.length };
  if (coreGaps.length > 0 || rightsStated < MIN_RIGHTS_STATED) return verdict('fail', 'coreMissing', params, advice, facts);
  if (gaps.length > 0) return verdict('warn', 'someMissing', params, advice, facts);
  return verdict('pass', 'complete', { url, total: applicable.length }, advice, facts);
}

function adviceFor(element: ElementFinding): MessageRef[] {
  const advice: MessageRef[] = [];
  if (element.status === 'denied' && element.sentences[0]) advice.push(msg('denied', { sentence: element.sentences[0] }));
  if (element.id === 'controller' && element.note === 'noContact') advice.push(msg('add_controllerContact'));
  else if (element.id === 'transfers') advice.push(msg(element.note === 'noSafeguard' ? 'add_transfersSafeguard' : 'add_transfersMention'));
  else advice.push(msg(`add_${element.id}`));
  return advice;
}

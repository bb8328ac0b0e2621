/**
 * Our own `privacy.statement.contents` check, run on a generated statement as the scanner
 * would read it once published (the HTML page's text), so the preview shows the verdict the
 * shop will get. Pure and fast (about a millisecond): no network, no stored state.
 */
import type { Lang } from '../core/lang.js';
import type { Translate } from '../web/i18n.js';
import type { Status } from '../scan/check.js';
import { privacyContents } from '../scan/checks/privacy/contents.js';
import { CHECKS } from '../scan/checks/registry.js';
import { extractText } from '../scan/collect/privacy/statement.js';
import type { ScanEvidence } from '../scan/evidence/index.js';
import { renderMessage } from '../scan/texts.js';
import { renderHtml, type StatementDocument } from './generator/index.js';

export interface SelfCheck {
  status: Status;
  summary: string;
  advice: string[];
}

/**
 * The check's own summary names the statement's URL, which a preview does not have yet, so the
 * summary is said in the interface's words; the advice per missing element is the check's.
 */
export function selfCheck(doc: StatementDocument, t: Translate, lang: Lang, now = new Date()): SelfCheck {
  const page = extractText(renderHtml(doc, { standalone: true }));
  const statement = { url: 'https://example.invalid/privacy', format: 'html' as const, text: page.text, ...(page.declaredLang ? { declaredLang: page.declaredLang } : {}) };
  const evidence: ScanEvidence = { target: 'example.invalid', collectedAt: now.toISOString(), privacy: { crawl: { statement }, browser: {} } };
  const verdict = privacyContents.run(evidence, { now });
  return {
    status: verdict.status,
    summary:
      verdict.status === 'pass'
        ? t('privacyStatement.check.complete', { total: Number(verdict.summary.params?.total ?? 0) })
        : t('privacyStatement.check.missing', { count: Number(verdict.summary.params?.count ?? 0), total: Number(verdict.summary.params?.total ?? 0) }),
    advice: verdict.advice.map((message) => renderMessage(CHECKS, privacyContents, message, lang)),
  };
}

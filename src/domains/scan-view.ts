/**
 * How a scan looks in the browser: the score, what changed since the previous scan,
 * then every check grouped by severity with the same summary and advice texts as the
 * CLI (renderReport), and the evidence folded away for whoever wants the details.
 */
import type { Lang } from '../core/lang.js';
import type { Scan, ScanStatus } from '../db/schema.js';
import type { Status } from '../scan/check.js';
import { findCheck } from '../scan/checks/registry.js';
import type { ScanReport } from '../scan/engine.js';
import { timeTag } from '../web/view.js';
import { html, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { isEmptyDiff, type ScanDiff, type StatusChange } from './scan-diff.js';

/** Report order on the page: what needs action first. */
export const SEVERITY_ORDER: readonly Status[] = ['fail', 'error', 'warn', 'info', 'pass', 'skip'];

/** "2026-11-22 14:03 UTC" in a <time> element (timestamps are stored as ISO UTC). */
export function scanStatusBadge(status: ScanStatus, t: Translate): SafeHtml {
  return html`<span class="status status-${status}">${t(`scan.status.${status}`)}</span>`;
}

export function checkTitle(id: string, lang: Lang): string {
  return findCheck(id)?.texts[lang].title ?? id;
}

export function scoreText(score: number | null, t: Translate): string {
  return score === null ? t('scan.noScore') : t('scan.scoreValue', { score });
}

function changeItem(change: StatusChange, lang: Lang, t: Translate): SafeHtml {
  const before = change.before ? t(`check.word.${change.before}`) : t('check.word.new');
  return html`<li><strong>${checkTitle(change.id, lang)}</strong>: ${t('diff.change', { before, after: t(`check.word.${change.after}`) })}</li>`;
}

export function renderDiff(diff: ScanDiff | null, previousAt: string | null, lang: Lang, t: Translate): SafeHtml {
  if (!diff || !previousAt) return html`<section aria-labelledby="diff"><h2 id="diff">${t('diff.title')}</h2><p>${t('diff.first')}</p></section>`;
  const group = (key: string, changes: StatusChange[], css: string): SafeHtml | string =>
    changes.length === 0 ? '' : html`<h3 class="${css}">${t(key)} (${changes.length})</h3><ul>${changes.map((change) => changeItem(change, lang, t))}</ul>`;
  return html`<section aria-labelledby="diff" class="card">
    <h2 id="diff">${t('diff.title')}</h2>
    <p class="hint">${t('diff.previous', { at: previousAt.slice(0, 16).replace('T', ' ') + ' UTC' })}</p>
    ${isEmptyDiff(diff) ? html`<p>${t('diff.none')}</p>` : ''}
    ${group('diff.newFailures', diff.newFailures, 'diff-fail')}
    ${group('diff.worsened', diff.worsened, 'diff-worse')}
    ${group('diff.improved', diff.improved, 'diff-better')}
  </section>`;
}

type ReportCheck = ScanReport['checks'][number];

function renderCheck(check: ReportCheck, lang: Lang, t: Translate): SafeHtml {
  const needsAction = check.status === 'fail' || check.status === 'warn' || check.status === 'error';
  return html`<article class="check check-${check.status}" id="check-${check.id}">
    <h4><span class="status status-${check.status}">${t(`check.word.${check.status}`)}</span> ${checkTitle(check.id, lang)}</h4>
    <p>${check.summary}</p>
    ${check.advice && needsAction ? html`<p class="advice-label">${t('scan.advice')}</p><p class="advice">${check.advice}</p>` : ''}
    ${check.advice && !needsAction ? html`<p class="advice">${check.advice}</p>` : ''}
    <details><summary id="evidence-${check.id}">${t('scan.evidence')} <code>${check.id}</code></summary><pre class="evidence" tabindex="0" role="group" aria-labelledby="evidence-${check.id}">${JSON.stringify(check.evidence, null, 2)}</pre></details>
  </article>`;
}

/** Every check, grouped by severity (fail, error, warn, info, pass, skip); empty groups are left out. */
export function renderResults(report: ScanReport, lang: Lang, t: Translate): SafeHtml {
  const groups = SEVERITY_ORDER.map((status) => ({ status, checks: report.checks.filter((check) => check.status === status) })).filter(
    (group) => group.checks.length > 0,
  );
  return html`<section aria-labelledby="results">
    <h2 id="results">${t('scan.results')}</h2>
    ${groups.map(
      (group) => html`<section class="severity" aria-labelledby="group-${group.status}" data-status="${group.status}">
        <h3 id="group-${group.status}">${t(`check.status.${group.status}`)} (${group.checks.length})</h3>
        ${group.checks.map((check) => renderCheck(check, lang, t))}
      </section>`,
    )}
  </section>`;
}

export function renderScanMeta(scan: Pick<Scan, 'status' | 'created_at' | 'finished_at'>, t: Translate): SafeHtml {
  return html`<dl class="meta">
    <dt>${t('domain.colStatus')}</dt><dd>${scanStatusBadge(scan.status, t)}</dd>
    <dt>${t('scan.requestedAt')}</dt><dd>${timeTag(scan.created_at)}</dd>
    ${scan.finished_at ? html`<dt>${t('scan.finishedAt')}</dt><dd>${timeTag(scan.finished_at)}</dd>` : ''}
  </dl>`;
}

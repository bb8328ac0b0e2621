/**
 * How a scan looks in the browser: the summary (scan-summary.ts), what changed since the
 * previous scan, then every check by area (folded) and severity with the same summary
 * texts as the CLI (renderReport, with the web's own wording where the CLI's names a
 * flag), and the evidence folded away for whoever wants the details.
 */
import type { Lang } from '../core/lang.js';
import type { Scan, ScanStatus } from '../db/schema.js';
import type { Status } from '../scan/check.js';
import { findCheck } from '../scan/checks/registry.js';
import type { ScanReport } from '../scan/engine.js';
import { byPriority } from '../scan/priority.js';
import { SUMMARY_AREAS, summaryAreaOf, type SummaryArea } from '../scan/score.js';
import { refusedHostOf } from '../scan/target.js';
import { timeTag } from '../web/view.js';
import { escapeHtml, html, jsonWithoutBidi, raw, userSentence, type SafeHtml } from '../web/html.js';
import { ISOLATE_END, ISOLATE_START } from '../scan/texts.js';
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

/** The checks of one summary area (website, e-mail, privacy). */
export function checksOf(report: ScanReport, area: SummaryArea): ReportCheck[] {
  return report.checks.filter((check) => summaryAreaOf(check.id) === area);
}

function countOf(checks: readonly ReportCheck[], status: Status): number {
  return checks.filter((check) => check.status === status).length;
}

/** "2 failed, 1 warning" (only the parts that are not zero), or nothing. */
export function problemCounts(checks: readonly ReportCheck[], t: Translate): string {
  const fail = countOf(checks, 'fail');
  const warn = countOf(checks, 'warn');
  return [fail > 0 ? t('scan.countFail', { count: fail }) : '', warn > 0 ? t('scan.countWarn', { count: warn }) : ''].filter(Boolean).join(', ');
}

/**
 * A summary or advice rendered with renderReport(..., { isolate: true }): escaped, and each
 * value from the scan (a host, a header, a record: what a site wrote) isolated in <bdi>.
 */
export function scanText(text: string): SafeHtml {
  // Even parts are our own words, odd parts a scanned value: only our words may mark `config lines`.
  const parts = text.split(new RegExp(`${ISOLATE_START}|${ISOLATE_END}`));
  return raw(parts.map((part, index) => (index % 2 === 1 ? `<bdi>${escapeHtml(part)}</bdi>` : ownWords(part))).join(''));
}

/** Our own text, escaped, with each `quoted configuration line` shown as code. */
function ownWords(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

function renderCheck(check: ReportCheck, lang: Lang, t: Translate): SafeHtml {
  const needsAction = check.status === 'fail' || check.status === 'warn' || check.status === 'error';
  return html`<article class="check check-${check.status}" id="check-${check.id}">
    <h4><span class="status status-${check.status}">${t(`check.word.${check.status}`)}</span> ${checkTitle(check.id, lang)}</h4>
    <p>${scanText(check.summary)}</p>
    ${check.advice && needsAction ? html`<p class="advice-label">${t('scan.advice')}</p><p class="advice">${scanText(check.advice)}</p>` : ''}
    ${check.advice && !needsAction ? html`<p class="advice">${scanText(check.advice)}</p>` : ''}
    <details><summary id="evidence-${check.id}">${t('scan.evidence')} <code>${check.id}</code></summary><pre class="evidence" tabindex="0" role="group" aria-labelledby="evidence-${check.id}">${jsonWithoutBidi(JSON.stringify(check.evidence, null, 2))}</pre></details>
  </article>`;
}

/**
 * Checks that could not be done (or do not apply) for one and the same reason, e.g.
 * fourteen mail checks behind one closed port 25, as one line naming how many and why.
 */
function renderSameCause(checks: ReportCheck[], lang: Lang, t: Translate): SafeHtml {
  const [first] = checks;
  if (!first) return html``;
  return html`<article class="check check-${first.status} same-cause">
    <h4><span class="status status-${first.status}">${t(`check.word.${first.status}`)}</span> ${t('scan.sameCause', { count: checks.length })}</h4>
    <p>${scanText(first.summary)}</p>
    <p class="hint">${checks.map((check, index) => html`${index > 0 ? ', ' : ''}<span id="check-${check.id}">${checkTitle(check.id, lang)}</span>`)}</p>
  </article>`;
}

/** A group's checks, most urgent first; for error and skip, checks with the same summary and no advice are told once. */
function renderGroup(status: Status, checks: ReportCheck[], lang: Lang, t: Translate): SafeHtml[] {
  const ordered = byPriority(checks);
  if (status !== 'error' && status !== 'skip') return ordered.map((check) => renderCheck(check, lang, t));
  const bySummary = new Map<string, ReportCheck[]>();
  for (const check of ordered) {
    const key = check.advice ? `${check.id}\u0000` : check.summary;
    bySummary.set(key, [...(bySummary.get(key) ?? []), check]);
  }
  return [...bySummary.values()].map((same) => (same.length > 1 ? renderSameCause(same, lang, t) : renderCheck(same[0] as ReportCheck, lang, t)));
}

function renderAreaDetails(report: ScanReport, area: SummaryArea, lang: Lang, t: Translate): SafeHtml | string {
  const checks = checksOf(report, area);
  if (checks.length === 0) return '';
  const groups = SEVERITY_ORDER.map((status) => ({ status, checks: checks.filter((check) => check.status === status) })).filter((group) => group.checks.length > 0);
  const counts = problemCounts(checks, t);
  return html`<details class="area-details" id="details-${area}">
    <summary><strong id="details-${area}-name">${t(`scan.area.${area}`)}</strong>: ${t('scan.countChecks', { count: checks.length })}${counts ? ` (${counts})` : ''}</summary>
    ${groups.map(
      // Named with the area too: every area can have a "Failed (2)" group, and landmarks need distinct names.
      (group) => html`<section class="severity" aria-labelledby="details-${area}-name group-${area}-${group.status}" data-status="${group.status}">
        <h3 id="group-${area}-${group.status}">${t(`check.status.${group.status}`)} (${group.checks.length})</h3>
        ${renderGroup(group.status, group.checks, lang, t)}
      </section>`,
    )}
  </details>`;
}

/** Every check, by area (website, e-mail, privacy), each area folded; within an area by severity, then priority. */
export function renderResults(report: ScanReport, lang: Lang, t: Translate): SafeHtml {
  return html`<section aria-labelledby="results">
    <h2 id="results">${t('scan.results')}</h2>
    ${SUMMARY_AREAS.map((area) => renderAreaDetails(report, area, lang, t))}
  </section>`;
}

/**
 * Why a scan failed, in the page's language where we know the reason: a target that
 * resolves only to private addresses (the CLI's words name its --allow-private flag) or a
 * worker that kept stopping. Other reasons are shown as the scanner gave them.
 */
export function failureText(error: string | null, t: Translate): SafeHtml | string {
  const refused = refusedHostOf(error ?? '');
  if (refused) return userSentence(t, 'scan.failedRefused', { host: refused });
  const attempts = /^the scan was started (\d+) times and its worker stopped each time/.exec(error ?? '')?.[1];
  if (attempts) return t('scan.failedWorker', { count: Number(attempts) });
  return userSentence(t, 'scan.failedText', { error: error ?? '' });
}

export function renderScanMeta(scan: Pick<Scan, 'status' | 'created_at' | 'finished_at'>, t: Translate): SafeHtml {
  return html`<dl class="meta">
    <dt>${t('domain.colStatus')}</dt><dd>${scanStatusBadge(scan.status, t)}</dd>
    <dt>${t('scan.requestedAt')}</dt><dd>${timeTag(scan.created_at)}</dd>
    ${scan.finished_at ? html`<dt>${t('scan.finishedAt')}</dt><dd>${timeTag(scan.finished_at)}</dd>` : ''}
  </dl>`;
}

/**
 * The top of a scan result: what a shop owner takes in at a glance. Per area (website,
 * e-mail, privacy) a score drawn as a ring (server-rendered SVG, hidden from screen
 * readers, which read the same score as text beside it) and the three most important
 * things to do, most urgent first (src/scan/priority.ts), each with who usually fixes it.
 */
import type { Lang } from '../core/lang.js';
import type { ScanReport } from '../scan/engine.js';
import { byPriority, fixedByOf, needsAction } from '../scan/priority.js';
import { SUMMARY_AREAS, type SummaryArea } from '../scan/score.js';
import { html, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { checksOf, checkTitle, problemCounts, scanText, scoreText } from './scan-view.js';

/** Actions shown per area in the summary; the rest are in the details. */
export const ACTIONS_PER_AREA = 3;

type ReportCheck = ScanReport['checks'][number];

/** The area's findings that ask for action, most urgent first. */
export function actionsOf(report: ScanReport, area: SummaryArea): ReportCheck[] {
  return byPriority(checksOf(report, area).filter((check) => needsAction(check.status)));
}

function band(score: number): string {
  return score >= 90 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

/** A ring whose filled part is the score (the circle's circumference is 100, so the dash is the score). */
export function gauge(score: number | null): SafeHtml {
  const value = score === null ? '' : html`<circle class="gauge-value" cx="18" cy="18" r="15.9155" stroke-dasharray="${String(score)} 100" transform="rotate(-90 18 18)"/>`;
  return html`<svg class="gauge gauge-${score === null ? 'none' : band(score)}" viewBox="0 0 36 36" width="76" height="76" aria-hidden="true" focusable="false">
    <circle class="gauge-track" cx="18" cy="18" r="15.9155"/>${value}
    <text class="gauge-text" x="18" y="21.5" text-anchor="middle">${score === null ? '–' : String(score)}</text>
  </svg>`;
}

function renderAction(check: ReportCheck, lang: Lang, t: Translate): SafeHtml {
  return html`<li class="action action-${check.status}">
    <span class="status status-${check.status}">${t(`check.word.${check.status}`)}</span> <a href="#check-${check.id}">${checkTitle(check.id, lang)}</a>
    <p>${scanText(check.summary)}</p>
    <p class="fixed-by">${t('scan.fixedBy.label')} <strong>${t(`scan.fixedBy.${fixedByOf(check.id)}`)}</strong></p>
  </li>`;
}

function renderArea(report: ScanReport, area: SummaryArea, score: number | null, lang: Lang, t: Translate): SafeHtml {
  const checks = checksOf(report, area);
  const actions = actionsOf(report, area);
  const shown = actions.slice(0, ACTIONS_PER_AREA);
  let body: SafeHtml;
  // A name that does not exist has one finding (domain.exists) for the whole scan: each area says that, not "not scanned".
  const missing = report.checks.find((check) => check.id === 'domain.exists' && check.status === 'fail');
  if (checks.length === 0) body = html`<p>${missing ? scanText(missing.summary) : t('scan.notScannedArea')}</p>`;
  else if (actions.length === 0) body = html`<p>${t('scan.noActions')}</p>`;
  else {
    body = html`<h4 class="actions-title">${t('scan.actions')}</h4>
      <ol class="area-actions">${shown.map((check) => renderAction(check, lang, t))}</ol>
      ${actions.length > shown.length ? html`<p class="hint"><a href="#details-${area}">${t('scan.moreActions', { count: actions.length - shown.length })}</a></p>` : ''}`;
  }
  const counts = problemCounts(checks, t);
  return html`<article class="area card" id="area-${area}" aria-labelledby="area-${area}-title">
    <div class="area-head">
      ${gauge(score)}
      <div>
        <h3 id="area-${area}-title">${t(`scan.area.${area}`)}</h3>
        <p class="area-score">${scoreText(score, t)}</p>
        ${counts ? html`<p class="hint">${counts}</p>` : ''}
      </div>
    </div>
    ${body}
  </article>`;
}

/** The summary section: one card per area. */
export function renderSummary(report: ScanReport, scores: Record<SummaryArea, number | null>, lang: Lang, t: Translate): SafeHtml {
  return html`<section aria-labelledby="summary" class="summary">
    <h2 id="summary">${t('scan.summary')}</h2>
    <p class="hint">${t('scan.summaryIntro')}</p>
    <div class="areas">${SUMMARY_AREAS.map((area) => renderArea(report, area, scores[area], lang, t))}</div>
  </section>`;
}

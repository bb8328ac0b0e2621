/**
 * The organisation's overview: its domains with their latest scan, a form to add one,
 * and a short "what to fix first" list built from the failed checks of the latest
 * finished scan of each domain.
 */
import { domainDisplay } from '../core/domain-name.js';
import type { Lang } from '../core/lang.js';
import type { Org, Role } from '../db/schema.js';
import { CHECKS, findCheck } from '../scan/checks/registry.js';
import { compareFindings, fixedByOf } from '../scan/priority.js';
import { renderMessage } from '../scan/texts.js';
import { roleAtLeast } from '../web/context.js';
import { parseResult, type DomainWithLatest } from './data.js';
import { html, userText, type SafeHtml } from '../web/html.js';
import type { Translate } from '../web/i18n.js';
import { checkTitle, scanStatusBadge, scanText, scoreText } from './scan-view.js';
import { timeTag } from '../web/view.js';

export interface FixItem {
  scanId: string;
  target: string;
  checkId: string;
  summary: string;
}

/**
 * The failed checks across the given scans (already ordered worst first), with the same
 * summary text renderReport gives; only failed checks are rendered, as this runs on
 * every load of the overview.
 */
/**
 * A finished scan never changes, so its failed findings are rendered once per language
 * and kept (bounded): parsing ~30 KiB of result JSON per scan on every dashboard view
 * was the page's second-largest cost in the platform benchmark.
 */
const FIX_MEMO_LIMIT = 2_000;
const fixMemo = new Map<string, FixItem[]>();

function renderFindings(scan: { id: string; target: string }, json: string | null, lang: Lang): FixItem[] {
  const result = parseResult(json);
  if (!result) return [];
  const items: FixItem[] = [];
  for (const { id, status, verdict } of result.results) {
    const check = status === 'fail' ? findCheck(id) : undefined;
    if (check) items.push({ scanId: scan.id, target: scan.target, checkId: id, summary: renderMessage(CHECKS, check, verdict.summary, lang, { surface: 'web', isolate: true }) });
  }
  return items;
}

/**
 * The failed findings of these finished scans, most urgent first (src/scan/priority.ts,
 * docs/priorities.md); results are read (via load) only for scans not in the memo.
 */
export async function fixFirstItems(
  scans: { id: string; target: string }[],
  lang: Lang,
  load: (ids: string[]) => Promise<Map<string, string | null>>,
): Promise<FixItem[]> {
  const missing = scans.filter((scan) => !fixMemo.has(`${scan.id}:${lang}`));
  const loaded = await load(missing.map((scan) => scan.id));
  const items = scans.flatMap((scan) => {
    const memoKey = `${scan.id}:${lang}`;
    const cached = fixMemo.get(memoKey);
    if (cached) return cached;
    const rendered = renderFindings(scan, loaded.get(scan.id) ?? null, lang);
    if (fixMemo.size >= FIX_MEMO_LIMIT) fixMemo.delete(fixMemo.keys().next().value as string);
    fixMemo.set(memoKey, rendered);
    return rendered;
  });
  // Stable: equally urgent findings keep the scans' order (worst scan first).
  return items.sort((a, b) => compareFindings({ id: a.checkId, status: 'fail' }, { id: b.checkId, status: 'fail' }));
}

const FIX_FIRST_SHOWN = 10;

function renderFixFirst(orgId: string, items: FixItem[], anyScanned: boolean, lang: Lang, t: Translate): SafeHtml {
  let body: SafeHtml;
  if (!anyScanned) body = html`<p>${t('fixFirst.noScans')}</p>`;
  else if (items.length === 0) body = html`<p>${t('fixFirst.none')}</p>`;
  else {
    const shown = items.slice(0, FIX_FIRST_SHOWN);
    body = html`<p class="hint">${t('fixFirst.intro')}</p>
      <ol class="fix-first">
        ${shown.map(
          (item) => html`<li><a href="/orgs/${orgId}/scans/${item.scanId}#check-${item.checkId}"><strong>${userText(domainDisplay(item.target))}</strong>: ${checkTitle(item.checkId, lang)}</a>
            <br><span>${scanText(item.summary)}</span>
            <br><span class="fixed-by">${t('scan.fixedBy.label')} ${t(`scan.fixedBy.${fixedByOf(item.checkId)}`)}</span></li>`,
        )}
      </ol>
      ${items.length > shown.length ? html`<p>${t('fixFirst.more', { count: items.length - shown.length })}</p>` : ''}`;
  }
  return html`<section aria-labelledby="fix-first" class="card"><h2 id="fix-first">${t('fixFirst.title')}</h2>${body}</section>`;
}

function renderDomainTable(orgId: string, domains: DomainWithLatest[], t: Translate): SafeHtml {
  if (domains.length === 0) return html`<p>${t('overview.noDomains')}</p>`;
  // On a small screen the table scrolls inside its own region, which a keyboard can reach and a screen reader names.
  return html`<div class="table-scroll" role="region" aria-labelledby="domains" tabindex="0"><table aria-labelledby="domains">
    <thead><tr><th scope="col">${t('overview.colDomain')}</th><th scope="col">${t('overview.colLastScan')}</th><th scope="col">${t('overview.colScore')}</th><th scope="col">${t('overview.colMailScore')}</th><th scope="col">${t('overview.colProblems')}</th></tr></thead>
    <tbody>
      ${domains.map(
        ({ domain, latest }) => html`<tr>
          <th scope="row"><a href="/orgs/${orgId}/domains/${domain.id}">${userText(domainDisplay(domain.name))}</a></th>
          <td>${latest ? html`${scanStatusBadge(latest.status, t)} <a href="/orgs/${orgId}/scans/${latest.id}">${timeTag(latest.created_at)}</a>` : t('overview.notScanned')}</td>
          <td>${latest?.status === 'done' ? scoreText(latest.score_web, t) : ''}</td>
          <td>${latest?.status === 'done' ? scoreText(latest.score_mail, t) : ''}</td>
          <td>${latest?.status === 'done' ? t('overview.problems', { fail: latest.count_fail ?? 0, warn: latest.count_warn ?? 0 }) : ''}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>`;
}

export interface OverviewView {
  org: Pick<Org, 'id' | 'name'>;
  role: Role;
  domains: DomainWithLatest[];
  fixItems: FixItem[];
  csrfField: SafeHtml;
  /** The add-domain form's value and problem after a failed submit. */
  problem?: string | undefined;
  value?: string | undefined;
  notice?: string | undefined;
}

export function renderOverview(view: OverviewView, lang: Lang, t: Translate): SafeHtml {
  const { org } = view;
  const canEdit = roleAtLeast(view.role, 'member');
  const anyScanned = view.domains.some((entry) => entry.latest?.status === 'done');
  const form = canEdit
    ? html`<section aria-labelledby="add-domain">
        <h2 id="add-domain">${t('domainAdd.title')}</h2>
        <form method="post" action="/orgs/${org.id}/domains" class="stack">
          ${view.csrfField}
          <label for="domain-name">${t('domainAdd.label')}</label>
          <input id="domain-name" name="name" required maxlength="300" autocomplete="url" aria-describedby="domain-name-hint${view.problem ? ' domain-name-problem' : ''}" value="${view.value ?? ''}"${view.problem ? html` aria-invalid="true"` : ''}>
          <p id="domain-name-hint" class="hint">${t('domainAdd.hint')}</p>
          ${view.problem ? html`<p id="domain-name-problem" class="alert" role="alert">${view.problem}</p>` : ''}
          <button type="submit">${t('domainAdd.submit')}</button>
        </form>
      </section>`
    : html`<p class="hint">${t('domainAdd.viewerNote')}</p>`;
  return html`${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
    ${renderFixFirst(org.id, view.fixItems, anyScanned, lang, t)}
    <section>
      <h2 id="domains">${t('overview.domains')}</h2>
      ${renderDomainTable(org.id, view.domains, t)}
    </section>
    ${form}`;
}

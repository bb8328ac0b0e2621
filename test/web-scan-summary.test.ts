/**
 * The scan page's summary and details, and the overview's "what to fix first", rendered
 * from a result with chosen verdicts (every check's own texts, so nothing is made up):
 * actions in priority order with who fixes them, repeated "could not be checked" told
 * once, plurals through i18next, and no CLI flag in any text the web shows.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { fixFirstItems, renderOverview } from '../src/domains/overview-view.js';
import { renderSummary } from '../src/domains/scan-summary.js';
import { renderResults } from '../src/domains/scan-view.js';
import type { Check, CheckVerdict, Status } from '../src/scan/check.js';
import { CHECKS, findCheck } from '../src/scan/checks/registry.js';
import { renderReport, type ScanResult } from '../src/scan/engine.js';
import { areaScores, scoreChecks } from '../src/scan/score.js';
import { renderMessage, WEB_SUFFIX } from '../src/scan/texts.js';
import { uiTranslators } from '../src/server/features.js';

const translators = uiTranslators();
const en = translators('en');

/** A verdict of `status` whose summary is the check's own text `key` (default: its first text), placeholders filled. */
function verdictOf(check: Check, status: Status, key?: string, params: Record<string, string | number> = {}): CheckVerdict {
  const texts = check.texts.en;
  const chosen = key ?? Object.keys(texts).find((k) => k !== 'title' && k !== 'verifies' && !k.endsWith(WEB_SUFFIX)) ?? 'title';
  const base = chosen.replace(/_(one|other)$/, '');
  const template = texts[chosen] ?? texts[`${base}_other`] ?? '';
  const filled: Record<string, string | number> = { count: 2 };
  for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g)) if (name && name !== 'count') filled[name] = `${name}-x`;
  return { status, summary: { key: base, params: { ...filled, ...params } }, advice: [], evidence: {} };
}

function resultOf(entries: [string, Status, string?, Record<string, string | number>?][]): ScanResult {
  const results = entries.map(([id, status, key, params]) => {
    const check = findCheck(id);
    if (!check) throw new Error(`no check ${id}`);
    return { id, status, verdict: verdictOf(check, status, key, params) };
  });
  return {
    target: 'shop.test',
    startedAt: '2026-12-07T10:00:00.000Z',
    durationMs: 1000,
    evidence: { target: 'shop.test', collectedAt: '2026-12-07T10:00:00.000Z' },
    results,
    score: scoreChecks(results.map(({ id, status }) => ({ id, status }))),
  };
}

/** The privacy statement misses its core, trackers and cookies before consent, no HSTS, no CSP. */
const SHOP = resultOf([
  ['web.https.available', 'pass'],
  ['web.hsts', 'fail'],
  ['web.headers.csp', 'fail'],
  ['web.headers.frame', 'fail'],
  ['web.headers.referrer-policy', 'warn'],
  ['privacy.statement.linked', 'pass'],
  ['privacy.statement.contents', 'fail'],
  ['privacy.cookies.before-consent', 'fail'],
  ['privacy.third-parties.before-consent', 'fail'],
  ['privacy.forms', 'warn'],
]);

const ids = (html: string, pattern: RegExp): string[] => [...html.matchAll(pattern)].map((m) => m[1] ?? '');

describe('the scan summary', () => {
  it('gives each area a score ring with the score as text, and its three most urgent actions with who fixes them', () => {
    const report = renderReport(SHOP, 'en', { surface: 'web' });
    const html = String(renderSummary(report, areaScores(SHOP.score), 'en', en));
    const privacy = html.slice(html.indexOf('id="area-privacy"'));
    expect(ids(privacy, /href="#check-([^"]+)"/g)).toEqual(['privacy.third-parties.before-consent', 'privacy.cookies.before-consent', 'privacy.statement.contents']);
    expect(privacy).toContain(`${en('scan.fixedBy.label')} <strong>${en('scan.fixedBy.shop')}</strong>`);
    expect(privacy).toContain(en('scan.moreActions', { count: 1 }));
    expect(en('scan.moreActions', { count: 1 })).toBe('And 1 more thing to do; see the details.');
    const web = html.slice(html.indexOf('id="area-web"'), html.indexOf('id="area-mail"'));
    expect(ids(web, /href="#check-([^"]+)"/g)).toEqual(['web.hsts', 'web.headers.csp', 'web.headers.frame']);
    expect(web).toMatch(/<svg class="gauge gauge-\w+"[^>]*aria-hidden="true"/);
    expect(web).toContain(en('scan.scoreValue', { score: areaScores(SHOP.score).web ?? -1 }));
    // E-mail was not part of this scan.
    expect(html.slice(html.indexOf('id="area-mail"'), html.indexOf('id="area-privacy"'))).toContain(en('scan.notScannedArea'));
  });

  it('tells checks that could not be done for the same reason once, naming how many', () => {
    const smtpChecks = CHECKS.filter((check) => 'smtpFailed' in check.texts.en).map((check) => check.id);
    expect(smtpChecks.length).toBeGreaterThan(10);
    const result = resultOf([
      ...smtpChecks.map((id) => [id, 'error', 'smtpFailed', { host: 'mx.shop.test', reason: 'connection refused on port 25' }] as [string, Status, string, Record<string, string>]),
      ['mail.spf', 'error'],
    ]);
    for (const lang of LANGS) {
      const t = translators(lang);
      const html = String(renderResults(renderReport(result, lang, { surface: 'web' }), lang, t));
      const sentence = renderReport(result, lang, { surface: 'web' }).checks.find((check) => check.id === smtpChecks[0])?.summary ?? 'missing';
      expect(html.split(sentence.replace(/'/g, '&#39;')).length - 1, lang).toBe(1);
      expect(html).toContain(t('scan.sameCause', { count: smtpChecks.length }));
      // Every check keeps its anchor, so links from the summary and the overview still land.
      for (const id of smtpChecks) expect(html).toContain(`id="check-${id}"`);
    }
    expect(en('scan.sameCause', { count: 14 })).toBe('14 checks could not be done for the same reason');
  });
});

describe('what to fix first on the overview', () => {
  it('lists the privacy and consent failures first, says who fixes each, and counts the rest in the right plural', async () => {
    const many = resultOf([
      ['web.hsts', 'fail'],
      ['web.headers.csp', 'fail'],
      ['web.headers.frame', 'fail'],
      ['web.headers.content-type-options', 'fail'],
      ['web.headers.referrer-policy', 'fail'],
      ['web.security-txt', 'fail'],
      ['web.ipv6', 'fail'],
      ['web.tls.cipher-order', 'fail'],
      ['privacy.statement.contents', 'fail'],
      ['privacy.cookies.before-consent', 'fail'],
      ['privacy.third-parties.before-consent', 'fail'],
    ]);
    const items = await fixFirstItems([{ id: 'scan-many', target: 'shop.test' }], 'en', () => Promise.resolve(new Map([['scan-many', JSON.stringify(many)]])));
    expect(items.slice(0, 3).map((item) => item.checkId)).toEqual(['privacy.third-parties.before-consent', 'privacy.cookies.before-consent', 'privacy.statement.contents']);
    const html = String(
      renderOverview(
        { org: { id: 'org', name: 'Shop' }, role: 'owner', domains: [{ domain: { id: 'd', name: 'shop.test' }, latest: { id: 'scan-many', status: 'done', created_at: '2026-12-07T10:00:00.000Z', score_web: 10, score_mail: null, count_fail: 11, count_warn: 0 } }] as never, fixItems: items, csrfField: '' as never },
        'en',
        en,
      ),
    );
    expect(html).toContain('And 1 more failed check; see the scan results.');
    expect(html).toContain(`${en('scan.fixedBy.label')} ${en('scan.fixedBy.owner')}`);
  });
});

describe('one language at a time: no CLI flag in what the web shows', () => {
  // A tool's own option named as such (certbot --key-type) is advice for whoever runs that tool, not one of ours.
  const FLAG = /(?<!certbot )--[a-z][a-z-]*/;

  it('has no --flag in any check text the web renders, in any language', () => {
    const offenders: string[] = [];
    for (const check of CHECKS) {
      for (const lang of LANGS) {
        const texts = check.texts[lang];
        for (const key of Object.keys(texts).filter((k) => !k.endsWith(WEB_SUFFIX))) {
          const shown = texts[`${key}${WEB_SUFFIX}`] ?? texts[key] ?? '';
          if (FLAG.test(shown)) offenders.push(`${check.id} ${lang} ${key}: ${shown}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renders the web wording on the web and the flag in the CLI', () => {
    const dkim = findCheck('mail.dkim');
    if (!dkim) throw new Error('no mail.dkim');
    const web = renderMessage(CHECKS, dkim, { key: 'giveSelector' }, 'nl', { surface: 'web' });
    expect(web).toContain('DKIM-selectors');
    expect(web).not.toMatch(FLAG);
    expect(renderMessage(CHECKS, dkim, { key: 'giveSelector' }, 'nl')).toContain('--dkim-selector');
  });
});

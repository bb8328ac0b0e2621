/**
 * What to fix first (src/scan/priority.ts, docs/priorities.md): privacy and consent
 * before certificates and HTTPS, before mail spoofing, before hardening headers; every
 * check in the registry has a place and someone who usually fixes it, and the docs list
 * the same order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/cli/text-report.js';
import { SCANS_TEXTS } from '../src/domains/texts.js';
import { LANGS } from '../src/core/lang.js';
import type { Status } from '../src/scan/check.js';
import { CHECKS } from '../src/scan/checks/registry.js';
import { byPriority, FIXERS, PRIORITIES, priorityOf } from '../src/scan/priority.js';

/** A scan of a shop with a privacy statement missing its core elements, trackers and tracking cookies before consent, no HSTS and no CSP. */
const FINDINGS: { id: string; status: Status }[] = [
  { id: 'web.https.available', status: 'pass' },
  { id: 'web.hsts', status: 'fail' },
  { id: 'web.headers.csp', status: 'fail' },
  { id: 'web.headers.referrer-policy', status: 'warn' },
  { id: 'mail.starttls', status: 'error' },
  { id: 'privacy.statement.linked', status: 'pass' },
  { id: 'privacy.statement.contents', status: 'fail' },
  { id: 'privacy.cookies.before-consent', status: 'fail' },
  { id: 'privacy.third-parties.before-consent', status: 'fail' },
];

describe('what to fix first', () => {
  it('puts the privacy and consent findings first, in the documented order, before HSTS and CSP', () => {
    const actions = byPriority(FINDINGS).map((finding) => finding.id);
    expect(actions.slice(0, 5)).toEqual([
      'privacy.third-parties.before-consent',
      'privacy.cookies.before-consent',
      'privacy.statement.contents',
      'web.hsts',
      'web.headers.csp',
    ]);
    // Nothing to do (pass, error) comes after every action.
    expect(actions.indexOf('web.headers.referrer-policy')).toBeLessThan(actions.indexOf('mail.starttls'));
    expect(actions.indexOf('web.headers.referrer-policy')).toBeLessThan(actions.indexOf('web.https.available'));
  });

  it('ranks expired or untrusted certificates, missing HTTPS and mail spoofing above hardening headers', () => {
    const ids = ['web.headers.csp', 'mail.dmarc', 'web.hsts', 'mail.spf', 'web.https.available', 'web.cert.expiry', 'web.cert.trust', 'web.headers.frame'];
    const order = byPriority(ids.map((id) => ({ id, status: 'fail' as const }))).map((finding) => finding.id);
    expect(order).toEqual(['web.cert.expiry', 'web.cert.trust', 'web.https.available', 'mail.dmarc', 'mail.spf', 'web.hsts', 'web.headers.csp', 'web.headers.frame']);
  });

  it('counts a warning one group lower than a failure of the same check', () => {
    const order = byPriority([
      { id: 'web.https.available', status: 'fail' },
      { id: 'privacy.cookies.before-consent', status: 'warn' },
      { id: 'web.headers.csp', status: 'fail' },
    ]).map((finding) => finding.id);
    expect(order).toEqual(['web.https.available', 'privacy.cookies.before-consent', 'web.headers.csp']);
  });

  it('gives every check in the registry a priority and who fixes it, with a label in every language', () => {
    for (const check of CHECKS) {
      const priority = priorityOf(check.id);
      expect(priority, `${check.id} has no priority in src/scan/priority.ts`).toBeDefined();
      expect(FIXERS).toContain(priority?.fixedBy);
      for (const lang of LANGS) expect(SCANS_TEXTS[lang][`scan.fixedBy.${priority?.fixedBy ?? ''}`], `${lang} ${check.id}`).toBeTruthy();
    }
    // And no entry for a check that does not exist.
    const ids = new Set(CHECKS.map((check) => check.id));
    expect([...PRIORITIES.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('is the order docs/priorities.md lists', () => {
    const doc = readFileSync(new URL('../docs/priorities.md', import.meta.url), 'utf8');
    const listed = [...doc.matchAll(/^\| \d+ \| `([a-z0-9.-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...PRIORITIES.keys()]);
  });

  it('orders the CLI text report the same way', () => {
    const report = {
      target: 'shop.test',
      startedAt: '2026-12-07T00:00:00.000Z',
      durationMs: 1000,
      scores: { web: 50, mail: null, overall: 50 },
      checks: FINDINGS.map((finding) => ({ ...finding, summary: `summary of ${finding.id}`, advice: '', evidence: {} })),
    };
    const text = renderText(report, 'en', { colour: false });
    const failed = [...text.matchAll(/✗ summary of (\S+)/g)].map((m) => m[1]);
    expect(failed).toEqual(['privacy.third-parties.before-consent', 'privacy.cookies.before-consent', 'privacy.statement.contents', 'web.hsts', 'web.headers.csp']);
  });
});

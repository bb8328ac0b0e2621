/**
 * Scoring against the rules written in src/scan/score.ts's header, for every check in the
 * registry (test/score.test.ts has the worked examples). The category of each check is
 * derived here from its id by the documented grouping, not copied from the table.
 */
import { describe, expect, it } from 'vitest';
import type { Status } from '../src/scan/check.js';
import { CHECKS } from '../src/scan/checks/registry.js';
import { SCORE_TABLE, scoreChecks, type ScoredCheck } from '../src/scan/score.js';

/** The documented grouping: area and category of a check, by its id. */
function expectedPlace(id: string): string {
  const rules: [RegExp, string][] = [
    [/^(web\.(address|ipv6)|domain\.exists)$/, 'web.reachability'],
    [/^web\.(https\.|hsts$)/, 'web.https'],
    [/^web\.tls\./, 'web.tls'],
    [/^web\.cert\./, 'web.certificate'],
    [/^web\.(headers\.|cookies$|mixed-content$)/, 'web.headers'],
    [/^web\.(security-txt|exposure|caa)$/, 'web.hygiene'],
    [/^privacy\./, 'web.privacy'],
    [/^(dns\.dnssec|mail\.dnssec)/, 'mail.dnssec'],
    [/^mail\.(spf|dmarc|dkim|non-sending)$/, 'mail.authentication'],
    [/^mail\.(mx|starttls|tls\.|dane$|mta-sts$|tls-rpt$)/, 'mail.transport'],
  ];
  const rule = rules.find(([pattern]) => pattern.test(id));
  if (!rule) throw new Error(`no documented place for ${id}`);
  return rule[1];
}

const ids = CHECKS.map((check) => check.id);
/** Informational, 0 points: web.caa, and domain.exists (only ever alone, in a scan without scores). */
const INFORMATIONAL = ['web.caa', 'domain.exists'];
const scored = ids.filter((id) => !INFORMATIONAL.includes(id));
const all = (status: Status): ScoredCheck[] => ids.map((id) => ({ id, status }));

describe('the score table', () => {
  it('puts every check in its documented area and category', () => {
    const places = Object.fromEntries(Object.entries(SCORE_TABLE).map(([id, entry]) => [id, `${entry.area}.${entry.category}`]));
    expect(places).toEqual(Object.fromEntries(ids.map((id) => [id, expectedPlace(id)])));
  });

  it('gives every check points except the informational ones', () => {
    for (const id of scored) expect(SCORE_TABLE[id]?.points, id).toBeGreaterThan(0);
    for (const id of INFORMATIONAL) expect(SCORE_TABLE[id]?.points, id).toBe(0);
  });
});

describe('scoreChecks over every check', () => {
  it('100 everywhere when everything passes, in exactly the documented categories', () => {
    const { scores, categories, checks } = scoreChecks(all('pass'));
    expect(scores).toEqual({ web: 100, mail: 100, overall: 100 });
    expect(categories.map((c) => `${c.area}.${c.category}`).sort()).toEqual(
      ['web.reachability', 'web.https', 'web.tls', 'web.certificate', 'web.headers', 'web.hygiene', 'web.privacy', 'mail.dnssec', 'mail.authentication', 'mail.transport'].sort(),
    );
    expect(checks.map((c) => c.id)).toEqual(scored);
    for (const check of checks) {
      expect(`${check.area}.${check.category}`, check.id).toBe(expectedPlace(check.id));
      expect(check.earned, check.id).toBe(check.possible);
      expect(check.possible, check.id).toBe(SCORE_TABLE[check.id]?.points);
    }
    for (const category of categories) {
      const members = checks.filter((c) => c.area === category.area && c.category === category.category);
      expect(category.possible).toBe(members.reduce((sum, c) => sum + c.possible, 0));
    }
  });

  it('pass, warn and info earn the points; fail, error and skip earn none but still count', () => {
    const earning: Record<Status, boolean> = { pass: true, warn: true, info: true, fail: false, error: false, skip: false };
    for (const [status, earns] of Object.entries(earning) as [Status, boolean][]) {
      for (const id of scored) {
        const { checks, categories } = scoreChecks([{ id, status }]);
        const points = SCORE_TABLE[id]?.points ?? NaN;
        expect(checks, `${id} ${status}`).toEqual([{ id, area: SCORE_TABLE[id]?.area, category: SCORE_TABLE[id]?.category, earned: earns ? points : 0, possible: points }]);
        expect(categories[0]?.percent, `${id} ${status}`).toBe(earns ? 100 : 0);
      }
    }
  });

  it('zero when everything fails, errs or is skipped, and the areas still score', () => {
    for (const status of ['fail', 'error', 'skip'] as const) {
      expect(scoreChecks(all(status)).scores, status).toEqual({ web: 0, mail: 0, overall: 0 });
    }
  });

  it('leaves out a check that does not apply, and unknown ids', () => {
    const { categories, checks, scores } = scoreChecks([
      { id: 'mail.starttls', status: 'fail', notApplicable: true },
      { id: 'mail.spf', status: 'pass' },
      { id: 'mail.no-such-check', status: 'fail' },
      { id: 'web.hsts', status: 'fail', notApplicable: false },
    ]);
    expect(checks.map((c) => c.id)).toEqual(['mail.spf', 'web.hsts']);
    expect(categories.map((c) => `${c.area}.${c.category}`)).toEqual(['mail.authentication', 'web.https']);
    expect(scores).toEqual({ web: 0, mail: 100, overall: 50 });
  });

  it('an area is the rounded mean of its category percentages; overall the rounded mean of the areas', () => {
    // web: https 2 of 7 (29%), tls 3 of 3 (100%) -> 64.5 -> 65; mail: authentication 3 of 5 (60%).
    const { scores, categories } = scoreChecks([
      { id: 'web.https.available', status: 'fail' },
      { id: 'web.https.redirect', status: 'pass' },
      { id: 'web.hsts', status: 'skip' },
      { id: 'web.tls.version', status: 'warn' },
      { id: 'mail.spf', status: 'info' },
      { id: 'mail.dkim', status: 'error' },
    ]);
    expect(categories.map((c) => [c.category, c.earned, c.possible, c.percent])).toEqual([
      ['https', 2, 7, 29],
      ['tls', 3, 3, 100],
      ['authentication', 3, 5, 60],
    ]);
    expect(scores).toEqual({ web: 65, mail: 60, overall: 63 });
  });
});

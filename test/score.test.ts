import { describe, expect, it } from 'vitest';
import { scoreChecks } from '../src/scan/score.js';

describe('scoring', () => {
  it('gives 100 when every scored check passes or warns', () => {
    const { scores } = scoreChecks([
      { id: 'web.hsts', status: 'pass' },
      { id: 'web.tls.version', status: 'warn' },
      { id: 'web.cert.trust', status: 'pass' },
    ]);
    expect(scores).toEqual({ web: 100, mail: null, overall: 100 });
  });

  it('takes the points of a failed, errored or skipped check', () => {
    const { categories, checks } = scoreChecks([
      { id: 'web.https.available', status: 'pass' }, // 3
      { id: 'web.https.redirect', status: 'fail' }, // 2
      { id: 'web.hsts', status: 'error' }, // 2
      { id: 'web.tls.version', status: 'skip' }, // 3, category tls
    ]);
    expect(categories).toEqual([
      { area: 'web', category: 'https', earned: 3, possible: 7, percent: 43 },
      { area: 'web', category: 'tls', earned: 0, possible: 3, percent: 0 },
    ]);
    expect(checks.find((check) => check.id === 'web.tls.version')).toEqual({ id: 'web.tls.version', area: 'web', category: 'tls', earned: 0, possible: 3 });
  });

  it('averages categories, not checks, and ignores informational checks', () => {
    const { scores, checks } = scoreChecks([
      { id: 'web.https.available', status: 'pass' },
      { id: 'web.tls.version', status: 'fail' },
      { id: 'web.caa', status: 'info' },
    ]);
    expect(scores.web).toBe(50);
    expect(checks.map((c) => c.id)).not.toContain('web.caa');
  });

  it('scores nothing it does not know', () => {
    expect(scoreChecks([]).scores).toEqual({ web: null, mail: null, overall: null });
  });
});

import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/scan/checks/registry.js';
import { areaScores, scoreChecks, SCORE_TABLE, summaryAreaOf } from '../src/scan/score.js';

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

  it('scores the website, e-mail and privacy apart for the summary; the web score of the contract keeps privacy in', () => {
    const breakdown = scoreChecks([
      { id: 'web.https.available', status: 'pass' }, // https 3/3 = 100
      { id: 'web.tls.version', status: 'fail' }, // tls 0/3 = 0
      { id: 'privacy.statement.contents', status: 'fail' }, // privacy 0/3
      { id: 'privacy.statement.linked', status: 'pass' }, // privacy 2/2 -> 2/5 = 40
      { id: 'mail.spf', status: 'pass' },
      { id: 'mail.dmarc', status: 'fail' }, // authentication 3/6 = 50
    ]);
    expect(areaScores(breakdown)).toEqual({ web: 50, mail: 50, privacy: 40 });
    expect(breakdown.scores.web).toBe(47); // (100 + 0 + 40) / 3
    expect(areaScores(scoreChecks([{ id: 'mail.spf', status: 'pass' }]))).toEqual({ web: null, mail: 100, privacy: null });
  });

  it('puts every check in one summary area, and every scored privacy check in the privacy category', () => {
    for (const check of CHECKS) {
      const area = summaryAreaOf(check.id);
      expect(['web', 'mail', 'privacy']).toContain(area);
      const entry = SCORE_TABLE[check.id];
      if (area === 'privacy' && entry) expect(entry.category, check.id).toBe('privacy');
      if (area !== 'privacy' && entry) expect(entry.category, check.id).not.toBe('privacy');
    }
  });
});

/**
 * The web summary of a scan of a name that does not exist: every area card (website, e-mail,
 * privacy) shows "no score" and says the domain does not exist, none says "not part of the
 * scan" (the area was scanned; there was nothing there). The report comes from the engine's
 * own result shape: one domain.exists verdict and no scores.
 */
import { describe, expect, it } from 'vitest';
import { renderSummary } from '../src/domains/scan-summary.js';
import { domainExists } from '../src/scan/checks/domain/exists.js';
import { renderReport, type ScanResult } from '../src/scan/engine.js';
import { areaScores, scoreChecks } from '../src/scan/score.js';
import { uiTranslators } from '../src/server/features.js';

describe('the web summary of a scan of a name that does not exist', () => {
  it('says in every area that the domain does not exist, with no score', () => {
    const evidence = { target: 'gone.example', collectedAt: '', nonexistent: { name: 'gone.example', rcode: 'NXDOMAIN' as const, queried: ['A', 'AAAA'] } };
    const verdict = domainExists.run(evidence, { now: new Date() });
    const result: ScanResult = { target: 'gone.example', startedAt: '', durationMs: 1, evidence, results: [{ id: domainExists.id, status: verdict.status, verdict }], score: scoreChecks([]) };
    const report = renderReport(result, 'en', { surface: 'web' });
    const page = String(renderSummary(report, areaScores(result.score), 'en', uiTranslators()('en')));
    expect(page.match(/gone\.example(<\/bdi>)? does not exist/g)?.length).toBe(3);
    expect(page).not.toContain('This area was not part of the scan');
    expect(page.match(/class="area-score">no score</g)?.length).toBe(3);
  });
});

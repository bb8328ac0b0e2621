import { describe, expect, it, vi } from 'vitest';
import { SKIP_VARIABLE, suiteRuns } from './fixtures/required-tools.js';

describe('suites that need a tool of this machine', () => {
  it('run when every tool is there', () => {
    expect(suiteRuns('interop', { nginx: true, postfix: true }, {})).toBe(true);
  });

  it('fail, naming the missing tools and the way out, whatever CI says', () => {
    for (const env of [{}, { CI: '1' }, { CI: 'true' }, { CI: 'false' }]) {
      expect(() => suiteRuns('interop', { nginx: true, knot: false, unbound: false }, env)).toThrow(/need knot, unbound.*npm run test:all.*WEERBAAR_TEST_SKIP=interop/);
    }
  });

  it('skip only when skipped by name (or all), and say so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(suiteRuns('browser', { chromium: false }, { [SKIP_VARIABLE]: 'interop, browser' })).toBe(false);
    expect(suiteRuns('interop', { knot: false }, { [SKIP_VARIABLE]: 'all' })).toBe(false);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    expect(() => suiteRuns('browser', { chromium: false }, { [SKIP_VARIABLE]: 'interop' })).toThrow(/chromium/);
  });
});

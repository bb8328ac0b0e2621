import { describe, expect, it } from 'vitest';
import { diffScans, isEmptyDiff, type CheckStatus } from '../src/domains/scan-diff.js';

const scan = (entries: Record<string, CheckStatus['status']>): CheckStatus[] => Object.entries(entries).map(([id, status]) => ({ id, status }));

describe('diffScans', () => {
  it('reports nothing when every status is the same', () => {
    const same = scan({ 'web.hsts': 'pass', 'web.cookies': 'fail' });
    const diff = diffScans(same, same);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('puts new failures first, separate from other worsening', () => {
    const diff = diffScans(
      scan({ 'web.hsts': 'pass', 'web.cookies': 'warn', 'web.headers.csp': 'pass', 'web.caa': 'info' }),
      scan({ 'web.hsts': 'fail', 'web.cookies': 'fail', 'web.headers.csp': 'warn', 'web.caa': 'info' }),
    );
    expect(diff.newFailures.map((change) => change.id)).toEqual(['web.hsts', 'web.cookies']);
    expect(diff.worsened).toEqual([{ id: 'web.headers.csp', before: 'pass', after: 'warn' }]);
    expect(diff.improved).toEqual([]);
  });

  it('reports improvements, worst previous status first', () => {
    const diff = diffScans(
      scan({ 'web.hsts': 'warn', 'web.cookies': 'fail', 'web.exposure': 'error' }),
      scan({ 'web.hsts': 'pass', 'web.cookies': 'pass', 'web.exposure': 'pass' }),
    );
    expect(diff.improved.map((change) => change.id)).toEqual(['web.cookies', 'web.exposure', 'web.hsts']);
    expect(diff.newFailures).toEqual([]);
    expect(diff.worsened).toEqual([]);
  });

  it('ranks error between warn and fail', () => {
    const worse = diffScans(scan({ a: 'warn' }), scan({ a: 'error' }));
    expect(worse.worsened).toEqual([{ id: 'a', before: 'warn', after: 'error' }]);
    const better = diffScans(scan({ a: 'fail' }), scan({ a: 'error' }));
    expect(better.improved).toEqual([{ id: 'a', before: 'fail', after: 'error' }]);
  });

  it('does not treat pass and not-applicable as a change worth reporting', () => {
    expect(isEmptyDiff(diffScans(scan({ a: 'pass' }), scan({ a: 'skip' })))).toBe(true);
  });

  it('counts a check that is new and failing as a new failure, and ignores a new passing one', () => {
    const diff = diffScans(scan({ a: 'pass' }), scan({ a: 'pass', b: 'fail', c: 'pass' }));
    expect(diff.newFailures).toEqual([{ id: 'b', before: null, after: 'fail' }]);
    expect(diff.worsened).toEqual([]);
    expect(diff.improved).toEqual([]);
  });

  it('ignores checks that the current scan no longer has', () => {
    expect(isEmptyDiff(diffScans(scan({ gone: 'fail' }), scan({})))).toBe(true);
  });

  it('sorts worsened checks worst outcome first, keeping report order among equals', () => {
    const diff = diffScans(scan({ a: 'pass', b: 'pass', c: 'pass' }), scan({ a: 'warn', b: 'error', c: 'warn' }));
    expect(diff.worsened.map((change) => change.id)).toEqual(['b', 'a', 'c']);
  });
});

/**
 * The before-consent browser at the deadline: it returns at once with what it saw, marked
 * as stopped, and no Chromium process of ours outlives it, even when the page spins its
 * script forever or its body never ends (test/fixtures/bounds-world.ts, under the fixture lock).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type CollectContext } from '../../src/scan/collect/context.js';
import { DnsClient } from '../../src/scan/collect/dns/client.js';
import { createHostResolver } from '../../src/scan/collect/dns/resolve.js';
import { collectBeforeConsent } from '../../src/scan/collect/privacy/browser.js';
import { BOUNDS_DNS, startBoundsWorld, type BoundsWorld } from '../fixtures/bounds-world.js';

/** How soon after the abort the collector must have returned. */
const RETURN_WITHIN_MS = 300;

let world: BoundsWorld;

beforeAll(async () => {
  world = await startBoundsWorld();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function contextAbortingAt(ms: number): { context: CollectContext; abortedAt: () => number } {
  const controller = new AbortController();
  let abortedAt = 0;
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort(new DOMException('the scan deadline was reached', 'TimeoutError'));
  }, ms);
  const dns = new DnsClient({ servers: [{ address: BOUNDS_DNS, port: 53 }], signal: controller.signal });
  const context: CollectContext = {
    dns,
    resolveHost: createHostResolver(dns, { allowPrivate: true }),
    allowPrivate: true,
    ca: [...rootCertificates, readFileSync(world.caFile, 'utf8')],
    limits: { ...DEFAULT_LIMITS, connectTimeoutMs: 2_000, requestTimeoutMs: 3_000 },
    signal: controller.signal,
  };
  return { context, abortedAt: () => abortedAt };
}

/** Chromium processes that are children (at any depth) of this test process. */
function ourChromiums(): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Ended while we looked.
    }
  }
  const mine = (pid: number): boolean => {
    for (let current = parents.get(pid); current !== undefined && current > 1; current = parents.get(current)) if (current === process.pid) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => {
    if (!mine(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('chromium');
    } catch {
      return false;
    }
  });
}

describe('the browser at the deadline', () => {
  // 3.5 s: the page is loading or spinning; 400 ms: Chromium is still starting.
  for (const [target, abortAfterMs] of [
    ['busy.test', 3_500],
    ['body-drip.test', 3_500],
    ['busy.test', 400],
  ] as const) {
    it(`${target}, abort after ${abortAfterMs} ms: returns within ${RETURN_WITHIN_MS} ms, stopped, and leaves no Chromium behind`, async () => {
      const { context, abortedAt } = contextAbortingAt(abortAfterMs);
      const evidence = await collectBeforeConsent(target, context, { resolved: new Map() });
      const returnedAfterAbort = performance.now() - abortedAt();
      expect(abortedAt(), 'the collector returned before the deadline').toBeGreaterThan(0);
      expect(returnedAfterAbort).toBeLessThanOrEqual(RETURN_WITHIN_MS);
      expect(evidence.stopped).toBe('deadline');
      expect(evidence.error).toBeDefined();
      // SIGKILL is delivered at once; give the kernel a moment to reap.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ourChromiums()).toEqual([]);
    }, 30_000);
  }
});

describe('the proxy caps what a page can send', () => {
  it('an endless script is cut, and the load is an error that says so, not a pass', async () => {
    const { context } = contextAbortingAt(20_000);
    const evidence = await collectBeforeConsent('flood.test', context, { resolved: new Map() });
    expect(evidence.stopped, JSON.stringify(evidence).slice(0, 600)).toBe("bytes");
    expect(evidence.error).toMatch(/^stopped: the page sent more than \d+ MiB/);
    expect(evidence.cookies).toBeUndefined();
  }, 30_000);
});

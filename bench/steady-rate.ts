/**
 * An open-loop load generator: requests start on a fixed schedule (every 1/rate seconds)
 * whether or not earlier ones have finished, and each latency is measured from its
 * scheduled start, so a slow server cannot hide its queueing ("coordinated omission").
 * This is what "p99 at 200 requests/s" means for users arriving independently;
 * autocannon's overallRate instead fires each second's quota back to back.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import type { RunFigures } from './platform.js';

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function steadyRate(url: string, headers: Record<string, string>, rate: number, seconds: number): Promise<RunFigures> {
  const target = new URL(url);
  // Enough connections that the generator never waits for a free one at this rate.
  const pool = new Pool(target.origin, { connections: 64 });
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const requests: Promise<void>[] = [];
  for (let index = 0; index < total; index++) {
    const scheduled = started + index * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    requests.push(
      pool.request({ path: target.pathname + target.search, method: 'GET', headers }).then(
        async (response) => {
          await response.body.arrayBuffer();
          if (response.statusCode < 200 || response.statusCode >= 300) non2xx++;
          latencies.push(performance.now() - scheduled);
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(requests);
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors, non2xx, total };
}

/**
 * Benchmark: the privacy-statement page of the web app, in process (Fastify inject, SQLite),
 * so the figures are the app's own work without network or browser.
 *
 *   npx tsx bench/privacy-statement-web.ts
 *
 * What it prints (median and p95 over RUNS requests each): the page with the form only (no
 * answers yet), the page with a saved statement (form, preview and our own contents check on
 * it), saving the form (validate, store, audit, redirect), a download, and the pure parts:
 * form -> answers -> validate, and the self-check alone.
 */
import { EXAMPLE_ANSWERS, generateStatement, validateAnswers } from '../src/privacy-statement/generator/index.js';
import { answersFromForm, formFromAnswers } from '../src/privacy-statement/form.js';
import { selfCheck } from '../src/privacy-statement/self-check.js';
import { uiTranslators } from '../src/server/features.js';
import { signUp, startTestApp, TestClient } from '../test/web/harness.js';
import { createOrgVia } from '../test/web/org-helpers.js';
import { runMain } from './run-main.js';

const RUNS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function measure(label: string, job: () => unknown): Promise<void> {
  for (let warm = 0; warm < 10; warm++) await job();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await job();
    times.push(performance.now() - started);
  }
  console.log(`${label.padEnd(58)} median ${percentile(times, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(2).padStart(7)} ms`);
}

async function main(): Promise<number> {
  const t = await startTestApp('sqlite', { work: false });
  try {
    const client = new TestClient(t.app, { 'accept-language': 'nl' });
    await signUp(client, 'bench@privacy.test', 'Bench');
    const orgId = await createOrgVia(client, 'Bench Shop BV');
    const base = `/orgs/${orgId}/privacy-statement`;
    console.log(`privacy-statement page, in process on SQLite, ${RUNS} requests each\n`);
    await measure('GET page, nothing saved (starter form)', () => client.get(base));

    const body = Object.fromEntries([...formFromAnswers(EXAMPLE_ANSWERS)].map(([name, values]) => [name, values]));
    const pairs = Object.entries(body).flatMap(([name, values]) => values.map((value) => [name, value] as [string, string]));
    const saved = await client.post(base, pairs);
    if (saved.statusCode !== 303) throw new Error(`saving failed: ${saved.statusCode}`);
    await measure('GET page with statement (form + preview + own check)', () => client.get(`${base}?lang=nl`));
    await measure('POST form (validate, store, audit, redirect)', () => client.post(base, pairs));
    await measure('GET download (html, standalone)', () => client.get(`${base}/download?lang=sv&format=html`));

    const t_nl = uiTranslators()('nl');
    await measure('pure: form fields -> answers -> validateAnswers', () => validateAnswers(answersFromForm(body, '2026-01-01').answers));
    const doc = generateStatement(EXAMPLE_ANSWERS, 'nl');
    await measure('pure: own contents check on the generated statement', () => selfCheck(doc, t_nl, 'nl'));
    return 0;
  } finally {
    await t.close();
  }
}

runMain(main);

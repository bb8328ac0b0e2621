/**
 * A browser call started before the scan's deadline still settles after it: Chromium killed at
 * the deadline rejects page.goto and friends. That late rejection must stay handled; before
 * the fix it ended the whole CLI process ("page.goto: Target page ... has been closed").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { untilAborted } from '../src/scan/collect/privacy/browser.js';

const unhandled: unknown[] = [];
const record = (reason: unknown): void => void unhandled.push(reason);

afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

function rejectLater(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('page.goto: Target page, context or browser has been closed')), ms));
}

describe('untilAborted', () => {
  it('leaves no unhandled rejection when the signal was aborted before the call', async () => {
    process.on('unhandledRejection', record);
    const controller = new AbortController();
    controller.abort();
    await expect(untilAborted(rejectLater(5), controller.signal)).rejects.toThrow('the scan was stopped');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });

  it('leaves no unhandled rejection when the abort comes while the call runs', async () => {
    process.on('unhandledRejection', record);
    const controller = new AbortController();
    const call = untilAborted(rejectLater(20), controller.signal);
    controller.abort();
    await expect(call).rejects.toThrow('the scan was stopped');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(unhandled).toEqual([]);
  });

  it('passes the result through when nothing is aborted', async () => {
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
  });
});

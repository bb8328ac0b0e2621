import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checksMarkdown } from '../src/docs/checks-doc.js';

it('docs/checks.md is generated from the registry (run `npm run docs:checks` when this fails)', () => {
  expect(readFileSync(new URL('../docs/checks.md', import.meta.url), 'utf8')).toBe(checksMarkdown());
});

import { writeFileSync } from 'node:fs';
import { checksMarkdown } from '../src/docs/checks-doc.js';

writeFileSync(new URL('../docs/checks.md', import.meta.url), checksMarkdown());
console.log('docs/checks.md written');

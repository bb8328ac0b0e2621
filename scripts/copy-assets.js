// tsc compiles TypeScript only; the web app's static files are copied next to the compiled code.
import { cpSync } from 'node:fs';

cpSync('src/web/static', 'dist/web/static', { recursive: true });

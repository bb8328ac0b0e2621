/**
 * The architecture rules (.dependency-cruiser.mjs, run by `npm run lint:deps`) hold on src/, and
 * they bite: on a small tree that breaks each rule once, every rule reports its break.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const CONFIG = resolve('.dependency-cruiser.mjs');
const DEPCRUISE = resolve('node_modules/.bin/depcruise');

async function cruise(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', 'err'], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const broken = mkdtempSync(join(tmpdir(), 'weerbaar-architecture-'));
afterAll(() => rmSync(broken, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(broken, path)), { recursive: true });
  writeFileSync(join(broken, path), text);
}

describe('the architecture rules', () => {
  it('hold on src/', async () => {
    const { code, output } = await cruise(process.cwd());
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('report each kind of break', async () => {
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
    // core importing the shell; the shell importing a feature; two feature folders in a circle (through other files);
    // two files in a circle; the engine importing storage; a feature importing the server; anything importing the CLI.
    write('src/core/lang.ts', "import { shell } from '../web/app.js';\nexport const lang = shell;\n");
    write('src/web/app.ts', "import { accounts } from '../accounts/index.js';\nexport const shell = accounts;\n");
    write('src/accounts/index.ts', "import { orgs } from '../orgs/data.js';\nexport const accounts = orgs;\n");
    write('src/orgs/data.ts', "export const orgs = 1;\n");
    write('src/orgs/routes.ts', "import { users } from '../accounts/users.js';\nexport const routes = users;\n");
    write('src/accounts/users.ts', 'export const users = 1;\n');
    write('src/domains/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
    write('src/domains/b.ts', "import { a } from './a.js';\nimport { start } from '../server/features.js';\nexport const b = () => a + start;\n");
    write('src/server/features.ts', "import { run } from '../cli/main.js';\nexport const start = run;\n");
    write('src/cli/main.ts', 'export const run = 1;\n');
    write('src/scan/engine.ts', "import { db } from '../db/connect.js';\nexport const engine = db;\n");
    write('src/db/connect.ts', 'export const db = 1;\n');
    const { code, output } = await cruise(broken);
    expect(code).not.toBe(0);
    for (const rule of ['core-is-the-floor', 'shell-knows-no-feature', 'no-folder-cycle', 'no-cycle', 'scan-is-an-engine', 'server-is-the-root', 'cli-is-the-top']) {
      expect(output, rule).toContain(rule);
    }
  });
});

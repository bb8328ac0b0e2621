/** `weerbaar privacy-statement`: the happy path, --example round trips, and exit 2 for every mistake. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { MAX_ANSWERS_BYTES } from '../src/cli/privacy-statement.js';
import { EXAMPLE_ANSWERS } from '../src/privacy-statement/generator/index.js';

const dir = mkdtempSync(join(tmpdir(), 'weerbaar-statement-'));
const examplePath = join(dir, 'answers.json');
writeFileSync(examplePath, JSON.stringify(EXAMPLE_ANSWERS));

async function run(argv: string[], stdin?: string | Readable, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    env,
    isTty: false,
    ...(stdin !== undefined ? { stdin: typeof stdin === 'string' ? Readable.from([Buffer.from(stdin)]) : stdin } : {}),
  };
  const code = await main(['privacy-statement', ...argv], io);
  return { code, out, err };
}

describe('weerbaar privacy-statement', () => {
  it('--example prints answers that --answers accepts (round trip through stdin)', async () => {
    const example = await run(['--example']);
    expect(example.code).toBe(0);
    expect(JSON.parse(example.out)).toEqual(EXAMPLE_ANSWERS);
    const statement = await run(['--answers', '-', '--lang', 'en'], example.out);
    expect(statement.code).toBe(0);
    expect(statement.err).toBe('');
    expect(statement.out).toMatch(/^# Privacy statement of Theehuis De Linde B\.V\.\n/);
    expect(statement.out).toContain('## Your rights');
  });

  it('defaults to the first language of the answers, and markdown', async () => {
    const { code, out } = await run(['--answers', examplePath]);
    expect(code).toBe(0);
    expect(out).toMatch(/^# Privacyverklaring van /);
  });

  it('writes HTML to --out in one piece, leaving no temporary file', async () => {
    const outDir = mkdtempSync(join(dir, 'out-'));
    const target = join(outDir, 'privacy.html');
    const { code, out } = await run(['--answers', examplePath, '--lang', 'sv', '--format', 'html', '--standalone', '--out', target]);
    expect(code).toBe(0);
    expect(out).toBe('');
    const html = readFileSync(target, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain('<h2>Dina rättigheter</h2>');
    expect(readdirSync(outDir)).toEqual(['privacy.html']);
    // Overwriting replaces the file whole.
    expect((await run(['--answers', examplePath, '--lang', 'de', '--format', 'text', '--out', target])).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^Datenschutzerklärung von /);
    expect(readdirSync(outDir)).toEqual(['privacy.html']);
  });

  it('says on stderr which free texts were not in the statement language', async () => {
    const answers = structuredClone(EXAMPLE_ANSWERS);
    const first = answers.activities[0];
    if (!first) throw new Error('example changed');
    first.description = { fr: 'avec emballage cadeau' };
    const { code, err, out } = await run(['--answers', '-', '--lang', 'en', '--format', 'text'], JSON.stringify(answers));
    expect(code).toBe(0);
    expect(err).toBe("weerbaar: note: activities[0].description: no 'en' text given; the 'fr' text was used\n");
    expect(out).toContain('avec emballage cadeau.');
  });

  it.each([
    [['--bogus'], /--bogus/],
    [[], /give the answers with --answers FILE/],
    [['answers.json'], /takes no arguments/],
    [['--answers', examplePath, '--lang', 'es'], /--lang: 'es' is not one of en, nl, sv, de, fr/],
    [['--answers', examplePath, '--format', 'pdf'], /--format: 'pdf' is not one of markdown, html, text/],
    [['--answers', examplePath, '--standalone'], /--standalone: only applies to --format html/],
    [['--example', '--answers', examplePath], /cannot be combined with --answers/],
    [['--answers', join(dir, 'missing.json')], /--answers: cannot read '.*missing\.json': .*ENOENT/],
    [['--answers', dir], /--answers: '.*' is not a file/],
  ])('%j exits 2 with a precise message', async (argv, message) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(out).toBe('');
  });

  it('reports a JSON syntax error with its line and column', async () => {
    const { code, err } = await run(['--answers', '-'], '{\n  "controller": {\n    "name": "x",,\n  }\n}');
    expect(code).toBe(2);
    expect(err).toMatch(/--answers: standard input is not valid JSON \(line 3, column 17\)/);
    const truncated = await run(['--answers', '-'], '{"controller": {');
    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/not valid JSON \(line 1, column 17\)/);
  });

  it('lists every invalid field of the answers, and writes nothing', async () => {
    const answers = structuredClone(EXAMPLE_ANSWERS) as unknown as { controller: Record<string, unknown>; activities: Record<string, unknown>[] };
    answers.controller.email = 'nobody';
    (answers.activities[2] as Record<string, unknown>).legalBasis = 'vibes';
    const target = join(dir, 'kept.md');
    writeFileSync(target, 'the old statement\n');
    const { code, err } = await run(['--answers', '-', '--out', target], JSON.stringify(answers));
    expect(code).toBe(2);
    expect(err).toContain('--answers: standard input has 2 problems:');
    expect(err).toContain('  controller.email: must be an e-mail address');
    expect(err).toContain('  activities[2].legalBasis: must be one of: consent, contract');
    expect(readFileSync(target, 'utf8')).toBe('the old statement\n');
  });

  it('refuses an --out it cannot write, leaving nothing behind', async () => {
    const parent = mkdtempSync(join(dir, 'ro-'));
    const target = join(parent, 'no-such-dir', 'privacy.md');
    const { code, err } = await run(['--answers', examplePath, '--out', target]);
    expect(code).toBe(2);
    expect(err).toMatch(/--out: cannot write '.*privacy\.md': .*ENOENT/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('stops reading standard input past the size bound', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const endless = new Readable({
      read() {
        sent += chunk.length;
        this.push(chunk);
      },
    });
    const { code, err } = await run(['--answers', '-'], endless);
    expect(code).toBe(2);
    expect(err).toMatch(/larger than \d+ bytes/);
    expect(sent).toBeLessThan(MAX_ANSWERS_BYTES * 2);
  });

  it('is listed in the usage text', async () => {
    let out = '';
    await main(['--help'], { out: (text) => (out += text), err: () => undefined, env: {}, isTty: false });
    expect(out).toContain('weerbaar privacy-statement --answers FILE|-');
    expect(out).toContain('weerbaar privacy-statement --example');
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { COMMAND_USAGE, COMMANDS } from '../src/cli/usage.js';
import { parseResolver } from '../src/core/args.js';

const BROKEN_PEM = join(mkdtempSync(join(tmpdir(), 'weerbaar-cli-')), 'broken.pem');
writeFileSync(BROKEN_PEM, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (text) => (out += text), err: (text) => (err += text), env: {}, isTty: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('weerbaar CLI usage', () => {
  it.each([
    [['scan'], /give the domain/],
    [['scan', 'shop.example', '--bogus'], /--bogus/],
    [['scan', 'a.example', 'b.example'], /one domain at a time/],
    [['scan', 'shop.example', '--lang', 'de'], /--lang: 'de'/],
    [['scan', 'shop.example', '--only', 'ftp'], /--only: 'ftp'/],
    [['scan', 'shop.example', '--resolver', 'dns.example'], /--resolver/],
    [['scan', 'shop.example', '--resolver', '127.0.0.1:99999'], /port/],
    [['scan', 'shop.example', '--timeout', '-3'], /--timeout/],
    [['scan', 'shop.example', '--ca-file', '/nonexistent/roots.pem'], /--ca-file: cannot read/],
    [['scan', 'shop.example', '--trust-anchor', '/nonexistent/root.key'], /--trust-anchor: cannot read/],
    [['scan', 'shop.example', '--ca-file', BROKEN_PEM], /--ca-file: certificate 1 .* cannot be read/],
    [['scan', 'not a domain!'], /not|invalid|character/i],
    [['scan', '192.0.2.1'], /not an IP address/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['checks', '--bogus'], /--bogus/],
  ])('%j exits 2 with a precise message', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('lists every check with title and what it verifies as JSON', async () => {
    const { code, out } = await run('checks', '--json', '--lang', 'nl');
    expect(code).toBe(0);
    const list = JSON.parse(out) as { id: string; title: string; verifies: string }[];
    expect(list.length).toBeGreaterThanOrEqual(24);
    for (const entry of list) {
      expect(Object.keys(entry).sort()).toEqual(['id', 'title', 'verifies']);
      expect(entry.title.length).toBeGreaterThan(3);
    }
  });

  it('parses resolver forms', () => {
    expect(parseResolver('127.0.0.53')).toEqual({ address: '127.0.0.53', port: 53 });
    expect(parseResolver('127.0.0.53:5353')).toEqual({ address: '127.0.0.53', port: 5353 });
    expect(parseResolver('::1')).toEqual({ address: '::1', port: 53 });
    expect(parseResolver('[::1]:5353')).toEqual({ address: '::1', port: 5353 });
  });

  it('fails with exit code 1 when the resolver cannot be reached', async () => {
    const started = Date.now();
    // Nothing listens on this loopback port: DNS times out or is refused.
    const { code, err } = await run('scan', 'shop.example', '--resolver', '127.0.0.9:5399', '--timeout', '3');
    expect(code).toBe(1);
    expect(err).toMatch(/DNS resolver/);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('runs as an installed binary', async () => {
    expect(existsSync('dist/cli/main.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const { stdout } = await promisify(execFile)('node', ['bin/weerbaar.js', '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('--help on every command', () => {
  it.each(COMMANDS)('weerbaar %s --help prints that command\'s usage and exits 0', async (command) => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(command, flag);
      expect(code).toBe(0);
      expect(err).toBe('');
      expect(out).toBe(`${COMMAND_USAGE[command]}\n`);
      expect(out).toContain(`weerbaar ${command}`);
    }
  });

  it('answers help before looking at the other arguments, and `help <command>` too', async () => {
    expect((await run('scan', '--bogus', '--help')).code).toBe(0);
    expect((await run('help', 'checks')).out).toBe(`${COMMAND_USAGE.checks}\n`);
    // After `--`, --help is an argument, not a request for help.
    expect((await run('scan', '--', '--help')).code).toBe(2);
  });

  it('shows the usage of the command that was used wrongly', async () => {
    const { code, err } = await run('checks', '--bogus');
    expect(code).toBe(2);
    expect(err).toContain(COMMAND_USAGE.checks);
    expect(err).not.toContain(COMMAND_USAGE.scan);
  });
});

describe('the installed binary (the bundle, with the platform commands from the compiled tree)', () => {
  const bin = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)('node', ['bin/weerbaar.js', ...argv], { env: { PATH: process.env.PATH } });
      return { code: 0, out: stdout, err: stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout, err: failed.stderr };
    }
  };

  it.each(COMMANDS)('%s --help', async (command) => {
    const { code, out } = await bin(command, '--help');
    expect(code).toBe(0);
    expect(out).toBe(`${COMMAND_USAGE[command]}\n`);
  });

  it('lists the checks, and exits 2 with the message for bad usage in bundled and platform commands alike', async () => {
    const listed = await bin('checks', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.out) as unknown[]).length).toBeGreaterThanOrEqual(24);
    for (const [argv, message] of [
      [['scan', 'not a domain!'], /weerbaar: /],
      [['admin', 'create'], /--email: give the administrator's e-mail address/],
      [['serve', '--port', '99999'], /--port: '99999'/],
    ] as const) {
      const { code, err } = await bin(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(message);
      expect(err).not.toContain('unexpected error');
    }
  });
});

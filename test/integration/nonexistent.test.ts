/**
 * A scan of a name that does not exist (NXDOMAIN) is one finding, domain.exists, with no
 * scores, and the scan ran (exit 0): never a healthy-looking mail score built from "no MX,
 * no DMARC, signed denial". On real loopback DNS: the flat fixture server (plain NXDOMAIN,
 * 127.0.146.53) and knotd serving ldns-signed zones (validated NXDOMAIN, NSEC and NSEC3,
 * 127.0.146.54), through runScan and through the CLI as a whole process. A dangling CNAME
 * and a name without addresses exist, and are scanned as usual.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, runScan, type ScanOptions, type ScanReport } from '../../src/scan/engine.js';
import { parseTrustAnchors } from '../../src/scan/dnssec/trust-anchor.js';
import { startDnsServer, type DnsTestServer } from '../fixtures/dns-server.js';
import { knotAvailable, startKnot, type RunningKnot } from '../fixtures/knot.js';
import { buildInteropZones, ldnsAvailable, type InteropZones } from '../fixtures/ldns-zones.js';
import { suiteRuns } from '../fixtures/required-tools.js';
import { runCli } from '../server-harness.js';

const PLAIN_DNS = '127.0.146.53';
const KNOT = '127.0.146.54';

/** What every scan of a missing name must look like, in every area. */
function expectOneFinding(report: ScanReport, domain: string): void {
  expect(report.scores).toEqual({ web: null, mail: null, overall: null });
  expect(report.checks.map((check) => [check.id, check.status])).toEqual([['domain.exists', 'fail']]);
  const [finding] = report.checks;
  expect(finding?.summary).toContain(`${domain} does not exist`);
  expect(finding?.advice).toContain('registrar');
  expect(finding?.evidence).toMatchObject({ name: domain, rcode: 'NXDOMAIN' });
}

async function cliScan(args: string[]): Promise<{ code: number; output: string }> {
  const cli = runCli(['scan', ...args, '--timeout', '20']);
  const code = await cli.exited;
  return { code, output: cli.output() };
}

describe('a name that does not exist, plain DNS (the fixture server)', () => {
  let dns: DnsTestServer;
  const options = (extra: Partial<ScanOptions> = {}): ScanOptions => ({ resolver: { address: PLAIN_DNS, port: 53 }, timeoutMs: 15_000, ...extra });

  beforeAll(async () => {
    dns = await startDnsServer({
      address: PLAIN_DNS,
      records: [
        { name: 'example', type: 'SOA', data: { mname: 'ns.example', rname: 'hostmaster.example' } },
        { name: 'alias.example', type: 'CNAME', data: 'gone.example' },
        { name: 'noaddress.example', type: 'TXT', data: 'v=spf1 -all' },
      ],
    });
  });
  afterAll(async () => {
    await dns.close();
  });

  it('is one finding with no scores in every area, and nothing else is looked up', async () => {
    dns.queries.length = 0;
    const result = await runScan('gone.example', options());
    expectOneFinding(renderReport(result, 'en'), 'gone.example');
    expect(result.evidence.nonexistent).toEqual({ name: 'gone.example', rcode: 'NXDOMAIN', queried: ['A', 'AAAA'], zone: 'example' });
    // No MX, TXT, CAA or www lookups: a missing name has nothing to collect.
    expect(new Set(dns.queries.map((query) => `${query.name.toLowerCase()} ${query.type}`))).toEqual(new Set(['gone.example A', 'gone.example AAAA']));
    for (const only of ['web', 'mail', 'privacy'] as const) {
      expectOneFinding(renderReport(await runScan('gone.example', options({ only })), 'en'), 'gone.example');
    }
  });

  it('says so in Dutch and Swedish too', async () => {
    const result = await runScan('gone.example', options({ only: 'mail' }));
    expect(renderReport(result, 'nl').checks[0]?.summary).toContain('gone.example bestaat niet');
    expect(renderReport(result, 'sv').checks[0]?.summary).toContain('gone.example finns inte');
  });

  it('scans a dangling CNAME and a name without addresses as names that exist', async () => {
    for (const name of ['alias.example', 'noaddress.example']) {
      const result = await runScan(name, options({ only: 'mail' }));
      expect(result.evidence.nonexistent, name).toBeUndefined();
      expect(result.results.map((entry) => entry.id), name).toContain('mail.spf');
      expect(result.results.map((entry) => entry.id), name).not.toContain('domain.exists');
    }
  });

  it('exits 0 from the CLI process with the one finding and null scores (JSON)', async () => {
    const { code, output } = await cliScan(['gone.example', '--resolver', PLAIN_DNS, '--json']);
    expect(code, output).toBe(0);
    expectOneFinding(JSON.parse(output) as ScanReport, 'gone.example');
  }, 60_000);
});

const TOOLS = { ldnsutils: ldnsAvailable(), knot: knotAvailable() };

describe.runIf(suiteRuns('interop', TOOLS))('a name that does not exist, validated NXDOMAIN (knot, ldns-signed zones)', () => {
  let dir: string;
  let zones: InteropZones;
  let knot: RunningKnot | undefined;
  let anchorFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'weerbaar-nxdomain-'));
    zones = buildInteropZones({ dir, nsAddress: KNOT, mailAddress: '127.0.146.25' });
    anchorFile = join(dir, 'anchor.ds');
    writeFileSync(anchorFile, zones.anchorText);
    knot = await startKnot({ address: KNOT, zones: zones.zones });
  }, 60_000);
  afterAll(async () => {
    await knot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const options = (): ScanOptions => ({ resolver: { address: KNOT, port: 53 }, trustAnchors: parseTrustAnchors(zones.anchorText), timeoutMs: 15_000 });

  it('is one finding with no scores under NSEC and NSEC3 denial, where the mail area scored 75 before', async () => {
    for (const name of ['gone.secure.test', 'gone.nsec3.test']) {
      const result = await runScan(name, options());
      expectOneFinding(renderReport(result, 'en'), name);
      expect(result.evidence.nonexistent?.zone).toBe(name.replace(/^gone\./, ''));
    }
  });

  it('exits 0 from the CLI process, text report, with the finding and its advice', async () => {
    const { code, output } = await cliScan(['gone.secure.test', '--resolver', KNOT, '--trust-anchor', anchorFile, '--only', 'mail', '--lang', 'en']);
    expect(code, output).toBe(0);
    expect(output).toContain('gone.secure.test does not exist');
    expect(output).toContain('[domain.exists]');
    expect(output).not.toMatch(/\d+\/100/);
    expect(output).not.toContain('signed with DNSSEC and the signatures are valid');
  }, 60_000);
});

/**
 * The privacy crawl and its checks on eighteen blind-written loopback shops (127.0.24.x) that
 * were designed without reading the link-matching code. The crawl was tuned on them in issue 5,
 * so they are regression tests now: at first sight it found the unlinked pages on 16 of 18
 * (FIRST_SIGHT in fixtures/privacy-blind-sites.ts), after the fixes on 18 of 18. for each shop, the exact set of pages
 * privacy.statement.linked lists as lacking the link, the statement's URL and the
 * privacy.forms verdict. What the crawl still gets wrong is written down in KNOWN_MISSES,
 * with what it answers instead, so this test fails when a miss is fixed or a new one appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import type { CrawlEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { privacyForms } from '../src/scan/checks/privacy/forms.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import { BLIND_DNS, BLIND_SITES, FIRST_SIGHT, THIRD_PARTY_HOSTS, startBlindWorld, type BlindExpectation, type BlindSite, type BlindWorld } from './fixtures/privacy-blind-sites.js';
import { a, shop, statement } from './fixtures/privacy-blind-html.js';
import { collectContext } from './fixtures/privacy-site.js';

interface Observed {
  unlinked: string[];
  statement: string | undefined;
  forms: string;
}

/** What the crawl answers where it is still wrong, and why; empty fields are right. */
const KNOWN_MISSES: Record<string, Partial<Observed> & { why: string }> = {};

/**
 * A regression shop added after the first measure (not one of the blind-written shops): only 4 pages may be crawled, so
 * where /Privacy (the statement served under another letter case) and /privacy-tips (a blog
 * post) lead is learnt by the link check after the crawl.
 */
const LINKCHECK = {
  name: 'linkcheck.test',
  address: '127.0.24.30',
  pages: {
    '/': shop('en', 'Home', { nav: [a('/a', 'A'), a('/b', 'B'), a('/c', 'C')], footer: [a('/privacy', 'Privacy statement')] }),
    '/a': shop('en', 'A', { footer: [a('/privacy', 'Privacy statement')] }),
    '/b': shop('en', 'B', { footer: [a('/Privacy', 'Privacy statement')] }),
    '/c': shop('en', 'C', { main: a('/privacy-tips', 'Privacy tips') }),
    '/privacy': statement('en', 'Privacy statement'),
    '/Privacy': statement('en', 'Privacy statement'),
    '/privacy-tips': shop('en', 'Privacy tips', { main: `<p>${'Use a password manager and read the privacy statement of every shop. '.repeat(5)}</p>` }),
  },
};

let world: BlindWorld;
const crawls = new Map<string, CrawlEvidence>();

beforeAll(async () => {
  world = await startBlindWorld([LINKCHECK]);
  // Each shop is its own set of hosts, so the crawls may run side by side (each with its own scan context, as in a scan).
  await Promise.all(BLIND_SITES.map(async (site) => crawls.set(site.id, await collectCrawl(site.target, collectContext(BLIND_DNS, world.rootPem), { maxPages: 25 }))));
}, 60_000);

afterAll(async () => {
  await world?.close();
});

function observe(site: BlindSite): Observed {
  const crawl = crawls.get(site.id);
  const evidence = { target: site.target, collectedAt: '', privacy: { crawl, browser: {} } } as unknown as ScanEvidence;
  const linked = statementLinked.run(evidence, { now: new Date() });
  const facts = linked.evidence as { pagesWithoutLink?: string[]; pagesChecked?: string[] | number };
  // Without a statement, every page checked lacks the link.
  const unlinked = facts.pagesWithoutLink ?? (Array.isArray(facts.pagesChecked) ? facts.pagesChecked : []);
  return { unlinked: [...unlinked].sort(), statement: crawl?.statement?.url, forms: privacyForms.run(evidence, { now: new Date() }).status };
}

function wanted(site: BlindSite): Observed {
  const { why: _why, ...miss } = KNOWN_MISSES[site.id] ?? { why: '' };
  const expected: BlindExpectation = site.expected;
  return { unlinked: [...(miss.unlinked ?? expected.unlinked)].sort(), statement: 'statement' in miss ? miss.statement : expected.statement, forms: miss.forms ?? expected.forms };
}

describe('the link check after the crawl (regression shop)', () => {
  it('learns where links of unlinked pages lead: the statement under another URL counts, a blog post does not', async () => {
    const crawl = await collectCrawl('linkcheck.test', collectContext(BLIND_DNS, world.rootPem), { maxPages: 4 });
    expect(crawl.pages?.map((page) => page.url)).toEqual(['https://linkcheck.test/', 'https://linkcheck.test/a', 'https://linkcheck.test/b', 'https://linkcheck.test/c']);
    expect(crawl.statement?.url).toBe('https://linkcheck.test/privacy');
    const evidence = { target: 'linkcheck.test', collectedAt: '', privacy: { crawl, browser: {} } } as unknown as ScanEvidence;
    expect(statementLinked.run(evidence, { now: new Date() }).evidence).toMatchObject({ pagesWithoutLink: ['https://linkcheck.test/c'] });
    const asked = (world.servers.get('linkcheck.test')?.requests ?? []).map((request) => request.path);
    expect(asked).toEqual(expect.arrayContaining(['/Privacy', '/privacy-tips']));
    expect(asked.length).toBeLessThanOrEqual(1 + 4 + 1 + 2);
  }, 30_000);
});

describe('privacy crawl on blind-written shops (tuned since)', () => {
  it.each(BLIND_SITES.map((site) => [site.id, site] as const))('%s', (_id, site) => {
    const observed = observe(site);
    expect(observed, `${site.traps}; pages: ${(crawls.get(site.id)?.pages ?? []).map((page) => page.url).join(' ')}`).toEqual(wanted(site));
  });

  it('lists only real misses: every known miss differs from the truth', () => {
    for (const [id, miss] of Object.entries(KNOWN_MISSES)) {
      const site = BLIND_SITES.find((candidate) => candidate.id === id);
      expect(site, id).toBeDefined();
      if (!site) continue;
      expect(wanted(site), id).not.toEqual({ ...site.expected, unlinked: [...site.expected.unlinked].sort() });
      expect(miss.why.length, id).toBeGreaterThan(10);
    }
  });

  it('never asks robots-blocked pages or other organisations anything', () => {
    for (const site of BLIND_SITES) {
      for (const url of site.blocked ?? []) {
        const parsed = new URL(url);
        const asked = (world.servers.get(parsed.hostname)?.requests ?? []).map((request) => request.path);
        expect(asked, url).not.toContain(`${parsed.pathname}${parsed.search}`);
      }
    }
    for (const host of THIRD_PARTY_HOSTS) expect(world.servers.get(host.name)?.requests, host.name).toEqual([]);
  });

  it('scores the run (printed for the record)', () => {
    let exact = 0;
    let wronglyFlagged = 0;
    let missed = 0;
    let statements = 0;
    let forms = 0;
    const lines: string[] = [];
    for (const site of BLIND_SITES) {
      const observed = observe(site);
      const flagged = observed.unlinked.filter((url) => !site.expected.unlinked.includes(url));
      const notFound = site.expected.unlinked.filter((url) => !observed.unlinked.includes(url));
      wronglyFlagged += flagged.length;
      missed += notFound.length;
      if (flagged.length === 0 && notFound.length === 0) exact += 1;
      if (observed.statement === site.expected.statement) statements += 1;
      if (observed.forms === site.expected.forms) forms += 1;
      if (flagged.length + notFound.length > 0 || observed.statement !== site.expected.statement || observed.forms !== site.expected.forms) {
        lines.push(`  ${site.id}: wrongly flagged [${flagged.join(' ')}] missed [${notFound.join(' ')}] statement ${observed.statement ?? '-'} forms ${observed.forms}`);
      }
    }
    console.log(
      `blind-written shops (first sight: ${FIRST_SIGHT.unlinkedExact}): unlinked set exact on ${exact}/${BLIND_SITES.length} sites; pages wrongly flagged ${wronglyFlagged}, missed ${missed}; statement right ${statements}/${BLIND_SITES.length}; forms right ${forms}/${BLIND_SITES.length}\n${lines.join('\n')}`,
    );
    expect(exact + Object.keys(KNOWN_MISSES).length).toBeGreaterThanOrEqual(BLIND_SITES.length);
  });
});

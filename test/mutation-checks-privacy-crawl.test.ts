/**
 * The crawl checks (privacy.statement.linked, privacy.statement.reachable, privacy.forms)
 * verdict by verdict on hand-made crawl evidence: which pages count, the 10-page list,
 * the 200-character minimum, every PDF case, the facts kept. test/privacy-crawl-units.test.ts
 * has the main cases.
 */
import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../src/scan/check.js';
import { listed, livePages, MAX_LISTED } from '../src/scan/checks/privacy/crawl-shared.js';
import { privacyForms } from '../src/scan/checks/privacy/forms.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import { MIN_STATEMENT_CHARS, statementReachable } from '../src/scan/checks/privacy/reachable.js';
import type { CrawlEvidence, FormEvidence, PageEvidence, StatementEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';

const STATEMENT_URL = 'https://shop.test/privacy';
const LONG = 'We process your personal data to deliver your order. '.repeat(8);

function page(url: string, linked = true, extra: Partial<PageEvidence> = {}): PageEvidence {
  return { url, status: 200, statementCandidates: [], forms: [], ...(linked ? { statementLink: { url: STATEMENT_URL, text: 'Privacy' } } : {}), ...extra };
}
function statement(extra: Partial<StatementEvidence> = {}): StatementEvidence {
  return { url: STATEMENT_URL, linkedUrl: STATEMENT_URL, format: 'html', text: LONG, status: 200, ...extra };
}
function run(check: typeof statementLinked, crawl: CrawlEvidence | undefined): CheckVerdict {
  const evidence = { target: 'shop.test', collectedAt: '', ...(crawl ? { privacy: { crawl } } : {}) } as unknown as ScanEvidence;
  return check.run(evidence, { now: new Date(0) });
}

describe('crawl-shared', () => {
  it('live pages answered 2xx: 199 and 300 do not count, nor a page without status', () => {
    const crawl: CrawlEvidence = { pages: [page('a', true, { status: 199 }), page('b', true, { status: 200 }), page('c', true, { status: 299 }), page('d', true, { status: 300 }), { ...page('e'), status: undefined }] };
    expect(livePages(crawl).map((p) => p.url)).toEqual(['b', 'c']);
    expect(livePages({}).length).toBe(0);
  });

  it('lists at most 10 and counts the rest', () => {
    const items = Array.from({ length: 12 }, (_, index) => `p${index}`);
    expect(MAX_LISTED).toBe(10);
    expect(listed(items)).toEqual({ list: items.slice(0, 10).join(', '), more: 2 });
    expect(listed(items.slice(0, 10))).toEqual({ list: items.slice(0, 10).join(', '), more: 0 });
    expect(listed([])).toEqual({ list: '', more: 0 });
  });

  it('no crawl or no pages: skipped, saying why', () => {
    for (const check of [statementLinked, statementReachable, privacyForms]) {
      expect(run(check, undefined), check.id).toEqual({ status: 'skip', summary: { key: 'notCollected' }, advice: [], evidence: {} });
      expect(run(check, { start: 'https://shop.test/' }), check.id).toEqual({ status: 'skip', summary: { key: 'noPages', params: { error: 'no HTML page' } }, advice: [], evidence: { start: 'https://shop.test/', error: undefined } });
    }
  });
});

describe('privacy.statement.linked', () => {
  it('passes when every live page links to the statement, not counting the statement page in any of its forms', () => {
    const crawl: CrawlEvidence = {
      statement: statement({ url: 'https://shop.test/privacy-policy', linkedUrl: 'https://shop.test/privacy', chain: ['https://shop.test/privacy', 'https://shop.test/legal/privacy'] }),
      pages: [page('https://shop.test/'), page('https://shop.test/a'), page('https://shop.test/privacy/', false), page('https://shop.test/legal/privacy', false), page('https://shop.test/privacy-policy', false), page('https://shop.test/broken', false, { status: 500 })],
      truncated: true,
    };
    expect(run(statementLinked, crawl)).toEqual({
      status: 'pass',
      summary: { key: 'pass', params: { count: 2, url: 'https://shop.test/privacy' } },
      advice: [],
      evidence: { statement: 'https://shop.test/privacy', pagesChecked: 2, pagesWithoutLink: [], truncatedCrawl: true },
    });
  });

  it('names the pages without a link: up to 10, then how many more', () => {
    const missing = Array.from({ length: 3 }, (_, index) => page(`https://shop.test/p${index}`, false));
    const result = run(statementLinked, { statement: statement({ linkedUrl: undefined }), pages: [page('https://shop.test/'), ...missing] });
    expect(result).toEqual({
      status: 'fail',
      summary: { key: 'fail', params: { count: 3, total: 4, url: STATEMENT_URL } },
      advice: [{ key: 'addLink', params: { url: STATEMENT_URL, list: 'https://shop.test/p0, https://shop.test/p1, https://shop.test/p2' } }],
      evidence: { statement: STATEMENT_URL, pagesChecked: 4, pagesWithoutLink: missing.map((p) => p.url), truncatedCrawl: false },
    });
    const eleven = Array.from({ length: 11 }, (_, index) => page(`https://shop.test/q${index}`, false));
    expect(run(statementLinked, { statement: statement(), pages: eleven }).advice).toEqual([{ key: 'addLinkMore', params: { url: STATEMENT_URL, list: eleven.slice(0, 10).map((p) => p.url).join(', '), more: 1 } }]);
  });

  it('keeps the query when telling pages apart, and at most 100 pages in the facts', () => {
    const result = run(statementLinked, { statement: statement(), pages: [page('https://shop.test/privacy?lang=nl', false)] });
    expect(result.summary).toMatchObject({ key: 'failAll', params: { count: 1 } });
    const many = Array.from({ length: 120 }, (_, index) => page(`https://shop.test/m${index}`, false));
    expect((run(statementLinked, { statement: statement(), pages: many }).evidence.pagesWithoutLink as string[]).length).toBe(100);
  });

  it('no statement: fails, counting the live pages; only the statement page: skipped', () => {
    expect(run(statementLinked, { pages: [page('https://shop.test/', false), page('https://shop.test/x', false, { status: 404 })] })).toEqual({
      status: 'fail', summary: { key: 'noStatement', params: { count: 1 } }, advice: [{ key: 'addStatement' }], evidence: { pagesChecked: ['https://shop.test/'] },
    });
    expect(run(statementLinked, { statement: statement(), pages: [page(STATEMENT_URL)] })).toMatchObject({ status: 'skip', summary: { key: 'noPages', params: { error: 'only the privacy statement itself answered' } } });
    expect(run(statementLinked, { statement: statement(), pages: [page('not a url', false)] }).summary).toMatchObject({ key: 'failAll', params: { count: 1 } });
  });
});

describe('privacy.statement.reachable', () => {
  const reach = (extra: Partial<StatementEvidence>) => run(statementReachable, { pages: [page('https://shop.test/')], statement: statement(extra) });

  it('passes a readable HTML page, keeping the facts', () => {
    expect(reach({ chain: [STATEMENT_URL], contentType: 'text/html', note: 'n' })).toEqual({
      status: 'pass', summary: { key: 'pass', params: { url: STATEMENT_URL } }, advice: [],
      evidence: { url: STATEMENT_URL, linkedUrl: STATEMENT_URL, chain: [STATEMENT_URL], status: 200, contentType: 'text/html', format: 'html', textChars: LONG.length, note: 'n' },
    });
  });

  it('needs 200 readable characters, whitespace squeezed', () => {
    expect(MIN_STATEMENT_CHARS).toBe(200);
    expect(reach({ text: 'x'.repeat(200) }).status).toBe('pass');
    expect(reach({ text: `  ${'x'.repeat(199)}  ` })).toMatchObject({ status: 'fail', summary: { key: 'empty', params: { url: STATEMENT_URL, count: 199 } }, advice: [{ key: 'writeText' }] });
    expect(reach({ text: 'x \n\n  '.repeat(60) }).summary).toEqual({ key: 'empty', params: { url: STATEMENT_URL, count: 119 } });
  });

  it('errors: robots.txt skips, a locked PDF fails, anything else fails with the link to fix', () => {
    expect(reach({ error: 'disallowed by robots.txt' })).toMatchObject({ status: 'skip', summary: { key: 'robots', params: { url: STATEMENT_URL } }, advice: [] });
    expect(reach({ error: 'PDF is encrypted', encrypted: true })).toMatchObject({ status: 'fail', summary: { key: 'pdfLocked', params: { url: STATEMENT_URL } }, advice: [{ key: 'htmlPage' }] });
    expect(reach({ error: 'timeout', linkedUrl: 'https://shop.test/p' })).toMatchObject({ status: 'fail', summary: { key: 'unreachable', params: { url: STATEMENT_URL, error: 'timeout' } }, advice: [{ key: 'fixLink', params: { url: 'https://shop.test/p' } }] });
    expect(reach({ error: 'timeout', linkedUrl: undefined }).advice).toEqual([{ key: 'fixLink', params: { url: STATEMENT_URL } }]);
  });

  it('a status other than 200 fails; http: fails', () => {
    expect(reach({ status: 201 })).toMatchObject({ status: 'fail', summary: { key: 'badStatus', params: { url: STATEMENT_URL, status: 201 } }, advice: [{ key: 'fixLink', params: { url: STATEMENT_URL } }] });
    expect(reach({ status: undefined }).summary.params).toMatchObject({ status: '?' });
    expect(reach({ url: 'http://shop.test/privacy' })).toMatchObject({ status: 'fail', summary: { key: 'notHttps', params: { url: 'http://shop.test/privacy' } }, advice: [{ key: 'useHttps', params: { url: 'http://shop.test/privacy' } }] });
  });

  it('another format: not a page when it has too little text, naming the type without parameters', () => {
    expect(reach({ format: 'other', text: '', contentType: 'image/png; q=1' })).toMatchObject({ status: 'fail', summary: { key: 'notAPage', params: { url: STATEMENT_URL, type: 'image/png' } }, advice: [{ key: 'htmlPage' }] });
    expect(reach({ format: 'other', text: '' }).summary.params?.type).toBe('unknown');
    expect(reach({ format: 'other', text: 'x'.repeat(200), contentType: 'text/plain' }).status).toBe('pass');
  });

  it('a PDF is never a pass: warned when read, failed without text, with the reason from the note', () => {
    const pdf = (extra: Partial<StatementEvidence>) => reach({ format: 'pdf', contentType: 'application/pdf', pages: 3, ...extra });
    expect(pdf({ pagesRead: 3 })).toEqual({
      status: 'warn', summary: { key: 'pdfRead', params: { url: STATEMENT_URL } }, advice: [{ key: 'htmlPage' }],
      evidence: { url: STATEMENT_URL, linkedUrl: STATEMENT_URL, chain: undefined, status: 200, contentType: 'application/pdf', format: 'pdf', textChars: LONG.length, note: undefined, pages: 3, pagesRead: 3, pdfReadMs: undefined },
    });
    expect(pdf({ pagesRead: 30, note: 'PDF: read the first 30 of 500 pages' }).summary).toEqual({ key: 'pdfPartly', params: { url: STATEMENT_URL, reason: 'read the first 30 of 500 pages' } });
    expect(pdf({ pagesRead: 1, text: 'short', note: 'PDF: scanned images' }).summary).toEqual({ key: 'pdfUnread', params: { url: STATEMENT_URL, reason: 'scanned images' } });
    expect(pdf({ pagesRead: 1, text: 'short' })).toMatchObject({ status: 'fail', summary: { key: 'pdfNoText', params: { url: STATEMENT_URL, count: 5 } }, advice: [{ key: 'writeText' }, { key: 'htmlPage' }] });
    expect(pdf({ text: '' }).summary).toEqual({ key: 'pdf', params: { url: STATEMENT_URL } });
    expect(pdf({ text: '', note: 'PDF: too big' }).summary).toEqual({ key: 'pdfUnread', params: { url: STATEMENT_URL, reason: 'too big' } });
  });

  it('no statement: fails, counting every page crawled', () => {
    expect(run(statementReachable, { pages: [page('a', false), page('b', false, { status: 404 })] })).toEqual({ status: 'fail', summary: { key: 'notFound' }, advice: [{ key: 'publish' }], evidence: { pagesChecked: 2 } });
  });
});

describe('privacy.forms', () => {
  const form = (action: string, extra: Partial<FormEvidence> = {}): FormEvidence => ({ action, method: 'post', personalFields: ['email'], collectsPersonalData: true, postsOverHttps: action.startsWith('https:'), ...extra });

  it('fails forms that send personal data over http, naming each with its page', () => {
    const pages = [
      page('https://shop.test/', true, { forms: [form('http://shop.test/login', { personalFields: ['email', 'password'] }), form('https://shop.test/news')] }),
      page('https://shop.test/contact', true, { forms: [form('http://shop.test/contact'), form('http://shop.test/search', { collectsPersonalData: false, personalFields: [] })] }),
    ];
    const result = run(privacyForms, { pages });
    expect(result.status).toBe('fail');
    expect(result.summary).toEqual({ key: 'fail', params: { count: 2, total: 3, list: 'http://shop.test/login (https://shop.test/), http://shop.test/contact (https://shop.test/contact)' } });
    expect(result.advice).toEqual([{ key: 'useHttps', params: { list: 'http://shop.test/login (https://shop.test/), http://shop.test/contact (https://shop.test/contact)' } }]);
    expect(result.evidence).toEqual({
      forms: [
        { page: 'https://shop.test/', action: 'http://shop.test/login', method: 'post', fields: ['email', 'password'], https: false },
        { page: 'https://shop.test/', action: 'https://shop.test/news', method: 'post', fields: ['email'], https: true },
        { page: 'https://shop.test/contact', action: 'http://shop.test/contact', method: 'post', fields: ['email'], https: false },
      ],
      pagesChecked: 2,
    });
  });

  it('the same action with other fields is another form; no personal forms is not applicable', () => {
    const pages = [page('https://shop.test/', true, { forms: [form('https://shop.test/f'), form('https://shop.test/f', { personalFields: ['phone'] })] })];
    expect(run(privacyForms, { pages })).toMatchObject({ status: 'pass', summary: { key: 'pass', params: { count: 2 } }, advice: [] });
    expect(run(privacyForms, { pages: [page('https://shop.test/', true, { forms: [form('http://x', { collectsPersonalData: false })] })] })).toEqual({
      status: 'skip', summary: { key: 'none' }, advice: [], evidence: { forms: [], pagesChecked: 1 }, notApplicable: true,
    });
  });
});

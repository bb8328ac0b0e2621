/**
 * PDF privacy statements, end to end against real loopback shops on 127.0.25.x (HTTPS with the
 * test PKI, DNS through the fixture server on 127.0.25.53): real PDF files written by
 * test/fixtures/pdf.ts are fetched as raw bytes, read by pdf.js in a worker within bounds, laid
 * out as headings and paragraphs, and judged by privacy.statement.reachable and .contents.
 * Broken, locked, long and hostile files end in a clear note or error, never a throw or a hang.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import { statementReachable } from '../src/scan/checks/privacy/reachable.js';
import type { CollectContext } from '../src/scan/collect/context.js';
import { collectCrawl } from '../src/scan/collect/privacy/crawl.js';
import { extractPdfText, layoutText, PDF_LIMITS, type PdfItem } from '../src/scan/collect/privacy/pdf-text.js';
import { Pacer, politeFetch } from '../src/scan/collect/privacy/polite-fetch.js';
import { fetchStatement } from '../src/scan/collect/privacy/statement.js';
import type { CrawlEvidence, StatementEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { startDnsServer, type DnsTestServer } from './fixtures/dns-server.js';
import { blocksFromText, inflatingPdf, makePdf, manyStreamsPdf, nestedArraysPdf, paginate } from './fixtures/pdf.js';
import { testPki, type IssuedCert } from './fixtures/pki.js';
import { collectContext, shopPage } from './fixtures/privacy-site.js';

const ADDRESSES = { nl: '127.0.25.1', en: '127.0.25.2', files: '127.0.25.3' };
const DNS = '127.0.25.53';
const CORPUS = join(import.meta.dirname, 'privacy-corpus');
const corpus = (name: string): string => readFileSync(join(CORPUS, name), 'utf8');
const expected = (name: string): { found: string[]; missing?: string[]; check: string } => JSON.parse(corpus(name)) as { found: string[]; missing?: string[]; check: string };

const ACCENTS = 'Zoë en Jörg van Café Ëlan lezen financiële gegevens: één keer per maand.';
const NL_TEXT = `${corpus('nl-complete.txt')}\n${ACCENTS}\n`;
const NL_PDF = makePdf({ pages: paginate(blocksFromText(NL_TEXT), 5), lang: 'nl-NL' });
const EN_PDF = makePdf({ pages: paginate(blocksFromText(corpus('en-incomplete.txt')), 2), wordsAsTJ: true });
const LONG_PDF = makePdf({ pages: Array.from({ length: 500 }, (_, index) => [{ kind: 'paragraph' as const, text: `Page ${index + 1}. We process your order data to deliver your order.` }]) });
const CORRUPT_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 7919) % 256))]);
const LOCKED_PDF = makePdf({ pages: paginate(blocksFromText(NL_TEXT), 2), encrypt: { userPassword: 'secret' } });
const OWNER_ONLY_PDF = makePdf({ pages: paginate(blocksFromText(NL_TEXT), 2), lang: 'nl', encrypt: { userPassword: '' } });

interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A Node HTTPS server on :443 of `address` answering `routes` by path, binary bodies as they are. */
async function startShop(address: string, cert: IssuedCert, routes: Record<string, Route>): Promise<() => Promise<void>> {
  const sockets = new Set<Socket>();
  const server = https.createServer({ key: cert.keyPem, cert: cert.chainPem }, (request, response) => {
    const route = routes[request.url ?? '/'];
    if (!route) return void response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>not found</body></html>');
    response.writeHead(route.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...route.headers }).end(route.body ?? '');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  server.listen(443, address);
  await once(server, 'listening');
  return async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

const pdf = (body: Buffer, type = 'application/pdf', extra: Record<string, string> = {}): Route => ({ headers: { 'content-type': type, ...extra }, body });
const closers: (() => Promise<void>)[] = [];
let dns: DnsTestServer;
let context: CollectContext;

beforeAll(async () => {
  const pki = await testPki();
  const cert = await pki.issue({ names: ['nl.test', 'en.test', 'files.test'] });
  dns = await startDnsServer({
    address: DNS,
    port: 53,
    records: Object.entries(ADDRESSES).map(([name, data]) => ({ name: `${name}.test`, type: 'A' as const, ttl: 60, data })),
  });
  const link: [string, string][] = [['/privacyverklaring.pdf', 'Privacyverklaring']];
  closers.push(
    await startShop(ADDRESSES.nl, cert, {
      '/': { body: shopPage('Fietsonderdelen', [['/over-ons', 'Over ons'], ...link], '', 'nl') },
      '/over-ons': { body: shopPage('Over ons', link, '', 'nl') },
      '/privacyverklaring.pdf': pdf(NL_PDF),
    }),
    await startShop(ADDRESSES.en, cert, {
      '/': { body: shopPage('Socks', [['/about', 'About'], ['/privacy', 'Privacy policy']]) },
      '/about': { body: shopPage('About', [['/privacy', 'Privacy policy']]) },
      '/privacy': { status: 302, headers: { location: '/docs/privacy-policy.pdf' } },
      // Sent as a download, in English by its header only: the format is sniffed from %PDF-.
      '/docs/privacy-policy.pdf': pdf(EN_PDF, 'application/octet-stream', { 'content-language': 'en' }),
    }),
    await startShop(ADDRESSES.files, cert, {
      '/page': { body: shopPage('Page', []) },
      '/as-html.pdf': pdf(NL_PDF, 'text/html'),
      '/corrupt.pdf': pdf(CORRUPT_PDF),
      '/locked.pdf': pdf(LOCKED_PDF),
      '/owner-only.pdf': pdf(OWNER_ONLY_PDF),
      '/long.pdf': pdf(LONG_PDF),
      '/nested.pdf': pdf(nestedArraysPdf(400_000)),
      '/bomb.pdf': pdf(inflatingPdf(900)),
      '/big.pdf': pdf(manyStreamsPdf(11_000)),
    }),
  );
  context = collectContext(DNS, pki.root.certPem);
}, 30_000);

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  await dns.close();
});

function verdicts(crawl: CrawlEvidence): { reachable: ReturnType<typeof statementReachable.run>; contents: ReturnType<typeof privacyContents.run> } {
  const evidence = { target: 'x', collectedAt: '', privacy: { crawl, browser: {} } } as unknown as ScanEvidence;
  return { reachable: statementReachable.run(evidence, { now: new Date() }), contents: privacyContents.run(evidence, { now: new Date() }) };
}

interface ElementFact {
  element: string;
  status: string;
  sentences?: string[];
}
const elements = (verdict: ReturnType<typeof privacyContents.run>): ElementFact[] => (verdict.evidence.elements ?? []) as ElementFact[];

const PAGE = { url: 'https://files.test/page', status: 200, statementCandidates: [], forms: [] };
const fetchFile = (path: string): Promise<StatementEvidence> =>
  fetchStatement(`https://files.test${path}`, (url) => politeFetch(url, context, new Pacer(context.signal), () => Promise.resolve(undefined)));

describe('a complete Dutch statement as a 5-page PDF', () => {
  let crawl: CrawlEvidence;
  beforeAll(async () => {
    crawl = await collectCrawl('nl.test', context, { maxPages: 10 });
  }, 30_000);

  it('reads every page, with the /Lang and the accents, one heading or paragraph per line', () => {
    const statement = crawl.statement;
    expect(statement).toMatchObject({ url: 'https://nl.test/privacyverklaring.pdf', format: 'pdf', declaredLang: 'nl-NL', pages: 5, pagesRead: 5, status: 200 });
    expect(statement?.error).toBeUndefined();
    expect(statement?.note).toBeUndefined();
    expect(statement?.text).toContain(ACCENTS);
    // The layout rebuilds the source's blocks although the PDF wraps them over several lines.
    expect(statement?.text.split('\n')).toEqual(blocksFromText(NL_TEXT).map((block) => block.text));
    expect(statement?.pdfReadMs).toBeLessThan(PDF_LIMITS.timeMs + PDF_LIMITS.startupMs);
  });

  it('warns that the statement is a PDF that was read, and the contents pass with sentences from the PDF', () => {
    const { reachable, contents } = verdicts(crawl);
    expect(reachable).toMatchObject({ status: 'warn', summary: { key: 'pdfRead' }, evidence: { format: 'pdf', pages: 5, pagesRead: 5 } });
    expect(contents.status).toBe(expected('nl-complete.json').check);
    expect(contents.evidence).toMatchObject({ format: 'pdf', language: { detected: 'nl', declared: 'nl-NL' } });
    const found = elements(contents).filter((element) => element.status === 'found');
    expect(found.map((element) => element.element).sort()).toEqual([...expected('nl-complete.json').found].sort());
    for (const element of found) for (const sentence of element.sentences ?? []) expect(crawl.statement?.text).toContain(sentence.replace(/…$/, ''));
    const complaint = found.find((element) => element.element === 'complaint');
    expect(complaint?.sentences?.[0]).toBe('Bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.');
  });
});

describe('an incomplete English statement: a PDF download behind a redirect, words placed without spaces', () => {
  let crawl: CrawlEvidence;
  beforeAll(async () => {
    crawl = await collectCrawl('en.test', context, { maxPages: 10 });
  }, 30_000);

  it('follows the redirect, sniffs the PDF and takes the language from Content-Language', () => {
    expect(crawl.statement).toMatchObject({ url: 'https://en.test/docs/privacy-policy.pdf', linkedUrl: 'https://en.test/privacy', format: 'pdf', declaredLang: 'en', pages: 2, pagesRead: 2 });
    expect(crawl.statement?.chain).toEqual(['https://en.test/privacy', 'https://en.test/docs/privacy-policy.pdf']);
    expect(crawl.statement?.text).toContain('We use Google Analytics to understand how visitors use our shop. Google may process this data in the United States.');
  });

  it('fails the contents with the missing elements, found ones shown by their PDF sentence', () => {
    const { reachable, contents } = verdicts(crawl);
    expect(reachable).toMatchObject({ status: 'warn', summary: { key: 'pdfRead' } });
    const expectation = expected('en-incomplete.json');
    expect(contents.status).toBe(expectation.check);
    const byStatus = (status: string): string[] => elements(contents).filter((element) => element.status === status).map((element) => element.element).sort();
    expect(byStatus('found')).toEqual([...expectation.found].sort());
    for (const id of expectation.missing ?? []) expect(byStatus('found')).not.toContain(id);
    expect(contents.advice.map((advice) => advice.key)).toEqual(expect.arrayContaining(['add_controller', 'add_legalBasis', 'add_complaint']));
    const access = elements(contents).find((element) => element.element === 'rightAccess');
    expect(access?.sentences?.[0]).toBe('You may request access to your personal data or ask us to correct it by writing to hello@sockdrawer.example.');
  });
});

describe('broken, locked, long and hostile PDF files', () => {
  it('keeps the raw bytes of a PDF (also one sent as text/html) and not of an HTML page', async () => {
    const fetchRaw = (path: string) => politeFetch(`https://files.test${path}`, context, new Pacer(context.signal), () => Promise.resolve(undefined));
    expect((await fetchRaw('/locked.pdf')).last.rawBody?.equals(LOCKED_PDF)).toBe(true);
    expect((await fetchRaw('/as-html.pdf')).last.rawBody?.equals(NL_PDF)).toBe(true);
    expect((await fetchRaw('/page')).last.rawBody).toBeUndefined();
    const asHtml = await fetchFile('/as-html.pdf');
    expect(asHtml).toMatchObject({ format: 'pdf', pagesRead: 5 });
    expect(asHtml.text).toContain(ACCENTS);
  });

  it('a damaged file is an error: reachable fails, contents cannot read it', async () => {
    const statement = await fetchFile('/corrupt.pdf');
    expect(statement).toMatchObject({ format: 'pdf', pagesRead: 0, text: '' });
    expect(statement.error).toMatch(/^the file is not a readable PDF \(Invalid PDF structure/);
    const { reachable, contents } = verdicts({ pages: [PAGE], statement });
    expect(reachable).toMatchObject({ status: 'fail', summary: { key: 'unreachable' } });
    expect(contents).toMatchObject({ status: 'skip', summary: { key: 'unreadable', params: { reason: statement.error } } });
  });

  it('a password-protected file fails as locked; one with only an owner password is read', async () => {
    const locked = await fetchFile('/locked.pdf');
    expect(locked).toMatchObject({ encrypted: true, pagesRead: 0, error: 'the PDF is protected with a password, so its text cannot be read' });
    expect(verdicts({ pages: [PAGE], statement: locked }).reachable).toMatchObject({ status: 'fail', summary: { key: 'pdfLocked' } });
    const ownerOnly = await fetchFile('/owner-only.pdf');
    expect(ownerOnly).toMatchObject({ pagesRead: 2, declaredLang: 'nl' });
    expect(ownerOnly.text).toContain(ACCENTS);
    expect(verdicts({ pages: [PAGE], statement: ownerOnly }).contents.status).toBe('pass');
  });

  it('reads only the first 30 of 500 pages, in bounded time, and says so', async () => {
    const statement = await fetchFile('/long.pdf');
    expect(statement).toMatchObject({ pages: 500, pagesRead: PDF_LIMITS.maxPages, note: 'PDF: read the first 30 of 500 pages' });
    expect(statement.text.split('\n')).toHaveLength(30);
    expect(statement.text).toContain('Page 30.');
    expect(statement.text).not.toContain('Page 31.');
    expect(statement.pdfReadMs).toBeLessThan(PDF_LIMITS.timeMs + PDF_LIMITS.startupMs);
    expect(verdicts({ pages: [PAGE], statement }).reachable).toMatchObject({ status: 'warn', summary: { key: 'pdfPartly', params: { reason: 'read the first 30 of 500 pages' } } });
  });

  it('survives arrays nested 400,000 deep: an error, quickly', async () => {
    const statement = await fetchFile('/nested.pdf');
    expect(statement.error).toMatch(/^the PDF could not be read \(page 1: Maximum call stack size exceeded/);
    expect(statement.pdfReadMs).toBeLessThan(PDF_LIMITS.timeMs);
  });

  it('stops a stream that inflates to 900 MiB at the memory or time bound', async () => {
    const started = Date.now();
    const statement = await fetchFile('/bomb.pdf');
    expect(statement.note).toMatch(/^PDF: reading stopped: the PDF needed more than 256 MiB of memory$|^PDF: reading stopped after 3 s$/);
    expect(statement.error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(PDF_LIMITS.timeMs + PDF_LIMITS.startupMs);
    expect(verdicts({ pages: [PAGE], statement }).reachable).toMatchObject({ status: 'warn', summary: { key: 'pdfUnread' } });
  }, 30_000);

  it('a file cut at the 1 MiB body cap is a note (our limit), not a broken statement', async () => {
    const statement = await fetchFile('/big.pdf');
    expect(statement).toMatchObject({ format: 'pdf', textTruncated: true });
    expect(statement.error).toBeUndefined();
    expect(statement.note).toMatch(/^PDF: the file is larger than the download limit and was cut/);
    expect(verdicts({ pages: [PAGE], statement }).reachable.status).toBe('warn');
  });

  it('extractPdfText keeps to a tiny time limit and to an aborted scan', async () => {
    const slow = await extractPdfText(LONG_PDF, { timeMs: 1 });
    expect(slow.note).toBe('reading stopped after 0.001 s');
    expect(slow.pagesRead).toBeLessThan(30);
    const aborted = await extractPdfText(NL_PDF, { signal: AbortSignal.abort() });
    expect(aborted).toMatchObject({ pagesRead: 0, note: 'reading stopped: scan deadline reached', text: '' });
  });
});

describe('layoutText: positioned text items to headings and paragraphs', () => {
  const line = (text: string, y: number, size = 11, x = 56): PdfItem => [text, x, y, text.length * size * 0.5, size, true];

  it('joins wrapped lines, rejoins a word broken at a hyphen, and splits at a wider gap or a size change', () => {
    const page = [line('Privacy', 800, 16), line('Wij zijn de verwerkings-', 770), line('verantwoordelijke voor uw', 756), line('gegevens.', 742), line('Nieuwe alinea.', 720)];
    expect(layoutText([page])).toBe('Privacy\nWij zijn de verwerkingsverantwoordelijke voor uw gegevens.\nNieuwe alinea.');
  });

  it('starts a line at each list item and after a short line ending a sentence, even at equal spacing', () => {
    const wide = 'This line is as wide as the text block goes on this page of the document';
    const page = [line(wide, 800), line('short end.', 786), line('Next paragraph', 772), line('• first right', 758), line('• second right', 744)];
    expect(layoutText([page])).toBe(`${wide} short end.\nNext paragraph\n• first right\n• second right`);
  });

  it('puts words placed apart on one line with spaces, and continues a sentence across a page break', () => {
    const words: PdfItem[] = [['We', 56, 800, 14, 11, false], ['keep', 74, 800, 24, 11, false], ['data', 102, 800, 22, 11, true]];
    expect(layoutText([words, [line('for seven years.', 800)]])).toBe('We keep data for seven years.');
    expect(layoutText([[line('Done.', 800)], [line('Next page.', 800)]])).toBe('Done.\nNext page.');
  });
});

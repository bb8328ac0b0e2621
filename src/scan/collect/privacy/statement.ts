/**
 * Fetching the privacy statement and turning it into readable text for the contents
 * analysis: visible text only, one line per block element, the page's declared language.
 * A PDF statement is read too (pdf-text.ts), within bounds, one line per paragraph.
 */
import { parseHtml } from '../../html.js';
import type { StatementEvidence } from '../../evidence/privacy-crawl.js';
import { firstHeader } from '../http/fetch.js';
import { extractPdfText } from './pdf-text.js';
import type { PoliteResult } from './polite-fetch.js';

/** Text kept for the contents analysis; a real statement is well under this. */
export const MAX_STATEMENT_TEXT = 200_000;

/** Structural view of cheerio's DOM nodes, so we need not import domhandler's types. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  children?: DomNode[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'nav', 'button', 'select', 'object', 'canvas']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);

export interface ExtractedText {
  text: string;
  truncated: boolean;
  declaredLang?: string;
}

/**
 * Visible text with block boundaries as newlines. Navigation is dropped; when the page has a
 * <main> (or role=main) with real content we keep only that, else the whole body, header and
 * footer included: a small shop often puts its company name and address only in the footer.
 */
export function extractText(html: string): ExtractedText {
  const $ = parseHtml(html);
  const declaredLang = $('html').attr('lang')?.trim() || undefined;
  const main = $('main, [role="main"]').first();
  const mainText = main.length > 0 ? render(main.get()) : '';
  const text = mainText.length >= 200 ? mainText : render($('body').get()) || render($.root().get());
  const truncated = text.length > MAX_STATEMENT_TEXT;
  return { text: truncated ? text.slice(0, MAX_STATEMENT_TEXT) : text, truncated, ...(declaredLang ? { declaredLang } : {}) };
}

function render(roots: DomNode[]): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      parts.push((node.data ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    const name = node.name?.toLowerCase();
    if (name && SKIPPED.has(name)) return;
    const block = name !== undefined && BLOCKS.has(name);
    if (block) parts.push('\n');
    for (const child of node.children ?? []) walk(child);
    if (block) parts.push('\n');
  };
  for (const root of roots) walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function formatOf(contentType: string | undefined, body: string): StatementEvidence['format'] {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf' || body.startsWith('%PDF-')) return 'pdf';
  if (type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /<html|<body|<p[\s>]/i.test(body.slice(0, 4096)))) return 'html';
  return 'other';
}

/** Fetch the statement at `url` with the crawl's polite fetch (redirects vetted hop by hop). Never throws. */
export async function fetchStatement(url: string, fetch: (url: string) => Promise<PoliteResult>, signal?: AbortSignal): Promise<StatementEvidence> {
  const { hops, last: chain, stopped } = await fetch(url);
  const last = hops.at(-1);
  const base: StatementEvidence = {
    url: last?.url ?? url,
    linkedUrl: url,
    format: 'other',
    text: '',
    chain: hops.map((hop) => hop.url),
    ...(last?.status !== undefined ? { status: last.status } : {}),
  };
  if (stopped) return { ...base, error: stopped };
  if (chain.error || !last) return { ...base, error: chain.error?.message ?? 'no answer' };
  const contentType = firstHeader(last, 'content-type');
  if (contentType) base.contentType = contentType.slice(0, 100);
  const body = chain.body ?? '';
  const format = formatOf(contentType, body);
  const contentLanguage = firstHeader(last, 'content-language')?.split(',')[0]?.trim();
  if (format === 'pdf') {
    if (!chain.rawBody) return { ...base, format, ...(contentLanguage ? { declaredLang: contentLanguage } : {}), note: 'PDF: the raw bytes were not kept, text not read' };
    return { ...base, ...(await pdfStatement(chain.rawBody, chain.bodyTruncated, contentLanguage, signal)) };
  }
  if (format === 'other') {
    const text = /^text\/plain/i.test(contentType ?? '') ? body.slice(0, MAX_STATEMENT_TEXT) : '';
    return { ...base, format, text, ...(contentLanguage ? { declaredLang: contentLanguage } : {}) };
  }
  const extracted = extractText(body);
  const declaredLang = extracted.declaredLang ?? contentLanguage;
  return {
    ...base,
    format,
    text: extracted.text,
    ...(declaredLang ? { declaredLang } : {}),
    ...(extracted.truncated || chain.bodyTruncated ? { textTruncated: true } : {}),
  };
}

/** The PDF part of the statement evidence: its text, pages, language and what went wrong. */
async function pdfStatement(bytes: Buffer, cut: boolean, contentLanguage: string | undefined, signal?: AbortSignal): Promise<Partial<StatementEvidence>> {
  const pdf = await extractPdfText(bytes, { maxChars: MAX_STATEMENT_TEXT, ...(signal ? { signal } : {}) });
  const declaredLang = pdf.declaredLang ?? contentLanguage;
  // A file cut at the body cap seldom opens (its cross-reference table is at the end); that is our
  // limit, not a broken statement, so it is a note and not an error.
  const cutError = cut && pdf.error ? pdf.error : undefined;
  const notes = [cut ? 'the file is larger than the download limit and was cut' : undefined, cutError, pdf.note].filter((note) => note !== undefined);
  return {
    format: 'pdf',
    text: pdf.text,
    ...(declaredLang ? { declaredLang } : {}),
    ...(pdf.truncated || cut ? { textTruncated: true } : {}),
    ...(pdf.pageCount !== undefined ? { pages: pdf.pageCount } : {}),
    pagesRead: pdf.pagesRead,
    ...(pdf.encrypted ? { encrypted: true } : {}),
    pdfReadMs: pdf.durationMs,
    ...(notes.length > 0 ? { note: `PDF: ${notes.join('; ')}` } : {}),
    ...(pdf.error && !cutError ? { error: pdf.error } : {}),
  };
}

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
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'nav', 'button', 'select', 'object', 'canvas']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul', 'caption',
]);
/** A list item's line starts with this, so the analyser knows it from a section title. */
const LIST_MARK = '- ';
/** A first table row of <td> cells this short, without digits or sentence punctuation, is the header row. */
const HEADER_CELL_WORDS = 4;

export interface ExtractedText {
  text: string;
  truncated: boolean;
  declaredLang?: string;
}

/**
 * Visible text with block boundaries as newlines. Navigation is dropped; when the page has a
 * <main> (or role=main) with real content we keep only that, else the whole body, header and
 * footer included: a small shop often puts its company name and address only in the footer.
 *
 * Structure the analyser needs is kept in the text: a list item starts with "- " (so a short item
 * such as "Access to your data" is not taken for a section title), and a table is read row by row,
 * each row one line in which every cell is prefixed by its column header ("Purpose: delivering your
 * order. Legal basis: contract. Retention: 7 years."), because a cell alone ("7 years") says nothing.
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
  // The list marker waits for the item's first visible text (an item may open with a <p>).
  let pendingMark = false;
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      const data = (node.data ?? '').replace(/\s+/g, ' ');
      if (pendingMark && data.trim()) {
        parts.push(LIST_MARK);
        pendingMark = false;
      }
      parts.push(data);
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    const name = node.name?.toLowerCase();
    if (name && SKIPPED.has(name)) return;
    if (name === 'table') {
      parts.push('\n', tableLines(node).join('\n'), '\n');
      return;
    }
    const block = name !== undefined && BLOCKS.has(name);
    if (block) parts.push('\n');
    // An item that only links within the page is a table of contents: its titles state nothing,
    // and read as lines they would lend the first section's text to the last title.
    if (name === 'li' && onlyInside(node, isInPageLink)) return;
    if (name === 'li') pendingMark = true;
    for (const child of node.children ?? []) walk(child);
    if (name === 'li') pendingMark = false;
    if (block) parts.push('\n');
  };
  for (const root of roots) walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && line !== LIST_MARK.trim())
    .join('\n');
}

/** The node's visible text is all inside elements that `inside` accepts (in-page links: a table of contents; bold: a label). */
function onlyInside(node: DomNode, inside: (element: DomNode) => boolean): boolean {
  let linked = false;
  let unlinked = false;
  const walk = (current: DomNode, inLink: boolean): void => {
    if (current.type === 'text') {
      if ((current.data ?? '').trim()) {
        if (inLink) linked = true;
        else unlinked = true;
      }
      return;
    }
    for (const child of current.children ?? []) walk(child, inLink || inside(current));
  };
  walk(node, false);
  return linked && !unlinked;
}

const isInPageLink = (element: DomNode): boolean => element.name?.toLowerCase() === 'a' && (element.attribs?.href ?? '').startsWith('#');

const childrenNamed = (node: DomNode, names: string[]): DomNode[] => (node.children ?? []).filter((child) => names.includes(child.name?.toLowerCase() ?? ''));

/** A cell's text on one line: its own lines (a list inside the cell) joined with "; ". */
function cellText(cell: DomNode): string {
  return render(cell.children ?? [])
    .split('\n')
    .map((line) => line.replace(/^- /, ''))
    .join('; ');
}

interface Row {
  cells: { text: string; header: boolean; bold: boolean; span: number }[];
  inHead: boolean;
}

function tableRows(table: DomNode): Row[] {
  const rows: Row[] = [];
  const collect = (node: DomNode, inHead: boolean): void => {
    for (const child of node.children ?? []) {
      const name = child.name?.toLowerCase();
      if (name === 'tr') {
        const cells = childrenNamed(child, ['td', 'th']).map((cell) => ({
          text: cellText(cell),
          header: cell.name?.toLowerCase() === 'th',
          bold: onlyInside(cell, (element) => ['strong', 'b'].includes(element.name?.toLowerCase() ?? '')),
          span: Math.min(Math.max(Number.parseInt(cell.attribs?.colspan ?? '1', 10) || 1, 1), 20),
        }));
        if (cells.some((cell) => cell.text)) rows.push({ cells, inHead });
      } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') collect(child, inHead || name === 'thead');
    }
  };
  collect(table, false);
  return rows;
}

/**
 * The header row: <th> cells, <thead>, bold cells, or a first row of short labels (no digits, no
 * sentence) over further rows. A two-column table needs the markup: its first row of short cells is
 * as often a "label | value" pair ("Name | Shop BV").
 */
function isHeaderRow(row: Row, rowCount: number): boolean {
  if (rowCount < 2) return false;
  if (row.inHead || row.cells.every((cell) => cell.header || cell.bold)) return true;
  if (row.cells.length < 3) return false;
  return row.cells.every((cell) => cell.text.split(/\s+/).length <= HEADER_CELL_WORDS && !/[\d.!?:;]/.test(cell.text));
}

const sentenceOf = (text: string): string => (/[.!?:;…]$/.test(text) ? text : `${text}.`);

/**
 * One line per row, each cell prefixed by its column header. Without a header row, a row whose
 * first cell is a <th> (a row header) or a two-column table reads as "label: value".
 */
function tableLines(table: DomNode): string[] {
  const caption = childrenNamed(table, ['caption']).map(cellText).filter(Boolean);
  const rows = tableRows(table);
  const first = rows[0];
  const header = first && isHeaderRow(first, rows.length) ? first.cells.flatMap((cell) => Array<string>(cell.span).fill(cell.text)) : undefined;
  const body = header ? rows.slice(1) : rows;
  const lines = body.map((row) => {
    const label = header ? undefined : rowLabel(row);
    if (label !== undefined) {
      const values = row.cells.slice(1).map((cell) => cell.text).filter(Boolean);
      return values.length > 0 ? `${label}: ${sentenceOf(values.join('; '))}` : sentenceOf(label);
    }
    const texts: string[] = [];
    let column = 0;
    for (const cell of row.cells) {
      const columnHeader = header?.[column];
      column += cell.span;
      if (!cell.text) continue;
      texts.push(columnHeader && columnHeader !== cell.text ? `${columnHeader}: ${sentenceOf(cell.text)}` : sentenceOf(cell.text));
    }
    return texts.join(' ');
  });
  return [...caption, ...lines].filter(Boolean);
}

/** The label of a row without a header row: its first cell when that is a <th>, or in a two-column table. */
function rowLabel(row: Row): string | undefined {
  const first = row.cells[0];
  if (!first?.text) return undefined;
  return first.header || row.cells.length === 2 ? first.text.replace(/[:.]$/, '') : undefined;
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

/**
 * The text of a PDF privacy statement, read with Mozilla's pdf.js (pdfjs-dist, legacy build) in a
 * worker thread of our own. A PDF from the web is hostile input: pdf.js's parser can be kept
 * busy in one synchronous call (a stream that inflates to a gigabyte), which no timer in the
 * same thread can interrupt. A worker can be terminated at any instruction, so the wall time,
 * the memory growth and the scan deadline are hard bounds. The worker reads only the bytes it
 * is given: no fetch, no font or wasm files, no eval, and pdf.js's optional canvas module is
 * not loaded (it scans the system's fonts at start).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { errorMessage } from '../../../core/errors.js';

export interface PdfLimits {
  /** Pages read at most; a statement longer than this is cut. */
  maxPages: number;
  /** Characters kept at most. */
  maxChars: number;
  /** Wall time for reading, from the moment pdf.js is loaded. */
  timeMs: number;
  /** Loading pdf.js in a fresh worker; generous, a busy machine is slow here. */
  startupMs: number;
  /** Growth of the process's resident memory while reading that stops the worker. */
  memoryBytes: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 30, maxChars: 200_000, timeMs: 3_000, startupMs: 10_000, memoryBytes: 256 * 1024 * 1024 };

export interface PdfText {
  /** Paragraphs and headings, one per line. */
  text: string;
  truncated: boolean;
  /** Pages in the file, when it could be opened. */
  pageCount?: number;
  pagesRead: number;
  /** The document's /Lang. */
  declaredLang?: string;
  /** Why not all text was read (a limit reached, a page that failed), in words for the evidence. */
  note?: string;
  /** Why nothing could be read (a damaged file, a password). */
  error?: string;
  encrypted?: boolean;
  durationMs: number;
}

/** A text item as the worker sends it: [text, x, y, width, height, end of line]. */
export type PdfItem = [string, number, number, number, number, boolean];

type WorkerMessage =
  | { type: 'loaded' }
  | { type: 'document'; pages: number }
  | { type: 'page'; number: number; lang: string | null; items: PdfItem[]; truncated: boolean }
  | { type: 'pageError'; number: number; message: string }
  | { type: 'done' }
  | { type: 'error'; name: string; message: string };

// Plain JavaScript, run with `eval: true` so it needs no file of ours beside the compiled code.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@napi-rs/canvas') throw Object.assign(new Error('not loaded for text extraction'), { code: 'MODULE_NOT_FOUND' });
  return resolveFilename.call(this, request, ...rest);
};
// Rendering classes pdf.js expects at load; text extraction never uses them.
globalThis.DOMMatrix = class DOMMatrix {};
globalThis.Path2D = class Path2D {};
globalThis.ImageData = class ImageData {};
globalThis.fetch = () => Promise.reject(new Error('no network in the PDF reader'));
(async () => {
  const { maxPages, maxChars } = workerData;
  globalThis.pdfjsWorker = await import(workerData.workerUrl);
  const pdfjs = await import(workerData.pdfjsUrl);
  parentPort.postMessage({ type: 'loaded' });
  const document = await pdfjs.getDocument({
    data: new Uint8Array(workerData.bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    useWorkerFetch: false, useWasm: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false,
    enableXfa: false, stopAtErrors: false, verbosity: 0,
  }).promise;
  parentPort.postMessage({ type: 'document', pages: document.numPages });
  let chars = 0;
  for (let number = 1; number <= Math.min(document.numPages, maxPages) && chars < maxChars; number++) {
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items = [];
      let truncated = false;
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        if (chars >= maxChars) { truncated = true; break; }
        chars += Math.max(1, item.str.length);
        items.push([item.str, item.transform[4], item.transform[5], item.width, item.height, item.hasEOL === true]);
      }
      parentPort.postMessage({ type: 'page', number, lang: content.lang ?? null, items, truncated });
      page.cleanup();
    } catch (error) {
      parentPort.postMessage({ type: 'pageError', number, message: String(error && error.message || error) });
    }
  }
  await document.destroy();
  parentPort.postMessage({ type: 'done' });
})().catch((error) => parentPort.postMessage({ type: 'error', name: String(error && error.name), message: String(error && error.message || error) }));
`;

function pdfjsUrls(): { pdfjsUrl: string; workerUrl: string } {
  const require = createRequire(import.meta.url);
  return {
    pdfjsUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
    workerUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href,
  };
}

interface Outcome {
  pageCount?: number;
  pages: { number: number; items: PdfItem[]; truncated: boolean }[];
  lang?: string;
  failedPages: { number: number; message: string }[];
  /** How reading ended when it did not end well. */
  stop?: { error?: string; encrypted?: boolean; note?: string };
}

/** Run pdf.js on `bytes` in a worker within the limits. Never throws. */
function runWorker(bytes: Uint8Array, limits: PdfLimits, signal?: AbortSignal): Promise<Outcome> {
  const outcome: Outcome = { pages: [], failedPages: [] };
  let urls: { pdfjsUrl: string; workerUrl: string };
  try {
    urls = pdfjsUrls();
  } catch (error) {
    return Promise.resolve({ ...outcome, stop: { note: `PDF reader not available: ${errorMessage(error)}` } });
  }
  // A copy in a buffer of its own: `bytes` may sit in Node's shared pool, which must not be transferred.
  const copy = new Uint8Array(bytes).buffer;
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { bytes: copy, ...urls, maxPages: limits.maxPages, maxChars: limits.maxChars },
        transferList: [copy],
        execArgv: [],
        env: {},
        stdout: true,
        stderr: true,
        resourceLimits: { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      });
    } catch (error) {
      resolve({ ...outcome, stop: { note: `PDF reader could not start: ${errorMessage(error)}` } });
      return;
    }
    // pdf.js's warnings are not ours to print.
    worker.stdout.resume();
    worker.stderr.resume();
    const startRss = process.memoryUsage.rss();
    let settled = false;
    const finish = (stop?: Outcome['stop']): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(stop ? { ...outcome, stop } : outcome);
    };
    let timer = setTimeout(() => finish({ note: `the PDF reader did not start within ${limits.startupMs / 1000} s` }), limits.startupMs);
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - startRss > limits.memoryBytes) finish({ note: `reading stopped: the PDF needed more than ${Math.round(limits.memoryBytes / 2 ** 20)} MiB of memory` });
    }, 20);
    const onAbort = (): void => finish({ note: 'reading stopped: scan deadline reached' });
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'loaded':
          clearTimeout(timer);
          timer = setTimeout(() => finish({ note: `reading stopped after ${limits.timeMs / 1000} s` }), limits.timeMs);
          return;
        case 'document':
          outcome.pageCount = message.pages;
          return;
        case 'page':
          outcome.lang ??= message.lang?.slice(0, 40) || undefined;
          outcome.pages.push({ number: message.number, items: message.items, truncated: message.truncated });
          return;
        case 'pageError':
          outcome.failedPages.push({ number: message.number, message: message.message.slice(0, 200) });
          return;
        case 'done':
          finish();
          return;
        case 'error':
          finish(classify(message.name, message.message));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish({ note: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reading stopped: the PDF needed too much memory' : `the PDF reader failed: ${errorMessage(error)}` });
    });
    worker.on('exit', (code) => finish({ note: `the PDF reader stopped unexpectedly (exit ${code})` }));
  });
}

function classify(name: string, message: string): NonNullable<Outcome['stop']> {
  const detail = message.slice(0, 200);
  if (name === 'PasswordException') return { error: 'the PDF is protected with a password, so its text cannot be read', encrypted: true };
  if (name === 'InvalidPDFException') return { error: `the file is not a readable PDF (${detail})` };
  return { error: `the PDF could not be read (${detail})` };
}

/** Read the text of a PDF file within `limits`. Never throws: trouble is in `error` or `note`. */
export async function extractPdfText(bytes: Uint8Array, options: Partial<PdfLimits> & { signal?: AbortSignal } = {}): Promise<PdfText> {
  const { signal, ...overrides } = options;
  const limits = { ...PDF_LIMITS, ...overrides };
  const started = performance.now();
  const outcome = await runWorker(bytes, limits, signal);
  const pages = outcome.pages.sort((a, b) => a.number - b.number);
  const laidOut = layoutText(pages.map((page) => page.items));
  const truncated = laidOut.length > limits.maxChars || pages.some((page) => page.truncated);
  const notes: string[] = [];
  if (outcome.stop?.note) notes.push(outcome.stop.note);
  if (outcome.pageCount !== undefined && outcome.pageCount > limits.maxPages) notes.push(`read the first ${limits.maxPages} of ${outcome.pageCount} pages`);
  const failed = outcome.failedPages;
  // Every page tried failed: the file is as unreadable as a damaged one.
  const allFailed = pages.length === 0 && failed[0] && !outcome.stop ? `the PDF could not be read (page ${failed[0].number}: ${failed[0].message})` : undefined;
  if (failed.length > 0 && !allFailed) notes.push(`page ${failed.slice(0, 5).map((page) => page.number).join(', ')} could not be read`);
  // A late failure after pages were read leaves their text usable: a note, not an error.
  const error = allFailed ?? (outcome.stop?.error && pages.length === 0 ? outcome.stop.error : undefined);
  if (outcome.stop?.error && !error) notes.push(outcome.stop.error);
  return {
    text: truncated ? laidOut.slice(0, limits.maxChars) : laidOut,
    truncated,
    ...(outcome.pageCount !== undefined ? { pageCount: outcome.pageCount } : {}),
    pagesRead: pages.length,
    ...(outcome.lang ? { declaredLang: outcome.lang } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    ...(error ? { error } : {}),
    ...(outcome.stop?.encrypted ? { encrypted: true } : {}),
    durationMs: Math.round(performance.now() - started),
  };
}

// ---- from positioned text items to lines and paragraphs ----

interface VisualLine {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

const LIST_START = /^\s*(?:[-*•·–—▪◦]|\d{1,2}[.)]|[a-z][.)])\s/iu;
const SENTENCE_END = /[.!?:;]["'”’)]*$/u;

/** Items on one baseline (or up to an end of line) become one visual line. */
function visualLines(items: PdfItem[]): VisualLine[] {
  const lines: VisualLine[] = [];
  let current: VisualLine | undefined;
  for (const [str, x, y, width, height, endOfLine] of items) {
    const size = height > 0 ? height : (current?.size ?? 10);
    if (current && Math.abs(y - current.y) > Math.max(1, 0.3 * Math.min(size, current.size))) {
      lines.push(current);
      current = undefined;
    }
    if (str !== '') {
      current ??= { text: '', x, y, right: x, size };
      // Producers that position words instead of writing spaces leave a gap: that is a space.
      const gap = x - current.right;
      if (current.text !== '' && gap > 0.15 * size && !/\s$/.test(current.text) && !/^\s/.test(str)) current.text += ' ';
      current.text += str;
      current.right = Math.max(current.right, x + width);
      current.size = Math.max(current.size, size);
    }
    if (endOfLine && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() })).filter((line) => line.text !== '');
}

/**
 * The page's line spacing inside a paragraph: a low percentile of the gaps between lines of one
 * size, as on a page of short paragraphs most gaps are paragraph gaps. Gaps under 0.8 of the
 * text size (sub- and superscripts) are not line spacing.
 */
function lineSpacing(lines: VisualLine[]): number | undefined {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const [above, below] = [lines[index - 1], lines[index]];
    if (!above || !below || Math.abs(above.size - below.size) > 0.15 * above.size) continue;
    const gap = above.y - below.y;
    if (gap >= 0.8 * below.size) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 5)];
}

/** Does `line` start a new paragraph after `previous` on the same page? */
function startsParagraph(previous: VisualLine, line: VisualLine, lineGap: number, blockLeft: number, blockRight: number): boolean {
  if (Math.abs(line.size - previous.size) > 0.15 * previous.size) return true;
  const gap = previous.y - line.y;
  if (gap <= 0 || gap > lineGap * 1.15 + 0.5) return true;
  if (LIST_START.test(line.text)) return true;
  // A short line that ends a sentence is a paragraph's last line, even without extra spacing.
  return SENTENCE_END.test(previous.text) && previous.right - blockLeft < 0.8 * (blockRight - blockLeft);
}

function join(paragraph: string, line: string): string {
  // "verwerkings-" + "verantwoordelijke": a word broken at the line end.
  if (/\p{Ll}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/**
 * Headings and paragraphs, one per line, from each page's text items in content order: items on
 * one baseline form a line; a line joins the paragraph above it unless its size changes (a
 * heading), the gap above it is wider than the page's usual line spacing, it starts a list item,
 * or the line above is a short one that ends a sentence.
 */
export function layoutText(pages: PdfItem[][]): string {
  const paragraphs: string[] = [];
  let openAcrossPages = false;
  for (const items of pages) {
    const lines = visualLines(items);
    if (lines.length === 0) continue;
    const lineGap = lineSpacing(lines) ?? (lines[0]?.size ?? 10) * 1.2;
    const blockLeft = Math.min(...lines.map((line) => line.x));
    const blockRight = Math.max(...lines.map((line) => line.right));
    lines.forEach((line, index) => {
      const previous = lines[index - 1];
      const last = paragraphs.length - 1;
      // A sentence running on from the previous page continues the paragraph there.
      const continues = previous ? !startsParagraph(previous, line, lineGap, blockLeft, blockRight) : openAcrossPages && /^\p{Ll}/u.test(line.text);
      if (continues && last >= 0) paragraphs[last] = join(paragraphs[last] ?? '', line.text);
      else paragraphs.push(line.text);
    });
    openAcrossPages = !SENTENCE_END.test(paragraphs.at(-1) ?? '.');
  }
  return paragraphs.join('\n');
}

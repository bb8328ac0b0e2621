/**
 * HTML as a browser reads it: parse5 (the WHATWG parsing algorithm, scripting on, so a
 * <noscript>'s content is text), handed to cheerio for selectors. This is what cheerio's
 * own load() does; loading its slim entry with our parse keeps its main entry out, which
 * pulls in a stream decoder, iconv-lite's tables and an HTTP client we do not use here.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';

/** A fresh document, which the caller may change. */
export function parseHtml(html: string): CheerioAPI {
  return load(parse(html, { treeAdapter: adapter, scriptingEnabled: true }));
}

/** The last few documents the checks asked for: several checks read the same page. */
const shared = new Map<string, CheerioAPI>();
const SHARED_LIMIT = 4;

/** A document shared between callers: read it, never change it. */
export function sharedHtml(html: string): CheerioAPI {
  const found = shared.get(html);
  if (found) return found;
  const document = parseHtml(html);
  if (shared.size >= SHARED_LIMIT) shared.delete(shared.keys().next().value as string);
  shared.set(html, document);
  return document;
}

/** Whether an element sits in a <template>, whose content a browser does not load or show. */
export function insideTemplate(node: { parent?: unknown; type?: string; name?: string } | null | undefined): boolean {
  for (let current = node?.parent as typeof node; current; current = current.parent as typeof node) {
    if (current.type === 'tag' && current.name === 'template') return true;
  }
  return false;
}

/**
 * Renderers for a generated statement: Markdown, HTML (a self-contained <article> fragment or a
 * standalone page) and plain text. Lines are never wrapped: one paragraph or list item is one
 * line, so a reader (and our own analyser) sees each sentence whole.
 */
import type { Block, Inline, StatementDocument } from './document.js';

// ---------- HTML ----------

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/** Only the schemes the generator produces; anything else is shown as text, never linked. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

function inlineHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if (!SAFE_HREF.test(part.href)) return escapeHtml(part.text);
      return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`;
    })
    .join('');
}

function blocksHtml(blocks: Block[], indent: string): string[] {
  return blocks.map((block) =>
    block.kind === 'paragraph'
      ? `${indent}<p>${inlineHtml(block.content)}</p>`
      : [`${indent}<ul>`, ...block.items.map((item) => `${indent}  <li>${inlineHtml(item)}</li>`), `${indent}</ul>`].join('\n'),
  );
}

export interface HtmlOptions {
  /** A whole page (doctype, head, title, <main>) instead of an <article> fragment. */
  standalone?: boolean;
}

export function renderHtml(doc: StatementDocument, options: HtmlOptions = {}): string {
  const lines = [`<article lang="${escapeHtml(doc.lang)}" class="privacy-statement">`, `  <h1>${escapeHtml(doc.title)}</h1>`, ...blocksHtml(doc.intro, '  ')];
  for (const section of doc.sections) {
    lines.push(`  <section id="privacy-${escapeHtml(section.id)}">`, `    <h2>${escapeHtml(section.heading)}</h2>`, ...blocksHtml(section.blocks, '    '));
    for (const sub of section.subsections ?? []) lines.push(`    <h3>${escapeHtml(sub.heading)}</h3>`, ...blocksHtml(sub.blocks, '    '));
    lines.push('  </section>');
  }
  lines.push('</article>');
  const article = lines.join('\n');
  if (!options.standalone) return `${article}\n`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    article,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------- Markdown ----------

/** Characters that would start emphasis, code, links or raw HTML. */
const escapeMarkdown = (value: string): string => value.replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`);

/** A line that would otherwise start a heading, list or quote. */
const escapeLineStart = (line: string): string => line.replace(/^(#|[-+>]\s|\d+[.)]\s)/, (start) => `\\${start}`);

function inlineMarkdown(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return escapeMarkdown(part);
      if (!SAFE_HREF.test(part.href)) return escapeMarkdown(part.text);
      return `[${escapeMarkdown(part.text)}](${encodeURI(part.href).replace(/[()]/g, (char) => (char === '(' ? '%28' : '%29'))})`;
    })
    .join('');
}

function blocksMarkdown(blocks: Block[]): string[] {
  return blocks.map((block) =>
    block.kind === 'paragraph' ? escapeLineStart(inlineMarkdown(block.content)) : block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n'),
  );
}

export function renderMarkdown(doc: StatementDocument): string {
  const out = [`# ${inlineMarkdown([doc.title])}`, ...blocksMarkdown(doc.intro)];
  for (const section of doc.sections) {
    out.push(`## ${inlineMarkdown([section.heading])}`, ...blocksMarkdown(section.blocks));
    for (const sub of section.subsections ?? []) out.push(`### ${inlineMarkdown([sub.heading])}`, ...blocksMarkdown(sub.blocks));
  }
  return `${out.join('\n\n')}\n`;
}

// ---------- Plain text ----------

function inlineText(parts: Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      const shown = part.href.replace(/^mailto:/i, '');
      return shown === part.text ? part.text : `${part.text} (${shown})`;
    })
    .join('');
}

function blocksText(blocks: Block[]): string[] {
  return blocks.map((block) => (block.kind === 'paragraph' ? inlineText(block.content) : block.items.map((item) => `- ${inlineText(item)}`).join('\n')));
}

export function renderText(doc: StatementDocument): string {
  // Headings stay bare lines (no underlines): an underline would read as a line of its own.
  const out = [doc.title, ...blocksText(doc.intro)];
  for (const section of doc.sections) {
    out.push(section.heading, ...blocksText(section.blocks));
    for (const sub of section.subsections ?? []) out.push(sub.heading, ...blocksText(sub.blocks));
  }
  return `${out.join('\n\n')}\n`;
}

/** The formats a statement is written in, with the media type each is served as. */
export const STATEMENT_FORMATS = ['markdown', 'html', 'text'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
export const STATEMENT_MEDIA_TYPES: Record<StatementFormat, { type: string; extension: string }> = {
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  text: { type: 'text/plain; charset=utf-8', extension: 'txt' },
};

/** One statement in one format: the CLI, the page's download and the API all write through this. */
export function renderStatement(doc: StatementDocument, format: StatementFormat, options: HtmlOptions = {}): string {
  if (format === 'html') return renderHtml(doc, options);
  if (format === 'text') return renderText(doc);
  return renderMarkdown(doc);
}

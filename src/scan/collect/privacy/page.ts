/**
 * Reading one crawled HTML page: its title, the links to follow, the links that look
 * like the privacy statement, and its forms (does one collect personal data, and where
 * does it send it).
 */
import { load, type CheerioAPI } from 'cheerio';
import type { FormEvidence, StatementLink } from '../../evidence-privacy-crawl.js';
import { fold, statementScore } from './statement-words.js';

const MAX_LINKS = 500;
const MAX_FORMS = 20;
const MAX_CANDIDATES = 10;
const MAX_TEXT = 120;

export interface ScoredLink extends StatementLink {
  score: number;
}

export interface ParsedPage {
  title?: string;
  /** Absolute http(s) URLs without fragment, in document order, deduplicated, capped. */
  links: string[];
  statementLinks: ScoredLink[];
  forms: FormEvidence[];
}

/** Input types and name fragments (folded) that mean a form asks for personal data. */
const PERSONAL_TYPES = new Set(['email', 'password', 'tel']);
// Long fragments count anywhere in a name ("username", "billing_address"); short ones only as a whole word ("zip", not "zipper").
const PERSONAL_NAMES =
  /name|naam|namn|prenom|e-?mail|phone|telefo|mobile|mobiel|address|adres|adress|street|straat|strasse|postcode|postal|postnummer|birth|geboorte|fodelse|iban|password|wachtwoord|losenord|passwort|(^|[^a-z])(zip|plz|ort|rue|nom|city|tel|gata|ville|mail|woonplaats)([^a-z]|$)/;
const NON_DATA_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color']);

export function parsePage(html: string, pageUrl: string): ParsedPage {
  const $ = load(html);
  const base = baseUrl($, pageUrl);
  const title = $('title').first().text().replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;

  const links: string[] = [];
  const seen = new Set<string>();
  const statementLinks: ScoredLink[] = [];
  const candidateSeen = new Set<string>();
  $('a[href], area[href]').each((_, element) => {
    const url = absolute($(element).attr('href') ?? '', base);
    if (!url) return;
    if (!seen.has(url.href) && links.length < MAX_LINKS) {
      seen.add(url.href);
      links.push(url.href);
    }
    const node = $(element);
    const text = [node.text(), node.attr('title') ?? '', node.attr('aria-label') ?? '', node.find('img').attr('alt') ?? '']
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const score = statementScore(text, url);
    if (score > 0 && !candidateSeen.has(url.href) && statementLinks.length < MAX_CANDIDATES) {
      candidateSeen.add(url.href);
      statementLinks.push({ url: url.href, text: text.slice(0, MAX_TEXT), score });
    }
  });

  const forms: FormEvidence[] = [];
  $('form')
    .slice(0, MAX_FORMS)
    .each((_, element) => {
      const form = $(element);
      const actionAttr = form.attr('action')?.trim();
      const action = actionAttr ? absolute(actionAttr, base, true) : new URL(pageUrl);
      const methodAttr = (form.attr('method') ?? 'get').trim().toLowerCase();
      const method: FormEvidence['method'] = methodAttr === 'post' ? 'post' : methodAttr === 'dialog' ? 'dialog' : 'get';
      const personalFields: string[] = [];
      form.find('input, textarea, select').each((__, field) => {
        const input = $(field);
        const type = (input.attr('type') ?? 'text').trim().toLowerCase();
        if (NON_DATA_TYPES.has(type)) return;
        const label = input.attr('name') ?? input.attr('id') ?? input.attr('autocomplete') ?? type;
        const names = fold([input.attr('name'), input.attr('id'), input.attr('autocomplete')].filter(Boolean).join(' '));
        if (PERSONAL_TYPES.has(type) || PERSONAL_NAMES.test(names)) personalFields.push(label.slice(0, 60));
      });
      const actionHref = action?.href ?? actionAttr?.slice(0, 200) ?? pageUrl;
      forms.push({
        action: actionHref,
        method,
        personalFields: personalFields.slice(0, 20),
        collectsPersonalData: personalFields.length > 0,
        postsOverHttps: action?.protocol === 'https:',
      });
    });

  return { ...(title ? { title } : {}), links, statementLinks, forms };
}

function baseUrl($: CheerioAPI, pageUrl: string): URL {
  const page = new URL(pageUrl);
  const href = $('base[href]').first().attr('href');
  if (!href) return page;
  try {
    return new URL(href, page);
  } catch {
    return page;
  }
}

/** Resolve a link; only http(s), fragment dropped. `anyScheme` keeps other schemes (a form action). */
function absolute(href: string, base: URL, anyScheme = false): URL | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (!anyScheme && url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url;
  } catch {
    return undefined;
  }
}

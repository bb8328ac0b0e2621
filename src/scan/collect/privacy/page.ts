/**
 * Reading one crawled HTML page: its title, the links to follow, the links that look
 * like the privacy statement, and its forms (does one collect personal data, and where
 * does it send it).
 */
import { createHash } from 'node:crypto';
import type { CheerioAPI } from 'cheerio/slim';
import { parseHtml } from '../../html.js';
import type { FormEvidence, StatementLink } from '../../evidence/privacy-crawl.js';
import { fold, statementScore } from './statement-words.js';

const MAX_LINKS = 500;
const MAX_EXAMINED_PER_END = 1_000;
const MAX_FORMS = 20;
const MAX_CANDIDATES = 10;
const MAX_TEXT = 120;

export interface ScoredLink extends StatementLink {
  score: number;
}

export interface ParsedPage {
  title?: string;
  /** <html lang>, if declared. */
  lang?: string;
  /** A hash of the page's visible text (when there is enough of it), to recognise one document served under two URLs. */
  fingerprint?: string;
  /** Absolute http(s) URLs without fragment, in document order, deduplicated, capped. */
  links: string[];
  statementLinks: ScoredLink[];
  forms: FormEvidence[];
}

/** Input types and name fragments (folded) that mean a form asks for personal data. */
const PERSONAL_TYPES = new Set(['email', 'password', 'tel']);
// Read in the field's name, id, autocomplete, placeholder, aria-label and label text, in EN/NL/SV/DE/FR.
// Long fragments count anywhere ("username", "billing_address", "nyhetsbrev_epost"); short ones only as a whole word ("zip", not "zipper").
const PERSONAL_NAMES = new RegExp(
  [
    'name|naam|namn|prenom|e-?mail|e-?post|courriel|phone|telefo|mobile|mobiel|mobil|address|adres|adress|anschrift|street|straat|strasse',
    'hausnummer|huisnummer|postcode|postal|postnummer|postleitzahl|wohnort|birth|geboorte|fodelse|geburt|naissance|bday|personnummer',
    'iban|card.?number|cc-(?:number|name|exp|csc)|kreditkarte|password|wachtwoord|losenord|passwort|kennwort|mot.?de.?passe',
    '(?:^|[^a-z])(?:zip|plz|ort|rue|nom|city|tel|gata|ville|mail|woonplaats|plaats|stad|login|bsn|gsm|handy|cvc|cvv)(?:[^a-z]|$)',
  ].join('|'),
);
const NON_DATA_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color', 'search']);
/** A search box ("q", "s", "zoeken", "sok", "suche", "recherche") is no personal data, whatever its placeholder says. */
const SEARCH_NAMES = /^(?:q|s|query|search|search_query|keywords?|term|zoek|zoeken|zoekterm|sok|soka|suche|suchbegriff|recherche|search-term)$/;
/** Enough text to tell two documents apart by their fingerprint. */
const MIN_FINGERPRINT_TEXT = 200;

export function parsePage(html: string, pageUrl: string): ParsedPage {
  const $ = parseHtml(html);
  const base = baseUrl($, pageUrl);
  const title = $('title').first().text().replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
  const lang = $('html').attr('lang')?.trim().slice(0, 35) || undefined;
  // "Behandling av<br>personuppgifter" reads as two words, not one.
  $('br').replaceWith(' ');

  const links: string[] = [];
  const seen = new Set<string>();
  const statementLinks: ScoredLink[] = [];
  const candidateSeen = new Set<string>();
  // A page with tens of thousands of links would cost seconds of CPU here: read the first and
  // the last anchors (navigation and footer, where a privacy link sits), not every product tile.
  const anchors = $('a[href], area[href]').toArray();
  const examined = anchors.length > 2 * MAX_EXAMINED_PER_END ? [...anchors.slice(0, MAX_EXAMINED_PER_END), ...anchors.slice(-MAX_EXAMINED_PER_END)] : anchors;
  $(examined).each((_, element) => {
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
        if (NON_DATA_TYPES.has(type) || SEARCH_NAMES.test(fold(input.attr('name') ?? ''))) return;
        const label = input.attr('name') ?? input.attr('id') ?? input.attr('autocomplete') ?? type;
        if (PERSONAL_TYPES.has(type) || PERSONAL_NAMES.test(describeField($, input))) personalFields.push(label.slice(0, 60));
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

  const fingerprint = fingerprintOf($);
  return { ...(title ? { title } : {}), ...(lang ? { lang } : {}), ...(fingerprint ? { fingerprint } : {}), links, statementLinks, forms };
}

type Field = ReturnType<CheerioAPI>;

/** What a visitor and the browser are told about a field: name, id, autocomplete, placeholder, aria-label, its <label>. */
function describeField($: CheerioAPI, input: Field): string {
  const id = input.attr('id');
  const labels = [input.closest('label').text(), id ? $('label').filter((_, label) => $(label).attr('for') === id).first().text() : ''];
  const parts = [input.attr('name'), id, input.attr('autocomplete'), input.attr('placeholder'), input.attr('aria-label'), ...labels];
  return fold(parts.filter((part): part is string => part !== undefined && part !== '').join(' ').slice(0, 500));
}

/** The visible text, hashed: the same document under another URL (a tracking query, other letter case) hashes the same. */
function fingerprintOf($: CheerioAPI): string | undefined {
  $('script, style, noscript, template').remove();
  const text = $('body').text().replace(/\s+/g, ' ').trim();
  if (text.length < MIN_FINGERPRINT_TEXT) return undefined;
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
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

/**
 * Plurals are plurals (issue 14: "1 days"): every text table (every check's texts and the web
 * app's texts) rendered with count 1 and count 2 in every language, rejecting "1 <plural
 * noun>". Which words are plural nouns is learnt from the tables themselves: a word that a
 * key's `_other` text puts after its number where the `_one` text says something else.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../src/core/lang.js';
import { CHECKS } from '../src/scan/checks/registry.js';
import { uiTexts } from '../src/server/features.js';

interface Table {
  name: string;
  texts: Record<Lang, Record<string, string>>;
}

const TABLES: Table[] = [...CHECKS.map((check) => ({ name: check.id, texts: check.texts })), { name: 'web app', texts: uiTexts() }];

/** Plural nouns no _one/_other pair happens to teach, for units that texts put after a number. */
const SEED: Record<Lang, string[]> = {
  en: ['days', 'hours', 'minutes', 'seconds', 'characters', 'pages', 'files', 'cookies', 'addresses', 'records', 'names', 'lookups', 'selectors', 'servers'],
  nl: ['dagen', 'uren', 'minuten', 'seconden', 'tekens', "pagina's", 'bestanden', 'adressen', 'records', 'namen', 'selectors', 'servers', 'zoekopdrachten'],
  sv: ['dagar', 'timmar', 'minuter', 'sekunder', 'sidor', 'filer', 'kakor', 'adresser', 'poster', 'namn', 'selektorer', 'servrar', 'uppslag'],
};

/**
 * Placeholders whose value is never 1, by construction of the check that fills them.
 * [table, key without plural suffix, placeholder, why]
 */
const NEVER_ONE: [string, string, string, string][] = [
  ['web.cookies', 'fail', 'total', 'fail/warn name a part of the cookies: total > count >= 1 (failAll/warnAll say "all")'],
  ['web.cookies', 'warn', 'total', 'see fail'],
  ['privacy.statement.linked', 'fail', 'total', 'a part of the pages: total > count >= 1 (failAll says "none")'],
  ['privacy.forms', 'fail', 'total', 'a part of the forms: total > count >= 1 (failAll says "all")'],
  ['privacy.statement.contents', 'coreMissing', 'total', 'the number of art. 13 elements, a constant above 10'],
  ['privacy.statement.contents', 'someMissing', 'total', 'idem'],
  ['privacy.statement.contents', 'complete', 'total', 'idem'],
  ['privacy.statement.contents', 'gaps', 'total', 'idem'],
  ['privacy.statement.contents', 'gapsAndDenies', 'total', 'idem'],
  ['mail.mx', 'passChecked', 'checked', 'the constant limit of MX hosts looked up (10)'],
  ['mail.mx', 'passChecked', 'count', 'said only when there are more MX records than that limit'],
  ['mail.dkim', 'replaceWeak', 'bits', 'an RSA key size in bits'],
  ['mail.dkim', 'upgrade1024', 'bits', 'idem'],
  ['mail.spf', 'multiple', 'count', 'said only for 2 or more SPF records'],
  ['mail.spf', 'tooManyLookups', 'count', 'said only above the limit of 10'],
  ['mail.spf', 'tooManyVoid', 'count', 'said only above the limit of 2'],
  ['mail.spf', 'tooManyMx', 'count', 'said only above the limit of 10'],
  ['mail.spf', 'incomplete', 'queries', 'said only when the query budget ran out'],
  ['web app', 'domainProblem.tooLong', 'length', 'said only above 253 characters'],
  ['web app', 'domainProblem.tooLong', 'max', 'the constant 253'],
  ['web app', 'domainProblem.longLabel', 'length', 'said only above 63 characters'],
  ['web app', 'domainProblem.longLabel', 'max', 'the constant 63'],
  ['web app', 'domain.dkimProblem.tooMany', 'max', 'a constant limit above 1'],
  ['web app', 'privacyProblem.tooLong', 'n', 'a schema maxLength, never 1'],
  ['web app', 'invitation.mail.body', 'days', 'the constant INVITATION_DAYS'],
  ['web app', 'privacyStatement.check.complete', 'total', 'the number of art. 13 elements'],
  ['web app', 'privacyStatement.check.missing', 'total', 'idem'],
];

/** Placeholders that carry words, never a number (the rest are rendered as 1 and 2). */
const TEXTUAL = new Set([
  'host', 'hosts', 'url', 'urls', 'domain', 'name', 'names', 'reason', 'target', 'record', 'term', 'type', 'value', 'values', 'header',
  'path', 'paths', 'cookie', 'cookies', 'issuer', 'mx', 'protocol', 'version', 'error', 'cipher', 'ciphers', 'group', 'groups', 'list',
  'example', 'charset', 'banners', 'add', 'sources', 'server', 'address', 'addresses', 'from', 'foundAt', 'zone', 'selectors', 'keys',
  'companies', 'www', 'chosen', 'old', 'untested', 'uri', 'queried', 'policy', 'rua', 'certs', 'signal', 'missing', 'label', 'user', 'org',
  'role', 'email', 'link', 'date', 'title', 'algorithms', 'who', 'what', 'actor', 'token', 'when', 'final', 'denied', 'phrase',
]);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const WORD = /^[\p{L}’']+/u;

/** The word right after each number placeholder, as (placeholder, word). */
function wordsAfterPlaceholders(text: string): [string, string][] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}\s+(?:[A-Z]{2,}\s+)?/gu)].flatMap((match) => {
    const rest = text.slice((match.index ?? 0) + match[0].length);
    const word = WORD.exec(rest)?.[0].toLowerCase();
    return word ? [[match[1] ?? '', word] as [string, string]] : [];
  });
}

function pluralNouns(lang: Lang): Set<string> {
  const nouns = new Set(SEED[lang]);
  for (const { texts } of TABLES) {
    for (const [key, other] of Object.entries(texts[lang])) {
      if (!key.endsWith('_other')) continue;
      const one = texts[lang][key.replace(/_other$/, '_one')] ?? '';
      const singular = new Set(wordsAfterPlaceholders(one).filter(([name]) => name === 'count').map(([, word]) => word));
      // Learn only from pairs that put a word after the number in both forms ("{{count}} day" /
      // "{{count}} days"): a _one that says "the only cookie" teaches nothing about "{{count}} of".
      if (singular.size === 0) continue;
      for (const [name, word] of wordsAfterPlaceholders(other)) if (name === 'count' && !singular.has(word)) nouns.add(word);
    }
  }
  return nouns;
}

/** Render a table's key as the app does: i18next picks `_one`/`_other` from count. */
function renderer(table: Table, lang: Lang): (key: string, params: Record<string, unknown>) => string {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    resources: { [lang]: { translation: table.texts[lang] } },
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return (key, params) => instance.t(key, params);
}

describe('plurals in every text table', () => {
  for (const lang of LANGS) {
    const nouns = pluralNouns(lang);
    it(`${lang}: learnt enough plural nouns to mean something`, () => {
      expect(nouns.size).toBeGreaterThan(SEED[lang].length + 5);
    });

    it(`${lang}: no text says "1 <plural>" with its numbers set to 1`, () => {
      const problems: string[] = [];
      for (const table of TABLES) {
        const render = renderer(table, lang);
        const baseKeys = new Set(Object.keys(table.texts[lang]).map((key) => key.replace(PLURAL_SUFFIX, '')));
        for (const base of baseKeys) {
          const text = table.texts[lang][base] ?? table.texts[lang][`${base}_other`] ?? '';
          const names = [...new Set([...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((match) => match[1] ?? ''))];
          for (const value of [1, 2]) {
            // Every placeholder set to the number, unless it is known never to be 1.
            const neverOne = (name: string): boolean => NEVER_ONE.some(([t, k, p]) => t === table.name && k === base && p === name);
            const params = Object.fromEntries(names.map((name) => [name, TEXTUAL.has(name) ? 'X' : neverOne(name) ? 5 : value]));
            const rendered = render(base, params);
            for (const match of rendered.matchAll(/(?:^|[^\d.,:/-])1\s+(?:[A-Z]{2,}\s+)?([\p{L}’']+)/gu)) {
              const word = (match[1] ?? '').toLowerCase();
              if (nouns.has(word)) problems.push(`${table.name} ${base} (${value}): "${rendered.slice(0, 140)}"`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('catches the kind it is for', () => {
    const table: Table = { name: 'probe', texts: { en: { short: 'HSTS lasts {{days}} days.' }, nl: {}, sv: {} } };
    expect(renderer(table, 'en')('short', { days: 1 })).toBe('HSTS lasts 1 days.');
    expect(pluralNouns('en').has('days')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { escapeHtml, html, raw } from '../src/web/html.js';
import { uiTexts, uiTranslators } from '../src/server/features.js';
import { langFromAcceptLanguage, mergeUiTexts } from '../src/web/i18n.js';

// Every text of the app: the shell's and each feature's, merged as the app merges them.
const UI_TEXTS = uiTexts();
const translator = uiTranslators();

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('interface texts', () => {
  it('has every key in every language, with the same placeholders, and not left in English', () => {
    const keys = Object.keys(UI_TEXTS.en);
    expect(keys.length).toBeGreaterThan(20);
    for (const lang of LANGS) {
      expect(Object.keys(UI_TEXTS[lang]).sort(), `keys of ${lang}`).toEqual([...keys].sort());
      for (const key of keys) {
        const text = UI_TEXTS[lang][key] ?? '';
        expect(text.trim(), `${lang}.${key} is empty`).not.toBe('');
        expect(placeholders(text), `${lang}.${key} placeholders`).toEqual(placeholders(UI_TEXTS.en[key] ?? ''));
      }
    }
    // A translation that is identical to English is usually a forgotten one; short names excepted.
    const untranslated = keys.filter((key) => (UI_TEXTS.en[key] ?? '').length > 14 && UI_TEXTS.nl[key] === UI_TEXTS.en[key]);
    expect(untranslated).toEqual([]);
  });

  it('names no command-line flag: the web has its own controls (issue 13)', () => {
    const withFlags = LANGS.flatMap((lang) => Object.entries(UI_TEXTS[lang]).filter(([, text]) => /(^|[\s`(])--[a-z]/.test(text)).map(([key]) => `${lang}.${key}`));
    expect(withFlags).toEqual([]);
  });

  it('refuses a key defined by two modules', () => {
    const a = { en: { x: 'a' }, nl: { x: 'a' }, sv: { x: 'a' } };
    expect(() => mergeUiTexts([a, a])).toThrow(/defined twice/);
  });

  it('translates with parameters and throws on a missing key', () => {
    expect(translator('nl')('error.tooManyRequests', { count: 30 })).toContain('30 seconden');
    // One second is singular in every language (issue 13: plurals through i18next).
    expect(translator('en')('error.tooManyRequests', { count: 1 })).toBe('Too many requests. Wait 1 second and try again.');
    expect(translator('nl')('error.tooManyRequests', { count: 1 })).toContain('Wacht 1 seconde en');
    expect(translator('sv')('error.tooManyRequests', { count: 1 })).toContain('Vänta 1 sekund och');
    expect(translator('en')('login.throttled', { count: 1 })).toContain('wait a minute');
    expect(translator('sv')('login.throttled', { count: 15 })).toContain('15 minuter');
    expect(() => translator('sv')('no.such.key')).toThrow(/missing UI text/);
  });

  it('picks the language from Accept-Language by quality', () => {
    expect(langFromAcceptLanguage('de-DE,sv;q=0.8,nl;q=0.9')).toBe('nl');
    expect(langFromAcceptLanguage('sv-SE')).toBe('sv');
    expect(langFromAcceptLanguage('fr, de;q=0.5')).toBeUndefined();
    expect(langFromAcceptLanguage('nl;q=0, en;q=0.1')).toBe('en');
    expect(langFromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('html template', () => {
  it('escapes interpolated text, passes SafeHtml, joins arrays and drops empty values', () => {
    const name = '<script>alert("x")</script>&\'';
    const out = html`<p title="${name}">${name}</p>${[html`<b>${1}</b>`, 'a<b']}${null}${undefined}${false}${raw('<hr>')}`;
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p><b>1</b>a&lt;b<hr>',
    );
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

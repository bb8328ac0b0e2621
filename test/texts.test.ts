import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { CHECKS } from '../src/scan/checks/registry.js';
import { SCORE_TABLE } from '../src/scan/score.js';
import { CLI_TEXTS } from '../src/cli/texts.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('check texts', () => {
  it('registers checks with unique, dotted, grouped ids', () => {
    expect(CHECKS.length).toBeGreaterThan(0);
    const ids = CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(web|mail|dns|privacy|domain)\.[a-z0-9-]+(\.[a-z0-9-]+)*$/);
  });

  it('has every website check id the issue asks for', () => {
    const required = [
      'web.address', 'web.ipv6', 'web.https.available', 'web.https.redirect', 'web.hsts', 'web.tls.version',
      'web.tls.ciphers', 'web.tls.cipher-order', 'web.tls.key-exchange', 'web.tls.renegotiation', 'web.cert.trust',
      'web.cert.hostname', 'web.cert.expiry', 'web.cert.key', 'web.cert.signature', 'web.headers.csp',
      'web.headers.frame', 'web.headers.content-type-options', 'web.headers.referrer-policy', 'web.cookies',
      'web.mixed-content', 'web.security-txt', 'web.exposure', 'web.caa',
    ];
    expect(CHECKS.map((check) => check.id).sort()).toEqual(expect.arrayContaining(required));
  });

  it('puts every check in the score table and nothing else there', () => {
    expect(Object.keys(SCORE_TABLE).sort()).toEqual(CHECKS.map((check) => check.id).sort());
  });

  for (const check of CHECKS) {
    it(`${check.id}: every language has the same keys and placeholders, translated`, () => {
      const english = check.texts.en;
      expect(english.title.trim()).not.toBe('');
      expect(english.verifies.trim()).not.toBe('');
      let identical = 0;
      for (const lang of LANGS) {
        const texts = check.texts[lang];
        expect(Object.keys(texts).sort(), `${check.id} ${lang} keys`).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(texts)) {
          expect(text.trim(), `${check.id} ${lang}.${key} empty`).not.toBe('');
          expect(placeholders(text), `${check.id} ${lang}.${key} placeholders`).toEqual(placeholders(english[key] ?? ''));
          if (lang !== 'en' && text === english[key]) identical += 1;
        }
      }
      // A few texts may legitimately be the same (a header name); most must be translated.
      expect(identical, `${check.id}: untranslated texts`).toBeLessThanOrEqual(Math.floor(Object.keys(english).length / 3));
    });
  }
});

describe('CLI texts', () => {
  it('has the same keys in every language', () => {
    for (const lang of LANGS) expect(Object.keys(CLI_TEXTS[lang]).sort()).toEqual(Object.keys(CLI_TEXTS.en).sort());
  });
});

/**
 * The configuration lines quoted in TLS advice (web.tls.*, web.cert.*, mail.starttls,
 * mail.tls.*): every quoted line belongs to a named server, has that server's syntax, names
 * cipher suites the way OpenSSL reads them (never IANA names, which OpenSSL ignores without a
 * word), carries no placeholder, and is the same in every language (config is not
 * translated). The interop suites (test/interop/tls-advice-*.test.ts) prove the lines work.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { mailTransportChecks } from '../src/scan/checks/mail/transport/index.js';
import { webTlsChecks } from '../src/scan/checks/web/tls/index.js';
import { configLines, SOFTWARE } from './fixtures/advice-config.js';

const CHECKS = [...webTlsChecks, ...mailTransportChecks];

/** What a line of each server's configuration looks like. */
const SYNTAX: Record<(typeof SOFTWARE)[number], RegExp> = {
  nginx: /^ssl_[a-z_]+ [^;`]+;$/,
  Apache: /^SSL[A-Za-z]+ [^;`]+$/,
  Postfix: /^[a-z][a-z0-9_]+ = [^`]+$/,
};

describe('config lines in TLS advice', () => {
  it('quote some lines at all (the extraction works on these texts)', () => {
    const all = CHECKS.flatMap((check) => Object.values(check.texts.en)).join('\n');
    for (const software of SOFTWARE) expect(configLines(all, software).length, software).toBeGreaterThan(2);
  });

  for (const check of CHECKS) {
    it(`${check.id}: every quoted line belongs to a server, in its syntax, without IANA names or placeholders, in every language alike`, () => {
      for (const key of Object.keys(check.texts.en)) {
        const quoted = (lang: (typeof LANGS)[number]): string[] => [...(check.texts[lang][key] ?? '').matchAll(/`([^`]*)`/g)].map((match) => match[1] ?? '');
        const english = check.texts.en[key] ?? '';
        const attributed = SOFTWARE.flatMap((software) => configLines(english, software));
        expect(new Set(attributed), `${check.id} ${key}: a quoted line names no server before it`).toEqual(new Set(quoted('en')));
        for (const software of SOFTWARE) {
          for (const line of configLines(english, software)) {
            expect(line, `${check.id} ${key}: ${software}`).toMatch(SYNTAX[software]);
            // TLS 1.2 suites by IANA name (they all have _WITH_); TLS 1.3 suites are named that way in OpenSSL too.
            expect(line, `${check.id} ${key}: IANA suite names in a cipher list`).not.toMatch(/\bTLS_[A-Z0-9_]+_WITH_/);
            expect(line, `${check.id} ${key}: a placeholder in config`).not.toMatch(/\{\{|\$\{/);
          }
        }
        for (const lang of LANGS) expect(quoted(lang), `${check.id} ${key} (${lang})`).toEqual(quoted('en'));
      }
    });
  }
});

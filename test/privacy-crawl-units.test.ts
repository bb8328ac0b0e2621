/**
 * The crawl's pure parts: statement-link words in five languages, robots.txt matching,
 * statement text extraction, forms, consensus, same-site; and the three checks on
 * recorded evidence (PDF, image-only, not found, robots, no forms, long page lists).
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { chooseStatement, siteOf, urlKey } from '../src/scan/collect/privacy/crawl.js';
import { parsePage } from '../src/scan/collect/privacy/page.js';
import { parseRobots } from '../src/scan/collect/privacy/robots.js';
import { extractText } from '../src/scan/collect/privacy/statement.js';
import { isStatementLabel, statementScore } from '../src/scan/collect/privacy/statement-words.js';
import { judgeLink, markStatementLinks, statementLinkOf, urlsToVerify, type KnownTarget, type LinkContext } from '../src/scan/collect/privacy/statement-links.js';
import { privacyCrawlChecks } from '../src/scan/checks/privacy/index-crawl.js';
import type { CheckVerdict } from '../src/scan/check.js';
import type { CrawlEvidence, PageEvidence, StatementEvidence } from '../src/scan/evidence/privacy-crawl.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';

const score = (text: string, url: string): number => statementScore(text, new URL(url, 'https://shop.test/'));

describe('statement links', () => {
  it.each([
    ['Privacy policy', '/legal/1'],
    ['Privacy & cookies', '/p/2'],
    ['Privacyverklaring', '/pagina/3'],
    ['Ons privacybeleid', '/x'],
    ['Integritetspolicy', '/sida'],
    ['Dataskydd', '/a'],
    ['Behandling av personuppgifter', '/b'],
    ['Datenschutzerklärung', '/c'],
    ['Datenschutz', '/d'],
    ['Politique de confidentialité', '/e'],
    ['Données personnelles', '/f'],
    ['Cookie- en privacyverklaring', '/g'],
  ])('recognises the link text %s', (text, url) => {
    expect(score(text, url)).toBeGreaterThanOrEqual(2);
  });

  it('recognises statement URLs with an unhelpful text, and counts text and URL together highest', () => {
    expect(score('Read more', '/privacyverklaring')).toBe(1);
    expect(score('Legal', '/de/datenschutz')).toBe(1);
    expect(score('Mentions', '/politique-de-confidentialite')).toBe(1);
    expect(score('Privacy', '/privacy')).toBe(3);
  });

  it('does not take a cookie policy alone or a privacy-settings button for the statement', () => {
    expect(score('Cookie policy', '/cookies')).toBe(0);
    expect(score('Cookiebeleid', '/cookiebeleid')).toBe(0);
    expect(score('Privacy settings', '#')).toBe(0);
    expect(score('Privacy-instellingen', '/privacy')).toBe(0);
    expect(score('Home', '/')).toBe(0);
  });
});

describe('robots.txt', () => {
  const robots = parseRobots(
    ['# comment', 'User-agent: *', 'Disallow: /private', 'Allow: /private/open', 'Disallow: /*.pdf$', '', 'User-agent: Googlebot', 'Disallow: /'].join('\n'),
  );
  it('uses the * group with longest match, Allow winning, and * and $ patterns', () => {
    expect(robots.isAllowed('/')).toBe(true);
    expect(robots.isAllowed('/private/x')).toBe(false);
    expect(robots.isAllowed('/private/open/y')).toBe(true);
    expect(robots.isAllowed('/files/terms.pdf')).toBe(false);
    expect(robots.isAllowed('/files/terms.pdf?x=1')).toBe(true);
  });
  it('prefers a weerbaar group over *, and shares rules between stacked user-agents', () => {
    const ours = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: other\nUser-agent: Weerbaar\nDisallow: /admin\n');
    expect(ours.isAllowed('/shop')).toBe(true);
    expect(ours.isAllowed('/admin/x')).toBe(false);
    expect(parseRobots('User-agent: *\nDisallow:\n').isAllowed('/anything')).toBe(true);
  });
});

describe('reading pages', () => {
  it('extracts visible main text, one line per block (list items marked), without scripts and navigation', () => {
    const main = '<p>' + 'Wir verarbeiten Ihre Daten. '.repeat(10) + '</p>';
    const html = `<html lang="de"><body><nav>Menu</nav><main><h2>Datenschutz</h2>${main}<ul><li>Auskunft</li><li>Löschung</li></ul><script>x()</script></main><footer>GmbH</footer></body></html>`;
    const extracted = extractText(html);
    expect(extracted.declaredLang).toBe('de');
    expect(extracted.text.split('\n')).toEqual(['Datenschutz', ('Wir verarbeiten Ihre Daten. '.repeat(10)).trim(), '- Auskunft', '- Löschung']);
  });
  it('keeps header and footer when there is no real <main> (the company address often lives there)', () => {
    const extracted = extractText('<html><body><header>Shop BV</header><div>Privacy<br>We process data.</div><footer>Street 1, Town</footer></body></html>');
    expect(extracted.text).toBe('Shop BV\nPrivacy\nWe process data.\nStreet 1, Town');
    expect(extracted.declaredLang).toBeUndefined();
  });
  it('resolves links against <base>, and judges forms by their fields and action', () => {
    const page = parsePage(
      '<html><head><base href="https://shop.test/nl/"></head><body><a href="privacy">Privacy</a><a href="mailto:x@y">Mail</a>' +
        '<form action="http://shop.test/news"><input type="hidden" name="email_token"><input type="text" name="sort"></form>' +
        '<form method="POST"><input type="tel" name="x"></form></body></html>',
      'https://shop.test/nl/page',
    );
    expect(page.links).toEqual(['https://shop.test/nl/privacy']);
    expect(page.statementLinks).toEqual([{ url: 'https://shop.test/nl/privacy', text: 'Privacy', score: 3 }]);
    expect(page.forms[0]).toMatchObject({ collectsPersonalData: false, postsOverHttps: false });
    expect(page.forms[1]).toMatchObject({ action: 'https://shop.test/nl/page', method: 'post', personalFields: ['x'], postsOverHttps: true });
  });
  it('chooses the statement most pages link to, then the one whose text names it', () => {
    const a = { url: 'https://shop.test/privacy', text: 'Privacy', score: 3 };
    const b = { url: 'https://shop.test/legal', text: 'Privacy statement', score: 2 };
    const c = { url: 'https://shop.test/privacy-old', text: 'x', score: 1 };
    expect(chooseStatement([[a], [a, b], [b, a]])).toBe(a.url);
    expect(chooseStatement([[c], [b]])).toBe(b.url);
    expect(chooseStatement([[], []])).toBeUndefined();
  });
  it('treats subdomains of a .test shop as the same site and other names as not', () => {
    expect(siteOf('www.shop.test')).toBe(siteOf('shop.test'));
    expect(siteOf('blog.shop.test')).toBe('shop.test');
    expect(siteOf('other.test')).not.toBe(siteOf('shop.test'));
    expect(siteOf('www.shop.co.uk')).toBe('shop.co.uk');
  });
});

const LONG = 'We process your personal data to deliver your order. '.repeat(8);

function page(url: string, linked = true, forms: PageEvidence['forms'] = []): PageEvidence {
  return { url, status: 200, statementCandidates: [], forms, ...(linked ? { statementLink: { url: 'https://shop.test/privacy', text: 'Privacy' } } : {}) };
}
function statement(extra: Partial<StatementEvidence> = {}): StatementEvidence {
  return { url: 'https://shop.test/privacy', linkedUrl: 'https://shop.test/privacy', format: 'html', text: LONG, status: 200, ...extra };
}
function verdicts(crawl: CrawlEvidence | undefined): Record<string, CheckVerdict> {
  const evidence = { target: 'shop.test', collectedAt: '', ...(crawl ? { privacy: { crawl, browser: {} } } : {}) } as unknown as ScanEvidence;
  return Object.fromEntries(privacyCrawlChecks.map((check) => [check.id, check.run(evidence, { now: new Date(0) })]));
}

describe('the crawl checks on recorded evidence', () => {
  it('skip everything when there was no crawl or no page', () => {
    for (const result of Object.values(verdicts(undefined))) expect(result).toMatchObject({ status: 'skip', summary: { key: 'notCollected' } });
    for (const result of Object.values(verdicts({ error: 'connect refused', pages: [] }))) expect(result.summary).toEqual({ key: 'noPages', params: { error: 'connect refused' } });
  });

  it('fail linked and reachable when no statement was found; forms not applicable without forms', () => {
    const result = verdicts({ pages: [page('https://shop.test/', false)] });
    expect(result['privacy.statement.linked']).toMatchObject({ status: 'fail', summary: { key: 'noStatement' } });
    expect(result['privacy.statement.reachable']).toMatchObject({ status: 'fail', summary: { key: 'notFound' } });
    expect(result['privacy.forms']).toMatchObject({ status: 'skip', notApplicable: true });
  });

  it('warn on a PDF statement, fail an image-only page and a 404, skip when robots.txt kept us out', () => {
    const pages = [page('https://shop.test/')];
    const status = (s: StatementEvidence): CheckVerdict | undefined => verdicts({ pages, statement: s })['privacy.statement.reachable'];
    expect(status(statement({ format: 'pdf', text: '', contentType: 'application/pdf' }))?.status).toBe('warn');
    expect(status(statement({ text: 'Privacy' }))).toMatchObject({ status: 'fail', summary: { key: 'empty' } });
    expect(status(statement({ status: 404 }))).toMatchObject({ status: 'fail', summary: { key: 'badStatus', params: { status: 404 } } });
    expect(status(statement({ format: 'other', text: '', contentType: 'image/png' }))).toMatchObject({ status: 'fail', summary: { key: 'notAPage', params: { type: 'image/png' } } });
    expect(status(statement({ error: 'not fetched: disallowed by robots.txt' }))?.status).toBe('skip');
    expect(status(statement({ url: 'http://shop.test/privacy' }))).toMatchObject({ status: 'fail', summary: { key: 'notHttps' } });
    expect(status(statement())?.status).toBe('pass');
  });

  it('lists at most 10 pages without the link and says how many more, not counting the statement page', () => {
    const pages = [page('https://shop.test/privacy', false), ...Array.from({ length: 13 }, (_, i) => page(`https://shop.test/p${i}`, false)), page('https://shop.test/')];
    const linked = verdicts({ pages, statement: statement() })['privacy.statement.linked'];
    expect(linked).toMatchObject({ status: 'fail', summary: { key: 'fail', params: { count: 13, total: 14 } } });
    expect(linked?.advice[0]).toMatchObject({ key: 'addLinkMore', params: { more: 3 } });
    expect(String(linked?.advice[0]?.params?.list).split(', ')).toHaveLength(10);
  });

  it('counts a newsletter form shared by every page once, and passes HTTPS forms', () => {
    const form = { action: 'https://shop.test/subscribe', method: 'post' as const, personalFields: ['email'], collectsPersonalData: true, postsOverHttps: true };
    const result = verdicts({ pages: [page('https://shop.test/', true, [form]), page('https://shop.test/a', true, [form])], statement: statement() })['privacy.forms'];
    expect(result).toMatchObject({ status: 'pass', summary: { params: { count: 1 } } });
  });

  it('have the same keys and placeholders in every language', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
    for (const check of privacyCrawlChecks) {
      const english = check.texts.en;
      for (const lang of LANGS) {
        const texts = check.texts[lang];
        expect(Object.keys(texts).sort(), `${check.id} ${lang}`).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(texts)) expect(placeholders(text), `${check.id} ${lang} ${key}`).toEqual(placeholders(english[key] ?? ''));
      }
    }
  });
});

describe('statement links after the blind-written shops (issue 5)', () => {
  it('recognises more statement names and tells a label from a product or a blog post', () => {
    for (const text of ['Privatsphäre', 'DSGVO', 'RGPD', 'Protection de vos données', 'Données à caractère personnel', 'Personal information']) expect(score(text, '/x'), text).toBeGreaterThanOrEqual(2);
    for (const text of ['Privacy & cookies', 'Privacy- en cookiebeleid', 'Integritetspolicy', 'Behandling av personuppgifter', 'Datenschutzerklärung', 'Politique de confidentialité', 'Vie privée', 'Our privacy policy (PDF)']) {
      expect(isStatementLabel(text), text).toBe(true);
    }
    for (const text of ['The Privacy Mug', 'Privacyfolie 90 cm', '5 privacy tips for shopping online', 'Klarna’s privacy notice', 'Privacy settings', 'Cookie policy']) expect(isStatementLabel(text), text).toBe(false);
  });

  it('chooses the footer statement over a "privacy" product category linked as often, and the shop’s own over a provider’s', () => {
    const category = { url: 'https://shop.test/collections/privacy-screens', text: 'Privacy screens', score: 3 };
    const footer = { url: 'https://shop.test/policies/privacy-policy', text: 'Privacy policy', score: 3 };
    expect(chooseStatement([[category, footer], [category, footer], [category]], 'shop.test')).toBe(footer.url);
    const klarna = { url: 'https://www.klarna.com/privacy', text: 'Privacy notice', score: 3 };
    const own = { url: 'https://shop.test/privacy', text: 'Privacy', score: 3 };
    expect(chooseStatement([[klarna], [klarna], [own]], 'shop.test')).toBe(own.url);
    // A shop whose only statement is hosted by a privacy-policy service.
    const hosted = { url: 'https://www.iubenda.com/privacy-policy/123', text: 'Privacy Policy', score: 3 };
    const blog = { url: 'https://shop.test/blog/privacy-tips', text: '5 privacy tips', score: 3 };
    expect(chooseStatement([[hosted], [hosted, blog], [hosted]], 'shop.test')).toBe(hosted.url);
  });

  const known = new Map<string, KnownTarget>([
    ['https://shop.test/Privacy', { finalKey: 'https://shop.test/privacy', status: 200 }],
    ['https://shop.test/privacy?ref=banner', { finalKey: 'https://shop.test/privacy?ref=banner', status: 200, lang: 'en', fingerprint: 'same' }],
    ['https://shop.test/privacy-mug', { finalKey: 'https://shop.test/privacy-mug', status: 200, lang: 'en', fingerprint: 'mug' }],
    ['https://shop.test/nl/privacyverklaring', { finalKey: 'https://shop.test/nl/privacyverklaring', status: 200, lang: 'nl', fingerprint: 'nl' }],
    ['https://shop.test/shop/privacy', { finalKey: 'https://shop.test/shop/privacy', status: 404 }],
  ]);
  const context: LinkContext = {
    statement: { keys: new Set(['https://shop.test/privacy']), sites: new Set(['shop.test']), lang: 'en-GB', fingerprint: 'same' },
    resolve: (key) => known.get(key),
    urlKey,
    siteOf,
  };
  const link = (url: string, text = 'Privacy', linkScore = 3): { url: string; text: string; score: number } => ({ url, text, score: linkScore });

  it('follows a link to where the crawl saw it land, and rejects what it knows leads elsewhere', () => {
    expect(judgeLink(link('https://shop.test/privacy/'), context)).toBe('statement');
    expect(judgeLink(link('https://shop.test/Privacy'), context)).toBe('statement');
    expect(judgeLink(link('https://shop.test/privacy?ref=banner', 'Read more', 1), context)).toBe('statement');
    expect(judgeLink(link('https://shop.test/nl/privacyverklaring', 'Privacyverklaring'), context)).toBe('statement');
    expect(judgeLink(link('https://shop.test/nl/privacyverklaring', 'Read more', 1), context)).toBe('elsewhere');
    expect(judgeLink(link('https://shop.test/privacy-mug', 'The Privacy Mug'), context)).toBe('elsewhere');
    expect(judgeLink(link('https://shop.test/shop/privacy'), context)).toBe('elsewhere');
    expect(judgeLink(link('https://shop.test/privacy-notice'), context)).toBe('unknown');
  });

  it('gives an unknown same-site link that names the statement the benefit of the doubt, never another domain', () => {
    expect(statementLinkOf([link('https://shop.test/privacy-mug', 'The Privacy Mug'), link('https://shop.test/legal/privacy')], context)).toEqual({ url: 'https://shop.test/legal/privacy', text: 'Privacy' });
    expect(statementLinkOf([link('https://www.klarna.com/privacy', 'Klarna privacy notice')], context)).toBeUndefined();
    expect(statementLinkOf([link('https://shop.test/privacy-x', 'More', 1)], context)).toBeUndefined();
    expect(statementLinkOf([link('https://shop.test/shop/privacy')], context)).toBeUndefined();
    const pages = [[link('https://shop.test/privacy')], [link('https://shop.test/a-privacy', 'Privacy')], [link('https://shop.test/a-privacy'), link('https://shop.test/b-privacy')], [link('https://www.klarna.com/privacy')]];
    expect(urlsToVerify(pages, context, 5)).toEqual(['https://shop.test/a-privacy', 'https://shop.test/b-privacy']);
    expect(urlsToVerify(pages, context, 1)).toEqual(['https://shop.test/a-privacy']);
  });

  it('counts a page that is itself a version of the statement as linked, but leaves the chosen statement page alone', () => {
    const pages: PageEvidence[] = [
      { url: 'https://shop.test/nl/privacyverklaring', status: 200, title: 'Privacyverklaring', statementCandidates: [], forms: [] },
      { url: 'https://shop.test/privacy?ref=banner', status: 200, title: 'Privacy', statementCandidates: [], forms: [] },
      { url: 'https://shop.test/privacy-mug', status: 200, title: 'The Privacy Mug', statementCandidates: [], forms: [] },
      { url: 'https://shop.test/privacy', status: 200, title: 'Privacy', statementCandidates: [], forms: [] },
    ];
    known.set('https://shop.test/privacy', { finalKey: 'https://shop.test/privacy', status: 200, lang: 'en', fingerprint: 'same' });
    markStatementLinks(pages, [[], [], [], []], context);
    expect(pages.map((page) => page.statementLink?.url)).toEqual(['https://shop.test/nl/privacyverklaring', 'https://shop.test/privacy?ref=banner', undefined, undefined]);
  });

  it('judges form fields by name, placeholder, label and autocomplete in five languages, not search boxes or hidden fields', () => {
    const form = (fields: string, action = 'http://shop.test/f'): PageEvidence['forms'][number] | undefined => parsePage(`<form action="${action}" method="post">${fields}</form>`, 'https://shop.test/').forms[0];
    expect(form('<input type="text" name="epost">')?.personalFields).toEqual(['epost']);
    expect(form('<input type="text" name="courriel">')?.personalFields).toEqual(['courriel']);
    expect(form('<input type="text" name="field_7" placeholder="Uw e-mailadres">')?.personalFields).toEqual(['field_7']);
    expect(form('<label for="f1">Téléphone</label><input type="text" id="f1" name="input_1">')?.personalFields).toEqual(['input_1']);
    expect(form('<label>Nachname <input name="f2"></label>')?.personalFields).toEqual(['f2']);
    expect(form('<input name="x" autocomplete="bday">')?.personalFields).toEqual(['x']);
    expect(form('<input type="text" name="login"><input type="text" name="kennwort">')?.personalFields).toEqual(['login', 'kennwort']);
    expect(form('<input type="search" name="q" placeholder="Search by name"><input type="text" name="s" placeholder="Zoek op naam">')?.collectsPersonalData).toBe(false);
    expect(form('<input type="hidden" name="product_name"><input type="number" name="qty"><input name="gutscheincode"><input name="sort">')?.collectsPersonalData).toBe(false);
  });

  it('reads a <br> inside a link as a space, and fingerprints only pages with enough text', () => {
    const page = parsePage(`<html lang="sv"><body><a href="/gdpr">Behandling av<br>personuppgifter</a><p>${'Text. '.repeat(50)}</p><script>var now = ${Date.now()};</script></body></html>`, 'https://shop.test/');
    expect(page.statementLinks[0]?.text).toBe('Behandling av personuppgifter');
    expect(page.lang).toBe('sv');
    expect(page.fingerprint).toMatch(/^[\w-]{22}$/);
    expect(parsePage(`<html><body><p>${'Text. '.repeat(50)}</p><script>var other = 1;</script></body></html>`, 'https://shop.test/x').fingerprint).not.toBe(page.fingerprint);
    expect(parsePage('<html><body><p>Short</p></body></html>', 'https://shop.test/').fingerprint).toBeUndefined();
  });

  it('takes a robots.txt group only for our exact product token', () => {
    expect(parseRobots('User-agent:\nDisallow: /\n\nUser-agent: *\nDisallow: /admin\n').isAllowed('/shop')).toBe(true);
    expect(parseRobots('User-agent: weer\nDisallow: /\n').isAllowed('/shop')).toBe(true);
    expect(parseRobots('User-agent: WEERBAAR/0.1\nDisallow: /shop\n').isAllowed('/shop')).toBe(false);
  });
});

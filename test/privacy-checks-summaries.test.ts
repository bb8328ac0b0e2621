/**
 * The privacy checks' summaries and advice on recorded evidence (issue 14): the contents
 * summary names the elements actually missing or denied, in EN/NL/SV, plural-correct, and
 * the advice is about those only; a statement link that leads to an error page (a status
 * other than 2xx, or a "page not found" page answering 200) is a broken link in linked and
 * reachable and is never analysed as a statement; the complaint advice names the supervisory
 * authority of the shop's own country, or none when the country cannot be told.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { EEA_COUNTRIES, SUPERVISORY_AUTHORITIES } from '../src/core/supervisory-authorities.js';
import type { CheckVerdict } from '../src/scan/check.js';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import { statementLinked } from '../src/scan/checks/privacy/linked.js';
import { statementReachable } from '../src/scan/checks/privacy/reachable.js';
import { shopCountry } from '../src/scan/checks/privacy/shop-country.js';
import { CHECKS } from '../src/scan/checks/registry.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { PageEvidence, StatementEvidence } from '../src/scan/evidence/privacy-crawl.js';
import { brokenStatement, notFoundPhrase } from '../src/scan/privacy/error-page.js';
import { MissingTextError, renderMessage } from '../src/scan/texts.js';

const now = new Date('2026-12-07T12:00:00Z');
const URL_ = 'https://shop.test/privacy';

const COMPLETE = [
  'Garden Goods Ltd, 4 Mill Lane, Leeds, is the controller; e-mail privacy@shop.test.',
  'We use your details to ship your orders. Our legal basis is the purchase contract with you.',
  'We share your details with the courier. We keep your details for two years.',
  'You have the right of access, rectification, erasure, restriction of processing, objection and data portability.',
  'You may lodge a complaint with the supervisory authority.',
  'You are not obliged to give us your details, but without your address we cannot deliver.',
  'We do not use automated decision-making. Your data stays within the EU.',
  'If a data breach happens we inform you within 72 hours.',
].join('\n');
const without = (...sentences: string[]): string => sentences.reduce((text, sentence) => text.replace(sentence, ''), COMPLETE);

const page = (url: string, linked = true): PageEvidence => ({
  url,
  status: 200,
  statementCandidates: [{ url: URL_, text: 'Privacy' }],
  forms: [],
  ...(linked ? { statementLink: { url: URL_, text: 'Privacy' } } : {}),
});
const evidence = (statement: Partial<StatementEvidence> & { text: string }, target = 'shop.test'): ScanEvidence =>
  ({
    target,
    collectedAt: now.toISOString(),
    privacy: {
      crawl: { pages: [page('https://shop.test/'), page('https://shop.test/about')], statement: { url: URL_, linkedUrl: URL_, format: 'html', status: 200, ...statement } },
      browser: {},
    },
  });
const contents = (text: string, target?: string, extra: Partial<StatementEvidence> = {}): CheckVerdict => privacyContents.run(evidence({ text, ...extra }, target), { now });
const render = (verdict: CheckVerdict, lang: (typeof LANGS)[number], check = privacyContents): string => renderMessage(CHECKS, check, verdict.summary, lang);
const adviceText = (verdict: CheckVerdict, lang: (typeof LANGS)[number]): string => verdict.advice.map((advice) => renderMessage(CHECKS, privacyContents, advice, lang)).join('\n');

describe('privacy.statement.contents names the elements missing or denied', () => {
  it('a fail names the missing core elements, not generic essentials, in every language', () => {
    const verdict = contents(without('We use your details to ship your orders. ', 'You may lodge a complaint with the supervisory authority.'));
    expect(verdict.status).toBe('fail');
    expect(verdict.summary).toMatchObject({ key: 'gaps', params: { count: 2 }, lists: { missing: ['element_purposes', 'element_complaint'] } });
    const total = String(verdict.summary.params?.total);
    expect(render(verdict, 'en')).toBe(
      `The privacy statement at https://shop.test/privacy does not state 2 of the ${total} elements the law asks for: what the data is used for (the purposes) and the right to complain to the data protection authority.`,
    );
    expect(render(verdict, 'nl')).toContain(`ontbreken 2 van de ${total} onderdelen die de wet vraagt: waarvoor de gegevens worden gebruikt (de doelen) en het recht om te klagen bij de toezichthouder.`);
    expect(render(verdict, 'sv')).toContain(`saknar 2 av de ${total} delar som lagen kräver: vad uppgifterna används till (ändamålen) och rätten att klaga hos tillsynsmyndigheten.`);
    for (const lang of LANGS) expect(render(verdict, lang)).not.toMatch(/essential|essentiële|grundläggande|who you are|wie u bent|vem du är/i);
    expect(verdict.advice.map((advice) => advice.key)).toEqual(['add_purposes', 'add_complaint']);
  });

  it('one missing element reads as one (plural forms per language)', () => {
    const verdict = contents(without('We keep your details for two years.'));
    expect(verdict.status).toBe('warn');
    expect(verdict.summary).toMatchObject({ key: 'gaps', params: { count: 1 }, lists: { missing: ['element_retention'] } });
    const total = String(verdict.summary.params?.total);
    expect(render(verdict, 'en')).toBe(`The privacy statement at https://shop.test/privacy does not state one of the ${total} elements the law asks for: how long the data is kept.`);
    expect(render(verdict, 'nl')).toContain(`ontbreekt één van de ${total} onderdelen`);
    expect(render(verdict, 'sv')).toContain(`saknar en av de ${total} delar`);
    expect(verdict.advice.map((advice) => advice.key)).toEqual(['add_retention']);
  });

  it('the warn summary names only what is missing, and the optional DPO is not advised beside it', () => {
    const verdict = contents(without('We keep your details for two years.', ' and data portability'));
    expect(verdict.status).toBe('warn');
    expect(verdict.summary.lists).toEqual({ missing: ['element_retention', 'element_rightPortability'] });
    expect(render(verdict, 'en')).toMatch(/: how long the data is kept and the right to data portability\.$/);
    expect(verdict.advice.map((advice) => advice.key)).toEqual(['add_retention', 'add_rightPortability']);
  });

  it('names a denied right as taken away, apart from the missing ones', () => {
    const rights = 'You have the right of access, rectification, erasure, restriction of processing, objection and data portability.';
    const deniedOnly = contents(COMPLETE.replace(rights, 'You have the right of access, rectification, erasure, restriction of processing and data portability. You have no right to object.'));
    expect(deniedOnly.summary).toEqual({ key: 'denies', params: { url: URL_ }, lists: { denied: ['element_rightObjection'] } });
    expect(render(deniedOnly, 'en')).toBe('The privacy statement at https://shop.test/privacy takes away the right to object, which the GDPR gives every visitor.');
    expect(render(deniedOnly, 'nl')).toContain('ontzegt bezoekers het recht van bezwaar');
    expect(render(deniedOnly, 'sv')).toContain('fråntar besökarna rätten att invända');
    expect(deniedOnly.advice.map((advice) => advice.key)).toEqual(['denied', 'add_rightObjection']);

    const both = contents(without('We keep your details for two years.').replace(rights, 'You have the right of access. You have no right to erasure, restriction or objection.'));
    expect(both.status).toBe('fail');
    expect(both.summary.key).toBe('gapsAndDenies');
    expect(both.summary.lists?.denied).toEqual(expect.arrayContaining(['element_rightErasure', 'element_rightRestriction', 'element_rightObjection']));
    expect(both.summary.lists?.missing).toEqual(['element_retention', 'element_rightRectification', 'element_rightPortability']);
    expect(render(both, 'en')).toMatch(/takes away the right to erasure, the right to restriction, and the right to object, which .* does not state 3 of the \d+ elements/);
  });

  it('names the part of an element that is missing: contact details, a transfer safeguard', () => {
    const verdict = contents(COMPLETE.replace('Garden Goods Ltd, 4 Mill Lane, Leeds, is the controller; e-mail privacy@shop.test.', 'Garden Goods Ltd is the controller.').replace('Your data stays within the EU.', 'We send your data to our mailing service in the United States.'));
    const missing = verdict.summary.lists?.missing ?? [];
    expect(missing).toEqual(expect.arrayContaining(['element_controllerContact', 'element_transfersSafeguard']));
    expect(verdict.advice.map((advice) => advice.key)).toEqual(expect.arrayContaining(['add_controllerContact', 'add_transfersSafeguard']));
  });

  it('every element name exists in every language, and an unknown list item is a missing text', () => {
    const keys = Object.keys(privacyContents.texts.en).filter((key) => key.startsWith('element_'));
    expect(keys.length).toBeGreaterThanOrEqual(21);
    for (const lang of LANGS) {
      const rendered = renderMessage(CHECKS, privacyContents, { key: 'gaps', params: { url: URL_, count: keys.length, total: 21 }, lists: { missing: keys } }, lang);
      for (const key of keys) expect(rendered).toContain(privacyContents.texts[lang][key]);
    }
    expect(() => renderMessage(CHECKS, privacyContents, { key: 'gaps', params: { url: URL_, count: 1, total: 14 }, lists: { missing: ['element_nonsense'] } }, 'en')).toThrow(MissingTextError);
  });

  it('a pass still names nothing and keeps the recommendation', () => {
    const verdict = contents(COMPLETE);
    expect(verdict.summary).toMatchObject({ key: 'complete', params: { url: URL_ } });
    expect(verdict.summary.lists).toBeUndefined();
    expect(verdict.advice.map((advice) => advice.key)).toEqual(['add_dpo']);
  });
});

describe('a statement link that leads to an error page', () => {
  const notFoundBody = ['Shop Ltd', 'Page not found', 'Sorry, the page you are looking for does not exist.', 'Home · Products · Privacy statement · Contact', '© 2026 Shop Ltd'].join('\n');

  it('contents does not read a 404 (or any non-2xx) page: no "misses N of N"', () => {
    for (const status of [404, 410, 500, 503, 301]) {
      const verdict = contents(notFoundBody, undefined, { status });
      expect(verdict).toMatchObject({ status: 'skip', summary: { key: 'errorPage', params: { url: URL_, status } } });
      expect(render(verdict, 'en')).toContain(`answers with status ${status}`);
    }
  });

  it('contents does not read a "page not found" page that answers 200, in five languages', () => {
    const heads = [
      'Page not found', 'Pagina niet gevonden', 'Sidan hittades inte', 'Seite nicht gefunden', 'Page introuvable', 'Error 404', 'Deze pagina bestaat niet',
      'Oops! That page can’t be found.', 'Oeps! Die pagina kan niet worden gevonden.', 'Hoppsan! Den sidan kan inte hittas.', 'Hoppla! Diese Seite kann nicht gefunden werden.',
      'Oups ! Cette page est introuvable.', 'We couldn’t find the page you were looking for.', 'Sorry, this page doesn’t exist.', 'Cette page n’existe pas',
    ];
    for (const head of heads) {
      const verdict = contents(`Shop\n${head}\nHome · Privacy · Contact`);
      expect(verdict.status, head).toBe('skip');
      expect(verdict.summary.key, head).toBe('notFoundPage');
    }
  });

  it('a link that ends on the home page (unknown addresses sent home) is no statement either', () => {
    const home = { text: 'Welcome to Garden Goods\nNew in: tulip bulbs\nPrivacy · Contact', url: 'https://shop.test/', linkedUrl: URL_, chain: [URL_, 'https://shop.test/'] };
    expect(contents(home.text, undefined, home)).toMatchObject({ status: 'skip', summary: { key: 'homePage', params: { url: URL_ } } });
    expect(statementLinked.run(evidence(home), { now })).toMatchObject({ status: 'fail', summary: { key: 'homeLink', params: { url: URL_, final: 'https://shop.test/' } } });
    const reachable = statementReachable.run(evidence(home), { now });
    expect(reachable).toMatchObject({ status: 'fail', summary: { key: 'homePage', params: { url: URL_, final: 'https://shop.test/' } } });
    for (const lang of LANGS) expect(renderMessage(CHECKS, statementReachable, reachable.summary, lang)).toContain('https://shop.test/)');
    // A one-page shop whose statement is on the home page is read.
    expect(contents(COMPLETE, undefined, { url: 'https://shop.test/', linkedUrl: URL_ }).status).toBe('pass');
  });

  it('a real statement that mentions "not found" or 404 near the top is still read', () => {
    const text = `Privacy statement\nIf a page is not found, our server logs the address (error 404) for a week.\n${COMPLETE}`;
    expect(notFoundPhrase(text)).toBeDefined();
    expect(brokenStatement({ url: URL_, format: 'html', status: 200, text })).toBeUndefined();
    expect(contents(text).status).toBe('pass');
  });

  it('a fetch error is not a broken link but an unreadable statement', () => {
    expect(brokenStatement({ url: URL_, format: 'other', text: '', status: 404, error: 'timeout' })).toBeUndefined();
    expect(contents('', undefined, { error: 'timeout' }).summary.key).toBe('unreadable');
  });

  it('linked reports the broken link (which URL, which status) instead of "linked"', () => {
    const linked = statementLinked.run(evidence({ text: notFoundBody, status: 404, url: 'https://shop.test/privacy-old', chain: [URL_, 'https://shop.test/privacy-old'] }), { now });
    expect(linked).toMatchObject({ status: 'fail', summary: { key: 'brokenLink', params: { url: URL_, final: 'https://shop.test/privacy-old', status: 404 } }, advice: [{ key: 'fixBrokenLink', params: { url: URL_ } }] });
    expect(renderMessage(CHECKS, statementLinked, linked.summary, 'en')).toBe(
      'The pages link to the privacy statement at https://shop.test/privacy, but that link is broken: https://shop.test/privacy-old answers with status 404.',
    );
    const soft = statementLinked.run(evidence({ text: notFoundBody }), { now });
    expect(soft).toMatchObject({ status: 'fail', summary: { key: 'notFoundLink', params: { url: URL_, phrase: 'Page not found' } } });
    expect(statementLinked.run(evidence({ text: COMPLETE }), { now }).status).toBe('pass');
  });

  it('reachable calls the link broken, for a status and for a "page not found" page', () => {
    const hard = statementReachable.run(evidence({ text: notFoundBody, status: 404 }), { now });
    expect(hard).toMatchObject({ status: 'fail', summary: { key: 'badStatus', params: { url: URL_, status: 404 } } });
    expect(renderMessage(CHECKS, statementReachable, hard.summary, 'en')).toBe('The privacy statement link is broken: https://shop.test/privacy answers with status 404 instead of the statement.');
    const soft = statementReachable.run(evidence({ text: `${notFoundBody}\n${'More products you may like. '.repeat(10)}` }), { now });
    expect(soft).toMatchObject({ status: 'fail', summary: { key: 'notFoundPage', params: { url: URL_, phrase: 'Page not found' } }, advice: [{ key: 'fixLink' }] });
    for (const lang of LANGS) expect(renderMessage(CHECKS, statementReachable, soft.summary, lang)).toContain('Page not found');
  });
});

describe('the complaint advice names the shop’s own supervisory authority', () => {
  const noComplaint = without('You may lodge a complaint with the supervisory authority.');
  const complaintAdvice = (verdict: CheckVerdict) => verdict.advice.find((advice) => advice.key.startsWith('add_complaint'));

  it('a French shop gets the CNIL, never the Dutch or Swedish authority, in every language', () => {
    const verdict = contents(noComplaint, 'boutique.fr');
    expect(complaintAdvice(verdict)).toEqual({ key: 'add_complaintAuthority', params: { authority: 'French Data Protection Authority (CNIL)', website: 'https://www.cnil.fr' } });
    for (const lang of LANGS) {
      const text = adviceText(verdict, lang);
      expect(text).toContain('CNIL');
      expect(text).not.toMatch(/Autoriteit Persoonsgegevens|IMY|Integritetsskyddsmyndigheten|Nederland|Netherlands|Sverige|Sweden/);
    }
  });

  it('names the authority as the statement should: in the statement’s language', () => {
    const french = 'Le responsable de traitement est la société Exemple SAS, joignable à contact@exemple.example. Vos données sont utilisées pour la gestion de vos commandes.';
    expect(complaintAdvice(contents(french, 'boutique.fr'))?.params?.authority).toBe('Commission nationale de l’informatique et des libertés (CNIL)');
  });

  it('a German shop is sent to its federal state’s authority, from the TLD or from a German statement on .com', () => {
    expect(complaintAdvice(contents(noComplaint, 'laden.de'))).toEqual({ key: 'add_complaintFederalState', params: { website: 'https://www.bfdi.bund.de' } });
    const german = 'Verantwortlich ist die Muster GmbH. Wir verarbeiten Ihre Daten, um Ihre Bestellung zu liefern. Sie können Auskunft über Ihre bei uns gespeicherten Daten verlangen.';
    expect(complaintAdvice(contents(german, 'laden.com'))?.key).toBe('add_complaintFederalState');
    for (const lang of LANGS) expect(adviceText(contents(german, 'laden.com'), lang)).not.toMatch(/Autoriteit Persoonsgegevens|IMY/);
  });

  it('names none when the country cannot be told (English on .com, a non-EEA ccTLD)', () => {
    for (const target of ['shop.com', 'shop.eu', 'laden.ch', 'shop.co.uk']) {
      expect(complaintAdvice(contents(noComplaint, target)), target).toEqual({ key: 'add_complaint' });
    }
    for (const lang of LANGS) {
      const text = adviceText(contents(noComplaint, 'shop.com'), lang);
      expect(text).toMatch(/your country|uw land|ditt land/);
      expect(text).not.toMatch(/Autoriteit Persoonsgegevens|IMY|CNIL/);
    }
  });

  it('an English statement on .com that gives the controller’s address in a country names that country’s authority', () => {
    const statement = (address: string) => COMPLETE.replace('You may lodge a complaint with the supervisory authority.', '').replace('Garden Goods Ltd, 4 Mill Lane, Leeds, is the controller', `Garden Goods Ltd, ${address}, is the controller`);
    expect(complaintAdvice(contents(statement('Dorpsstraat 1, 1234 AB Utrecht, the Netherlands'), 'gardengoods.com'))?.params?.authority).toBe('Dutch Data Protection Authority (AP)');
    expect(complaintAdvice(contents(statement('Storgatan 1, 111 22 Stockholm, Sverige'), 'gardengoods.com'))?.params?.authority).toBe('Swedish Authority for Privacy Protection (IMY)');
    expect(complaintAdvice(contents(statement('Hauptstraße 1, 1010 Wien, Österreich'), 'gardengoods.com'))?.params?.authority).toBe('Austrian Data Protection Authority (DSB)');
    // The country TLD still decides; an address without a country tells nothing.
    expect(complaintAdvice(contents(statement('Dorpsstraat 1, Utrecht, the Netherlands'), 'gardengoods.be'))?.params?.authority).toBe('Belgian Data Protection Authority');
    expect(complaintAdvice(contents(statement('4 Mill Lane, Leeds'), 'gardengoods.com'))).toEqual({ key: 'add_complaint' });
    expect(shopCountry({ target: 'x.com', controller: ['Shop BV, Kerkstraat 1, Nederlandse Antillen'] })).toBeUndefined();
  });

  it('tells the country from the TLD, the declared language’s region, then the language', () => {
    for (const country of EEA_COUNTRIES) {
      expect(shopCountry({ target: `shop.${country.toLowerCase()}` })?.authority, country).toBe(SUPERVISORY_AUTHORITIES[country]);
    }
    expect(shopCountry({ target: 'shop.com', declaredLang: 'nl-BE', detectedLang: 'nl' })).toMatchObject({ country: 'BE', from: 'languageRegion' });
    expect(shopCountry({ target: 'shop.com', declaredLang: 'sv', detectedLang: 'sv' })).toMatchObject({ country: 'SE', from: 'language' });
    expect(shopCountry({ target: 'shop.com', declaredLang: 'it' })).toMatchObject({ country: 'IT', from: 'language' });
    expect(shopCountry({ target: 'shop.be', detectedLang: 'fr' })).toMatchObject({ country: 'BE', from: 'tld' });
    expect(shopCountry({ target: 'shop.com', declaredLang: 'en-US', detectedLang: 'en' })).toBeUndefined();
    expect(shopCountry({ target: 'laden.ch', detectedLang: 'de' })).toBeUndefined();
    // .eu names no country: the language does.
    expect(shopCountry({ target: 'laden.eu', detectedLang: 'de' })).toMatchObject({ country: 'DE', from: 'language' });
  });

  it('the breach advice names no authority of another country', () => {
    for (const lang of LANGS) expect(privacyContents.texts[lang].add_breachPolicy).not.toMatch(/Autoriteit Persoonsgegevens|IMY/);
  });
});

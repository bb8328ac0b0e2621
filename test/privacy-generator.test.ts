/**
 * The privacy-statement generator must produce statements that our own
 * privacy.statement.contents check passes, in every language and format, for answers of
 * different shapes; and it must be possible for the check to fail (a generator that drops the
 * rights must be caught). Validation must name the field of every problem.
 */
import { describe, expect, it } from 'vitest';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import { extractText } from '../src/scan/collect/privacy/statement.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import { analyseStatement, type StatementAnalysis } from '../src/scan/privacy/statement/index.js';
import {
  EXAMPLE_ANSWERS,
  GENERATOR_LANGS,
  SUPERVISORY_AUTHORITIES,
  EEA_COUNTRIES,
  generateStatement,
  renderHtml,
  renderMarkdown,
  renderText,
  validateAnswers,
  type GeneratorLang,
  type StatementAnswers,
  type StatementDocument,
} from '../src/privacy-statement/generator/index.js';

const clone = <T>(value: T): T => structuredClone(value);
const all = (texts: Record<GeneratorLang, string>) => texts;

const MINIMAL_SHOP: StatementAnswers = {
  controller: { name: 'Kleine Winkel', address: 'Dorpsstraat 1, 1234 AB Ergens', country: 'NL', email: 'info@kleinewinkel.example' },
  activities: [
    { purpose: 'orders', dataCategories: ['name', 'address', 'email'], legalBasis: 'contract', retention: { months: 24, from: 'lastOrder' } },
    { purpose: 'delivery', dataCategories: ['name', 'address'], legalBasis: 'contract', retention: { months: 3 } },
  ],
  recipients: { categories: ['logistics', 'paymentProvider'] },
  transfers: [],
  breachPolicy: { include: false },
  lastUpdated: '2025-01-15',
};

const CONSENT_NEWSLETTER_ANALYTICS: StatementAnswers = {
  ...clone(MINIMAL_SHOP),
  controller: { name: 'Nordisk Te AB', address: 'Storgatan 1, 111 22 Stockholm', country: 'SE', email: 'integritet@nordiskte.example', phone: '08-123 456 78' },
  activities: [
    { purpose: 'orders', dataCategories: ['name', 'address', 'email', 'orderHistory'], legalBasis: 'contract', retention: { months: 24, from: 'lastOrder' } },
    { purpose: 'newsletter', dataCategories: ['email'], legalBasis: 'consent', retention: { until: 'unsubscribe' } },
    { purpose: 'analytics', dataCategories: ['deviceData', 'usageData', 'ipAddress'], legalBasis: 'consent', retention: { months: 14 } },
  ],
  recipients: { categories: ['emailProvider', 'analyticsProvider', 'hosting'] },
  breachPolicy: { include: true, contactEmail: 'security@nordiskte.example' },
};

const LEGITIMATE_INTERESTS: StatementAnswers = {
  ...clone(MINIMAL_SHOP),
  activities: [
    ...clone(MINIMAL_SHOP.activities),
    { purpose: 'fraudPrevention', dataCategories: ['ipAddress', 'paymentDetails'], legalBasis: 'legitimateInterests', retention: { months: 12 } },
    {
      purpose: 'custom',
      title: all({ en: 'Gift cards', nl: 'Cadeaubonnen', sv: 'Presentkort', de: 'Geschenkgutscheine', fr: 'Cartes cadeaux' }),
      description: all({
        en: 'to check gift cards when you pay with one',
        nl: 'om cadeaubonnen te controleren als u daarmee betaalt',
        sv: 'för att kontrollera presentkort när du betalar med ett',
        de: 'um Geschenkgutscheine zu prüfen, wenn Sie damit bezahlen',
        fr: 'vérifier les cartes cadeaux lorsque vous payez avec l’une d’elles',
      }),
      dataCategories: ['orderHistory'],
      legalBasis: 'legitimateInterests',
      legitimateInterest: all({
        en: 'to make sure a gift card is used only once',
        nl: 'om ervoor te zorgen dat een cadeaubon maar één keer wordt gebruikt',
        sv: 'att se till att ett presentkort bara används en gång',
        de: 'sicherzustellen, dass ein Gutschein nur einmal eingelöst wird',
        fr: 'de garantir qu’une carte cadeau n’est utilisée qu’une seule fois',
      }),
      retention: { months: 36, from: 'collection' },
    },
  ],
};

const TRANSFERS_WITH_SCCS: StatementAnswers = {
  ...clone(CONSENT_NEWSLETTER_ANALYTICS),
  transfers: [
    { country: 'US', recipient: 'MailCloud Inc.', safeguard: 'standardContractualClauses' },
    { country: 'CH', safeguard: 'adequacy' },
  ],
  recipients: { categories: ['emailProvider', 'hosting'], named: [{ name: 'MailCloud Inc.', purpose: all({ en: 'sends our newsletter', nl: 'verstuurt onze nieuwsbrief', sv: 'skickar vårt nyhetsbrev', de: 'versendet unseren Newsletter', fr: 'envoie notre newsletter' }) }] },
};

const WITH_DPO: StatementAnswers = {
  ...clone(LEGITIMATE_INTERESTS),
  controller: { name: 'Großhandel Beispiel GmbH', address: 'Musterstraße 5, 10115 Berlin', country: 'DE', email: 'datenschutz@beispiel.example', website: 'https://beispiel.example', registrationNumber: 'HRB 12345' },
  dpo: { name: 'Dr. Eva Muster', email: 'dsb@beispiel.example', phone: '+49 30 1234567' },
  breachPolicy: { include: true },
};

const AUTOMATED_DECISIONS: StatementAnswers = {
  ...clone(CONSENT_NEWSLETTER_ANALYTICS),
  controller: { name: 'Boutique Exemple SAS', address: '1 rue de la Paix, 75002 Paris', country: 'FR', email: 'dpo@boutique.example' },
  automatedDecisions: {
    description: all({
      en: 'whether you may pay afterwards by invoice',
      nl: 'of u achteraf mag betalen op factuur',
      sv: 'om du får betala i efterhand mot faktura',
      de: 'ob Sie nachträglich auf Rechnung bezahlen dürfen',
      fr: 'si vous pouvez payer plus tard sur facture',
    }),
    logic: all({
      en: 'a computer compares your order with your earlier payments and known fraud patterns',
      nl: 'een computer vergelijkt uw bestelling met uw eerdere betalingen en bekende fraudepatronen',
      sv: 'en dator jämför din beställning med dina tidigare betalningar och kända bedrägerimönster',
      de: 'ein Computer vergleicht Ihre Bestellung mit Ihren früheren Zahlungen und bekannten Betrugsmustern',
      fr: 'un ordinateur compare votre commande à vos paiements précédents et aux schémas de fraude connus',
    }),
    consequences: all({
      en: 'you may have to pay in advance instead',
      nl: 'u moet dan misschien vooraf betalen',
      sv: 'du kan då behöva betala i förväg',
      de: 'Sie müssen dann eventuell im Voraus bezahlen',
      fr: 'vous devrez peut-être alors payer à l’avance',
    }),
  },
};

const NO_CONTRACT_NO_RECIPIENTS: StatementAnswers = {
  ...clone(MINIMAL_SHOP),
  activities: [{ purpose: 'newsletter', dataCategories: ['email'], legalBasis: 'consent', retention: { until: 'consentWithdrawal' } }],
  recipients: { categories: [] },
};

const VARIANTS: Record<string, StatementAnswers> = {
  example: EXAMPLE_ANSWERS,
  minimalShopContractOnlyNoBreachPolicy: MINIMAL_SHOP,
  consentNewsletterAnalytics: CONSENT_NEWSLETTER_ANALYTICS,
  legitimateInterests: LEGITIMATE_INTERESTS,
  transfersWithSccs: TRANSFERS_WITH_SCCS,
  dpoPresent: WITH_DPO,
  automatedDecisions: AUTOMATED_DECISIONS,
  noContractNoRecipients: NO_CONTRACT_NO_RECIPIENTS,
};

function evidenceFor(text: string, declaredLang?: string): ScanEvidence {
  const statement = { url: 'https://shop.test/privacy', format: 'html' as const, text, ...(declaredLang ? { declaredLang } : {}) };
  return { target: 'shop.test', collectedAt: '2025-01-01T00:00:00Z', privacy: { crawl: { statement }, browser: {} } };
}

/** The statement as the scanner would read it, in each output format. */
function readings(doc: StatementDocument): { format: string; text: string; declaredLang?: string }[] {
  const fragment = extractText(renderHtml(doc));
  const page = extractText(renderHtml(doc, { standalone: true }));
  return [
    { format: 'text', text: renderText(doc) },
    { format: 'markdown', text: renderMarkdown(doc) },
    { format: 'html fragment', text: fragment.text },
    { format: 'html page', text: page.text, ...(page.declaredLang ? { declaredLang: page.declaredLang } : {}) },
  ];
}

const element = (analysis: StatementAnalysis, id: string) => analysis.elements.find((finding) => finding.id === id);

describe('generated statements pass privacy.statement.contents', () => {
  for (const [name, answers] of Object.entries(VARIANTS)) {
    it(`answers '${name}' are valid`, () => {
      const result = validateAnswers(answers);
      expect(result.ok ? [] : result.errors).toEqual([]);
    });
    for (const lang of GENERATOR_LANGS) {
      it(`${name} in ${lang}: passes in every format, in ${lang}, with what was given`, () => {
        const doc = generateStatement(answers, lang);
        expect(doc.lang).toBe(lang);
        for (const reading of readings(doc)) {
          const label = `${name}/${lang}/${reading.format}`;
          const verdict = privacyContents.run(evidenceFor(reading.text, reading.declaredLang), { now: new Date('2025-06-01T00:00:00Z') });
          const analysis = analyseStatement(reading.text, reading.declaredLang ? { declaredLang: reading.declaredLang } : {});
          const gaps = analysis.elements.filter((finding) => finding.status !== 'found' && finding.status !== 'notApplicable' && finding.requirement !== 'optional' && finding.requirement !== 'recommended');
          expect(gaps.map((finding) => `${finding.id}:${finding.status}`), label).toEqual([]);
          expect(verdict.status, label).toBe('pass');
          expect(analysis.language.lang, label).toBe(lang);
          if (reading.declaredLang) expect(reading.declaredLang).toBe(lang);
          // What the answers give must be found; what they leave out must not be claimed.
          if (answers.dpo) expect(element(analysis, 'dpo')?.status, `${label} dpo`).toBe('found');
          expect(element(analysis, 'breachPolicy')?.status, `${label} breach`).toBe(answers.breachPolicy.include ? 'found' : 'missing');
          const transfers = element(analysis, 'transfers');
          expect(transfers?.status, label).toBe('found');
          expect(transfers?.note, `${label} transfers`).toBe(answers.transfers.length === 0 ? 'none' : undefined);
          expect(element(analysis, 'automatedDecisions')?.status, label).toBe('found');
          const usesConsent = answers.activities.some((activity) => activity.legalBasis === 'consent');
          if (usesConsent) expect(element(analysis, 'withdrawConsent')?.status, label).toBe('found');
        }
      });
    }
  }

  it('names every free text that had no version in the statement language', () => {
    const answers = clone(LEGITIMATE_INTERESTS);
    const custom = answers.activities[3];
    if (!custom) throw new Error('fixture changed');
    custom.title = { en: 'Gift cards' };
    custom.description = 'to check gift cards';
    const doc = generateStatement(answers, 'nl');
    expect(doc.warnings).toEqual([{ field: 'activities[3].title', message: "no 'nl' text given; the 'en' text was used" }]);
    expect(renderText(doc)).toContain('Gift cards');
    expect(generateStatement(answers, 'en').warnings).toEqual([]);
  });

  it('names the national authority in the complaint section, and the German state note only for Germany', () => {
    const nl = renderText(generateStatement(MINIMAL_SHOP, 'nl'));
    expect(nl).toContain('Autoriteit Persoonsgegevens');
    expect(nl).toContain('https://autoriteitpersoonsgegevens.nl');
    const de = renderText(generateStatement(WITH_DPO, 'de'));
    expect(de).toContain('BfDI');
    expect(de).toMatch(/Bundeslandes/);
    const own = clone(WITH_DPO);
    own.supervisoryAuthority = { name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', website: 'https://www.datenschutz-berlin.de' };
    const berlin = renderText(generateStatement(own, 'de'));
    expect(berlin).toContain('Berliner Beauftragte');
    expect(berlin).not.toMatch(/Bundeslandes|BfDI/);
  });

  it('has an authority with a name and an https website for every EU/EEA country', () => {
    for (const country of EEA_COUNTRIES) {
      const authority = SUPERVISORY_AUTHORITIES[country];
      expect(authority.country).toBe(country);
      expect(authority.name.length).toBeGreaterThan(3);
      expect(authority.website).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}$/);
    }
  });
});

describe('the check can fail a broken statement', () => {
  for (const lang of GENERATOR_LANGS) {
    it(`${lang}: without the rights section the check fails; without the complaint section it fails`, () => {
      // The breach section also speaks of "the supervisory authority", which the analyser takes
      // as the complaint element: both go.
      const doc = generateStatement(EXAMPLE_ANSWERS, lang);
      const without = (id: string): StatementDocument => ({ ...doc, sections: doc.sections.filter((section) => section.id !== id) });
      const run = (text: string) => privacyContents.run(evidenceFor(text), { now: new Date('2025-06-01T00:00:00Z') }).status;
      expect(run(renderText(doc))).toBe('pass');
      expect(run(renderText(without('rights')))).toBe('fail');
      expect(run(extractText(renderHtml(without('rights'))).text)).toBe('fail');
      const noAuthority: StatementDocument = { ...doc, sections: doc.sections.filter((section) => section.id !== 'complaint' && section.id !== 'breaches') };
      expect(run(renderText(noAuthority))).toBe('fail');
    });
  }
});

describe('rendering', () => {
  const hostile = clone(MINIMAL_SHOP);
  hostile.controller.name = 'Evil <script>alert("x")</script> & *Co* [link](javascript:alert(1))';

  it('escapes HTML and never links anything but https and mailto', () => {
    const html = renderHtml(generateStatement(hostile, 'en'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(html.startsWith('<article lang="en" class="privacy-statement">')).toBe(true);
    for (const href of html.matchAll(/href="([^"]*)"/g)) expect(href[1]).toMatch(/^(?:https:\/\/|mailto:)/);
    const page = renderHtml(generateStatement(hostile, 'en'), { standalone: true });
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<title>Privacy statement of Evil &lt;script&gt;');
  });

  it('escapes Markdown so the name cannot become a link or emphasis', () => {
    const markdown = renderMarkdown(generateStatement(hostile, 'en'));
    expect(markdown).toContain('\\*Co\\* \\[link\\](javascript:alert(1))');
    expect(markdown).toContain('[info@kleinewinkel.example](mailto:info@kleinewinkel.example)');
  });

  it('keeps one paragraph or list item per line in plain text', () => {
    const text = renderText(generateStatement(EXAMPLE_ANSWERS, 'en'));
    expect(text).toMatch(/^- Right of access: .+ a copy\.$/m);
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe('validateAnswers', () => {
  const fieldsOf = (input: unknown) => {
    const result = validateAnswers(input);
    return result.ok ? [] : result.errors;
  };
  const problem = (input: unknown, field: string) => fieldsOf(input).find((error) => error.field === field)?.message;

  it('accepts the example and gives back the same answers', () => {
    const result = validateAnswers(JSON.parse(JSON.stringify(EXAMPLE_ANSWERS)));
    expect(result).toEqual({ ok: true, answers: EXAMPLE_ANSWERS });
  });

  it('names the field of every shape problem, all at once', () => {
    const answers = clone(EXAMPLE_ANSWERS) as unknown as Record<string, unknown> & { controller: Record<string, unknown>; activities: Record<string, unknown>[] };
    answers.controller.email = 'not an address';
    delete answers.controller.name;
    answers.controller.fax = '123';
    answers.controller.country = 'US';
    (answers.activities[2] as Record<string, unknown>).legalBasis = 'because';
    (answers.activities[0] as Record<string, unknown>).description = 'x'.repeat(1001);
    (answers.activities[1] as Record<string, unknown>).title = { en: 'Pay', es: 'Pagar' };
    (answers.activities[1] as Record<string, unknown>).dataCategories = ['name', 'name'];
    answers.lastUpdated = '1 March';
    const errors = fieldsOf(answers);
    const byField = Object.fromEntries(errors.map((error) => [error.field, error.message]));
    expect(byField['controller.email']).toMatch(/e-mail address/);
    expect(byField['controller.name']).toBe('is required');
    expect(byField['controller.fax']).toBe('is not a known field');
    expect(byField['controller.country']).toMatch(/^must be one of: AT, BE/);
    expect(byField['activities[2].legalBasis']).toBe('must be one of: consent, contract, legalObligation, vitalInterests, publicTask, legitimateInterests');
    expect(byField['activities[0].description']).toBe('must be at most 1000 characters');
    expect(byField['activities[1].title.es']).toBe('is not a known field');
    expect(byField['activities[1].dataCategories']).toBe('must not list the same value twice');
    expect(byField.lastUpdated).toMatch(/date such as 2025-03-01/);
    // One message per problem: the union's other branch ("must be an object") is not reported.
    expect(errors.filter((error) => error.field === 'activities[0].description')).toHaveLength(1);
  });

  it('checks the rules between fields once the shape is right', () => {
    const answers = clone(LEGITIMATE_INTERESTS);
    const custom = answers.activities[3];
    const orders = answers.activities[0];
    if (!custom || !orders) throw new Error('fixture changed');
    delete custom.legitimateInterest;
    delete custom.title;
    orders.legitimateInterest = 'to sell more';
    orders.retention = {};
    answers.transfers = [{ country: 'NL', safeguard: 'adequacy' }, { country: 'XQ', safeguard: 'adequacy' }];
    answers.controller.website = 'https://user:pw@shop.example';
    answers.lastUpdated = '2025-02-30';
    expect(problem(answers, 'activities[3].legitimateInterest')).toMatch(/required when the legal basis is legitimateInterests/);
    expect(problem(answers, 'activities[3].title')).toMatch(/required for a custom purpose/);
    expect(problem(answers, 'activities[0].legitimateInterest')).toMatch(/only used with legalBasis legitimateInterests/);
    expect(problem(answers, 'activities[0].retention')).toMatch(/how long/);
    expect(problem(answers, 'transfers[0].country')).toMatch(/in the EU\/EEA/);
    expect(problem(answers, 'transfers[1].country')).toMatch(/not a known country code/);
    expect(problem(answers, 'controller.website')).toMatch(/web address/);
    expect(problem(answers, 'lastUpdated')).toMatch(/real date/);
    // A purpose with a ready-made interest needs none of its own.
    expect(problem(answers, 'activities[2].legitimateInterest')).toBeUndefined();
  });

  it('refuses what is not an answers object, and text of the wrong kind', () => {
    for (const input of [null, 42, 'answers', [], undefined]) expect(fieldsOf(input)[0]?.field).toBe('(answers)');
    const answers = clone(MINIMAL_SHOP) as unknown as { activities: Record<string, unknown>[] };
    (answers.activities[0] as Record<string, unknown>).otherData = 7;
    (answers.activities[1] as Record<string, unknown>).description = {};
    expect(problem(answers, 'activities[0].otherData')).toMatch(/a text, or an object with a text per language/);
    expect(problem(answers, 'activities[1].description')).toBe('must give a text for at least one language');
  });

  it('keeps the number of messages bounded for absurd input', () => {
    const answers = clone(MINIMAL_SHOP) as unknown as { activities: unknown[] };
    answers.activities = Array.from({ length: 500 }, () => ({ purpose: 'nonsense' }));
    expect(fieldsOf(answers).length).toBeLessThanOrEqual(50);
  });
});

describe('validateAnswers on hostile input', () => {
  const errorsOf = (input: unknown) => {
    const result = validateAnswers(input);
    return result.ok ? [] : result.errors;
  };

  it('refuses wrong answers hidden behind hundreds of unknown keys (they once used up the error list)', () => {
    const answers: Record<string, unknown> = { ...clone(EXAMPLE_ANSWERS), languages: ['xx'], controller: { ...EXAMPLE_ANSWERS.controller, email: 'not-an-email' } };
    for (let index = 0; index < 250; index++) answers[`k${index}`] = 1;
    expect(validateAnswers(answers).ok).toBe(false);
    // Fewer unknown keys than the size limit: each is named.
    const some: Record<string, unknown> = { ...clone(EXAMPLE_ANSWERS), controller: 1 };
    for (let index = 0; index < 30; index++) some[`k${index}`] = 1;
    const errors = errorsOf(some);
    expect(errors).toContainEqual({ field: 'k0', message: 'is not a known field' });
    expect(errors.some((error) => error.field === 'controller')).toBe(true);
  });

  it('refuses a huge list before the schema compares every pair of it', () => {
    const answers = clone(EXAMPLE_ANSWERS);
    const first = answers.activities[0];
    if (!first) throw new Error('example changed');
    (first as { dataCategories: unknown[] }).dataCategories = new Array(50_000).fill(0);
    const started = performance.now();
    expect(errorsOf(answers)).toEqual([{ field: 'activities[0].dataCategories', message: 'must list at most 60 items' }]);
    // Not a timing test: a generous bound that the quadratic check (13 s) could never meet.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses control characters anywhere, deep nesting, and line breaks in one-line fields', () => {
    expect(errorsOf({ ...clone(EXAMPLE_ANSWERS), controller: { ...EXAMPLE_ANSWERS.controller, name: 'Shop\u0000' } })).toEqual([{ field: 'controller.name', message: 'must not contain control characters' }]);
    let deep: unknown = 'x';
    for (let level = 0; level < 20; level++) deep = [deep];
    expect(errorsOf({ ...clone(EXAMPLE_ANSWERS), transfers: deep })[0]?.message).toBe('is nested deeper than any answers file');
    expect(errorsOf({ ...clone(EXAMPLE_ANSWERS), controller: { ...EXAMPLE_ANSWERS.controller, address: 'Lindengracht 12\n1015 KK Amsterdam' } })).toEqual([{ field: 'controller.address', message: 'must be one line' }]);
    // Free texts may have several lines.
    const multiLine = clone(EXAMPLE_ANSWERS);
    const activity = multiLine.activities[0];
    if (!activity) throw new Error('example changed');
    activity.description = 'First line.\nSecond line.';
    expect(validateAnswers(multiLine).ok).toBe(true);
  });
});

/** Unit tests of the statement analyser's parts: language detection, sentence splitting, negation; and the check's verdicts. */
import { describe, expect, it } from 'vitest';
import { privacyContents } from '../src/scan/checks/privacy/contents.js';
import type { ScanEvidence } from '../src/scan/evidence/index.js';
import type { StatementEvidence } from '../src/scan/evidence/privacy-crawl.js';
import {
  analyseStatement,
  detectLanguage,
  isNegated,
  LANGUAGE_PATTERNS,
  normaliseDeclaredLang,
  splitSentences,
  type StatementLang,
} from '../src/scan/privacy/statement/index.js';

const now = new Date('2026-01-01T00:00:00Z');

describe('detectLanguage', () => {
  const samples: Record<StatementLang, string> = {
    en: 'We use your personal data to deliver the orders you place with us and to send you the invoice for them.',
    nl: 'Wij gebruiken uw persoonsgegevens om de bestellingen die u bij ons plaatst te bezorgen en om u de factuur te sturen.',
    sv: 'Vi använder dina personuppgifter för att leverera de beställningar som du gör hos oss och för att skicka fakturan till dig.',
    de: 'Wir verwenden Ihre personenbezogenen Daten, um die Bestellungen, die Sie bei uns aufgeben, zu liefern und Ihnen die Rechnung zu senden.',
    fr: 'Nous utilisons vos données personnelles pour livrer les commandes que vous passez chez nous et pour vous envoyer la facture.',
  };
  for (const [lang, text] of Object.entries(samples)) {
    it(`recognises ${lang} from one sentence`, () => {
      const guess = detectLanguage(text);
      expect(guess.lang).toBe(lang);
      expect(guess.hits[lang as StatementLang]).toBeGreaterThan(3);
    });
  }

  it('reports no language and zero confidence for text without function words', () => {
    expect(detectLanguage('12345 ++ 67890')).toMatchObject({ lang: undefined, confidence: 0 });
  });

  it('gives low confidence on a few words and high confidence on a page', () => {
    const short = detectLanguage('de privacy van u');
    const long = detectLanguage(samples.nl.repeat(6));
    expect(short.confidence).toBeLessThan(0.3);
    expect(long.confidence).toBeGreaterThan(0.7);
  });

  it('normalises declared languages', () => {
    expect(normaliseDeclaredLang('nl-NL')).toBe('nl');
    expect(normaliseDeclaredLang('SV_se')).toBe('sv');
    expect(normaliseDeclaredLang('pt-BR')).toBeUndefined();
    expect(normaliseDeclaredLang(undefined)).toBeUndefined();
  });

  it('records the declared language next to the detected one', () => {
    const analysis = analyseStatement(samples.nl, { declaredLang: 'en' });
    expect(analysis.language.lang).toBe('nl');
    expect(analysis.declaredLang).toBe('en');
  });
});

describe('splitSentences', () => {
  it('splits on sentence ends and newlines', () => {
    expect(splitSentences('First one. Second one!\nThird? Fourth').map((s) => s.text)).toEqual(['First one.', 'Second one!', 'Third?', 'Fourth']);
  });

  it('keeps abbreviations, initials, article numbers and decimals inside the sentence', () => {
    const texts = splitSentences(
      'Wij bewaren o.a. facturen, bijv. zeven jaar. Contact: mevrouw P. de Vries. Art. 6 lid 1 AVG geldt. Siehe z.B. Art. 13 DSGVO. Version 2.1 applies.',
    ).map((s) => s.text);
    expect(texts).toEqual(['Wij bewaren o.a. facturen, bijv. zeven jaar.', 'Contact: mevrouw P. de Vries.', 'Art. 6 lid 1 AVG geldt.', 'Siehe z.B. Art. 13 DSGVO.', 'Version 2.1 applies.']);
  });

  it('marks list items and strips their markers, but treats a numbered title as a title', () => {
    const sentences = splitSentences('Your rights:\n- Access to your data.\n• Erasure\n2. Retention\n3) We keep data.');
    expect(sentences.map((s) => [s.text, s.listItem])).toEqual([
      ['Your rights:', false],
      ['Access to your data.', true],
      ['Erasure', true],
      ['Retention', false],
      ['We keep data.', true],
    ]);
  });
});

describe('negation', () => {
  const negated = (lang: StatementLang, sentence: string, word: string): boolean => {
    const start = sentence.indexOf(word);
    if (start < 0) throw new Error(`${word} not in ${sentence}`);
    return isNegated(sentence, start, start + word.length, LANGUAGE_PATTERNS[lang]);
  };

  it.each([
    ['en', 'You cannot object to the processing.', 'object', true],
    ['en', 'You have the right to object at any time.', 'object', false],
    ['en', 'If you do not want this, you can object at any time.', 'object', false],
    ['en', 'Do not hesitate to object if you disagree.', 'object', false],
    ['en', 'We cannot store your data, but you may object to it.', 'object', false],
    ['en', 'The right to portability does not apply to this data.', 'portability', true],
    ['nl', 'U heeft geen recht op inzage, rectificatie of verwijdering.', 'verwijdering', true],
    ['nl', 'U heeft geen recht op inzage, rectificatie of verwijdering.', 'rectificatie', true],
    ['nl', 'Als u het niet eens bent, kunt u bezwaar maken.', 'bezwaar', false],
    ['nl', 'Het recht op dataportabiliteit is niet van toepassing.', 'dataportabiliteit', true],
    ['sv', 'Du har inte rätt till radering av uppgifterna.', 'radering', true],
    ['sv', 'Du har rätt till radering av uppgifterna.', 'radering', false],
    ['de', 'Sie haben kein Recht auf Löschung.', 'Löschung', true],
    ['de', 'Sie haben das Recht auf Löschung.', 'Löschung', false],
    ['fr', 'Vous ne pouvez pas vous opposer au traitement.', 'vous opposer', true],
    ['fr', "Vous disposez d'un droit d'opposition.", 'opposition', false],
  ] as const)('%s: "%s" (%s) negated=%s', (lang, sentence, word, expected) => {
    expect(negated(lang, sentence, word)).toBe(expected);
  });

  it('a right only denied is reported as denied, with the denying sentence', () => {
    const analysis = analyseStatement('You have no right to erasure of your data. You have the right of access to your data.');
    const erasure = analysis.elements.find((element) => element.id === 'rightErasure');
    const access = analysis.elements.find((element) => element.id === 'rightAccess');
    expect(erasure).toMatchObject({ status: 'denied', sentences: ['You have no right to erasure of your data.'] });
    expect(access?.status).toBe('found');
  });

  it('a right denied in one sentence and granted in another is found', () => {
    const analysis = analyseStatement('You cannot object to invoices being kept. You can object to direct marketing at any time.');
    expect(analysis.elements.find((element) => element.id === 'rightObjection')).toMatchObject({
      status: 'found',
      sentences: ['You can object to direct marketing at any time.'],
    });
  });

  it.each([
    ['rightObjection', 'found', '', 'Nothing in this policy affects your right to object to direct marketing.'],
    ['automatedDecisions', 'found', '', 'You have the right not to be subject to a decision based solely on automated processing, including profiling.'],
    ['rightObjection', 'denied', '', 'Het is niet mogelijk om bezwaar te maken tegen de verwerking.'],
    ['rightObjection', 'found', '', 'Nous ne vendons pas vos données. Vous pouvez vous opposer au traitement à tout moment.'],
    ['rightErasure', 'found', '', 'U heeft geen account nodig om te bestellen. U kunt ons altijd vragen uw gegevens te verwijderen.'],
    ['transfers', 'found', 'none', 'Wij verstrekken geen gegevens aan partijen buiten de EER.'],
    ['transfers', 'found', 'none', 'Vi för inte över dina personuppgifter till länder utanför EU/EES.'],
    ['rightAccess', 'denied', '', 'Sie haben keinen Anspruch auf Auskunft über Ihre Daten.'],
    ['dpo', 'found', 'none', 'We have not appointed a data protection officer.'],
    ['complaint', 'denied', '', 'Complaints to the supervisory authority are not possible.'],
  ] as const)('%s is %s (note "%s") in: %s', (id, status, note, text) => {
    const element = analyseStatement(text).elements.find((candidate) => candidate.id === id);
    expect(element?.status).toBe(status);
    expect(element?.note ?? '').toBe(note);
  });

  it('"we do not use automated decision-making" states that there is none', () => {
    const analysis = analyseStatement('We do not use automated decision-making.');
    expect(analysis.elements.find((element) => element.id === 'automatedDecisions')).toMatchObject({ status: 'found', note: 'none' });
  });
});

describe('analyseStatement on text that is not a privacy statement', () => {
  it('finds nothing on a product page', () => {
    const analysis = analyseStatement(
      'Blue teapot, 1.2 litre. Free delivery in the Netherlands. Add to cart. Questions? Mail shop@example.com. Reviews: lovely teapot, arrived in two days.',
    );
    expect(analysis.elements.filter((element) => element.status === 'found').map((element) => element.id)).toEqual([]);
  });

  it('reads an English statement on a page that declares Dutch, and reports both', () => {
    const analysis = analyseStatement('You have the right to lodge a complaint with the supervisory authority. You can ask us to delete your data.', {
      declaredLang: 'nl-NL',
    });
    expect(analysis.language.lang).toBe('en');
    expect(analysis.declaredLang).toBe('nl-NL');
    expect(analysis.elements.find((element) => element.id === 'complaint')?.status).toBe('found');
    expect(analysis.elements.find((element) => element.id === 'rightErasure')).toMatchObject({ status: 'found', lang: 'en' });
  });

  it('stays fast on a long statement without sentence ends', () => {
    const started = Date.now();
    analyseStatement('we use your data and share it with '.repeat(3000));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('common phrasings of the elements', () => {
  it.each([
    ['rightAccess,rightRectification,rightErasure', 'You have the right to request access to, correction of, or deletion of your personal data.'],
    ['rightRestriction,rightObjection,rightPortability', 'You may also request that we restrict processing, object to processing, or request data portability.'],
    ['rightAccess,rightRectification,rightErasure,rightRestriction,rightObjection,rightPortability', 'Under the GDPR you have the following rights: access, rectification, erasure, restriction, objection and portability.'],
    ['rightAccess,rightRectification,rightErasure', 'U heeft het recht om uw persoonsgegevens in te zien, te corrigeren of te verwijderen.'],
    ['rightRestriction,rightPortability,rightObjection', 'Daarnaast heeft u het recht om uw eventuele toestemming voor de gegevensverwerking in te trekken of bezwaar te maken tegen de verwerking van uw persoonsgegevens en heeft u het recht op gegevensoverdraagbaarheid en beperking van de verwerking.'],
    ['rightAccess,rightRectification,rightErasure,rightRestriction,rightPortability,rightObjection', 'Du har rätt att begära tillgång till, rättelse eller radering av dina personuppgifter, begränsning av behandlingen, dataportabilitet samt att invända mot behandlingen.'],
    ['rightAccess,rightRectification,rightErasure,rightRestriction,rightPortability,rightObjection', 'Sie haben jederzeit das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch.'],
    ['rightAccess,rightRectification,rightErasure,rightRestriction,rightPortability,rightObjection', "Conformément au RGPD, vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation, de portabilité et d'opposition."],
    ['withdrawConsent', 'Daarnaast heeft u het recht om uw eventuele toestemming voor de gegevensverwerking in te trekken.'],
    ['complaint', 'Wij willen u er tevens op wijzen dat u de mogelijkheid heeft om een klacht in te dienen bij de nationale toezichthouder, de Autoriteit Persoonsgegevens.'],
    ['retention', 'Wij bewaren uw persoonsgegevens niet langer dan strikt nodig is om de doelen te realiseren waarvoor uw gegevens worden verzameld.'],
    ['retention', 'We will only retain your personal data for as long as reasonably necessary to fulfil the purposes we collected it for.'],
    ['legalBasis', 'We process this data because it is necessary for the performance of a contract with you.'],
    ['legalBasis', 'Die Verarbeitung erfolgt gemäß Art. 6 Abs. 1 lit. b DSGVO.'],
    ['controller', 'Verantwortliche Stelle für die Datenverarbeitung auf dieser Website ist: Muster GmbH, Musterstraße 1, 12345 Musterstadt, info@muster.example'],
    ['automatedDecisions', 'Wij nemen niet op basis van geautomatiseerde verwerkingen besluiten over zaken die (aanzienlijke) gevolgen kunnen hebben voor personen.'],
    ['transfers', 'Wij verstrekken geen gegevens aan partijen buiten de EER.'],
    ['recipients', 'Wij verkopen uw gegevens niet aan derden en verstrekken deze uitsluitend indien dit nodig is voor de uitvoering van onze overeenkomst met u.'],
    ['retention', 'Dina personuppgifter sparas så länge du är kund hos oss och därefter i högst 24 månader.'],
    ['recipients', 'Vi kan komma att dela dina personuppgifter med våra samarbetspartners, till exempel leverantörer av IT-tjänster.'],
    ['purposes', 'Wir nutzen Ihre Daten für die Zusendung unseres Newsletters.'],
    ['recipients', 'Eine Weitergabe Ihrer Daten an Dritte erfolgt nur an das mit der Lieferung beauftragte Versandunternehmen.'],
    ['complaint', 'Ihnen steht ein Beschwerderecht bei der zuständigen Aufsichtsbehörde zu.'],
    ['requirement', "La fourniture de ces données est obligatoire pour traiter votre commande."],
    ['purposes', 'Vos données sont utilisées pour la gestion de vos commandes.'],
    ['controller', 'Le responsable de traitement est la société Exemple SAS, joignable à contact@exemple.example.'],
    ['legalBasis', 'Le traitement est fondé sur votre consentement.'],
    ['legalBasis', 'Vi behandlar uppgifterna för att fullgöra vårt avtal med dig.'],
    ['legalBasis', 'Wij verwerken deze gegevens omdat dit nodig is voor de uitvoering van de koopovereenkomst.'],
    ['rightAccess', 'Sie können Auskunft über Ihre bei uns gespeicherten Daten verlangen.'],
    ['withdrawConsent', 'Vous pouvez à tout moment retirer le consentement donné.'],
    ['withdrawConsent', 'You can change your mind and withdraw consent whenever you like.'],
    ['breachPolicy', 'Vid en personuppgiftsincident meddelar vi IMY.'],
  ] as const)('finds %s in: %s', (ids, text) => {
    const analysis = analyseStatement(text);
    const missed = ids.split(',').filter((id) => analysis.elements.find((element) => element.id === id)?.status !== 'found');
    expect(missed).toEqual([]);
  });
});

describe('privacy.statement.contents verdicts', () => {
  const evidence = (statement?: StatementEvidence, withPrivacy = true): ScanEvidence =>
    ({
      target: 'shop.test',
      collectedAt: now.toISOString(),
      ...(withPrivacy ? { privacy: { crawl: statement ? { statement } : {}, browser: {} } } : {}),
    });
  const complete = [
    'Shop Ltd, 1 High Street, London, is the controller; e-mail privacy@shop.test.',
    'We use your data to deliver your orders. The legal basis is the contract with you.',
    'We share your data with the courier. We keep your data for two years.',
    'You have the right of access, rectification, erasure, restriction of processing, objection and data portability.',
    'You can lodge a complaint with the supervisory authority.',
    'You are not obliged to provide your data, but without your address we cannot deliver.',
    'We do not use automated decision-making. Your data stays within the EU.',
    'If a data breach happens we tell you within 72 hours.',
  ].join('\n');
  const statement = (text: string): StatementEvidence => ({ url: 'https://shop.test/privacy', format: 'html', text });

  it('skips when the privacy part was not collected', () => {
    expect(privacyContents.run(evidence(undefined, false), { now })).toMatchObject({ status: 'skip', summary: { key: 'notCollected' } });
  });

  it('skips when there is no statement (the reachability check reports that)', () => {
    const result = privacyContents.run(evidence(undefined), { now });
    expect(result).toMatchObject({ status: 'skip', summary: { key: 'noStatement' } });
  });

  it('skips when the statement could not be read', () => {
    const result = privacyContents.run(evidence({ ...statement(''), error: 'timeout' }), { now });
    expect(result).toMatchObject({ status: 'skip', summary: { key: 'unreadable', params: { reason: 'timeout' } } });
  });

  it('passes a complete statement and lists each element with its sentence', () => {
    const result = privacyContents.run(evidence(statement(complete)), { now });
    expect(result.status).toBe('pass');
    const elements = result.evidence.elements as { element: string; status: string; sentences?: string[] }[];
    expect(elements.find((element) => element.element === 'complaint')?.sentences).toEqual(['You can lodge a complaint with the supervisory authority.']);
    // The DPO is optional: not mentioned gives advice, not a lower verdict.
    expect(result.advice.map((advice) => advice.key)).toEqual(['add_dpo']);
  });

  it('warns when a few required elements are missing, with advice for each', () => {
    const text = complete.replace('We keep your data for two years.', '').replace(' and data portability', '');
    const result = privacyContents.run(evidence(statement(text)), { now });
    expect(result.status).toBe('warn');
    // Advice only for what the summary names: the optional DPO waits until nothing required is missing.
    expect(result.advice.map((advice) => advice.key)).toEqual(['add_retention', 'add_rightPortability']);
    expect(result.summary.params).toMatchObject({ count: 2 });
  });

  it('fails when the complaint right is missing (core) and says so first', () => {
    const result = privacyContents.run(evidence(statement(complete.replace('You can lodge a complaint with the supervisory authority.', ''))), { now });
    expect(result.status).toBe('fail');
    expect(result.advice[0]?.key).toBe('add_complaint');
  });

  it('fails when rights are denied, quoting the sentence that denies them', () => {
    const text = complete.replace(
      'You have the right of access, rectification, erasure, restriction of processing, objection and data portability.',
      'You have the right of access. You have no right to erasure, restriction or objection.',
    );
    const result = privacyContents.run(evidence(statement(text)), { now });
    expect(result.status).toBe('fail');
    expect(result.advice).toContainEqual({ key: 'denied', params: { sentence: 'You have no right to erasure, restriction or objection.' } });
  });

  it('has the same text keys and placeholders in every language', () => {
    const keys = (lang: 'en' | 'nl' | 'sv') => Object.keys(privacyContents.texts[lang]).sort();
    expect(keys('nl')).toEqual(keys('en'));
    expect(keys('sv')).toEqual(keys('en'));
    for (const key of keys('en')) {
      const placeholders = (lang: 'en' | 'nl' | 'sv') => [...(privacyContents.texts[lang][key] ?? '').matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
      expect(placeholders('nl'), key).toEqual(placeholders('en'));
      expect(placeholders('sv'), key).toEqual(placeholders('en'));
    }
  });

  it('every advice key it can give exists in the texts', () => {
    const analysisIds = analyseStatement('').elements.map((element) => element.id);
    for (const id of analysisIds) {
      if (id === 'transfers') continue;
      expect(privacyContents.texts.en[`add_${id}`], id).toBeTypeOf('string');
    }
    expect(privacyContents.texts.en.add_transfersSafeguard).toBeTypeOf('string');
    expect(privacyContents.texts.en.add_transfersMention).toBeTypeOf('string');
  });
});

describe('section titles', () => {
  it('a title with text under it counts, shown together with that text', () => {
    const analysis = analyseStatement('Automated decisions\nWe are a small shop and a person looks at every order.');
    expect(analysis.elements.find((element) => element.id === 'automatedDecisions')).toMatchObject({
      status: 'found',
      sentences: ['Automated decisions — We are a small shop and a person looks at every order.'],
    });
  });

  it('a title with nothing under it states nothing', () => {
    const analysis = analyseStatement('Retention period\nData breaches');
    expect(analysis.elements.find((element) => element.id === 'retention')?.status).toBe('missing');
  });
});

describe('what the statement relies on', () => {
  it('relies on legitimate interests only when it does not deny them', () => {
    expect(analyseStatement('We do not rely on legitimate interests.').reliesOn.legitimateInterests).toBe(false);
    expect(analyseStatement('We keep IP addresses based on our legitimate interest in preventing fraud.').reliesOn.legitimateInterests).toBe(true);
  });

  it('a consent mention makes withdrawing consent required, even in a "never without consent" sentence', () => {
    const analysis = analyseStatement('We never send newsletters without your consent.');
    expect(analysis.reliesOn.consent).toBe(true);
    expect(analysis.elements.find((element) => element.id === 'withdrawConsent')?.status).toBe('missing');
  });
});

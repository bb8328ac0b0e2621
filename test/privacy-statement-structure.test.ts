/**
 * The statement analyser on statements as people write them (issue 14): tables read row by row
 * through the HTML path, lists of rights under a heading, plain-spoken purposes, bases, rights and
 * requirements, denials across languages and line breaks, and the traps of real statements. Every
 * case says which elements are found (and which sentence is cited) and which are not, in all five
 * languages. Written before the analyser was changed for them.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/scan/collect/privacy/statement.js';
import { analyseStatement, type ElementFinding, type ElementId, type ElementStatus } from '../src/scan/privacy/statement/index.js';

interface Case {
  name: string;
  /** Plain text, or HTML read through extractText (the crawler's path). */
  text?: string;
  html?: string;
  /** Status per element; a string value is the found element's cited text (a substring of sentences[0]). */
  expect: Partial<Record<ElementId, ElementStatus | { cite: string }>>;
  notes?: Partial<Record<ElementId, ElementFinding['note']>>;
}

const page = (body: string, lang: string): string => `<html lang="${lang}"><body><main>${body}</main></body></html>`;
const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');

function check(testCase: Case): void {
  const text = testCase.html !== undefined ? extractText(testCase.html).text : (testCase.text ?? '');
  const analysis = analyseStatement(text);
  const byId = new Map(analysis.elements.map((element) => [element.id, element]));
  for (const [id, expected] of Object.entries(testCase.expect) as [ElementId, ElementStatus | { cite: string }][]) {
    const finding = byId.get(id);
    if (typeof expected === 'string') {
      expect(finding?.status, `${id} in:\n${text}\ncited: ${finding?.sentences[0]}`).toBe(expected);
    } else {
      expect(finding?.status, `${id} in:\n${text}`).toBe('found');
      expect(norm(finding?.sentences[0] ?? ''), `${id} cites`).toContain(norm(expected.cite));
    }
  }
  for (const [id, note] of Object.entries(testCase.notes ?? {}) as [ElementId, string][]) expect(byId.get(id)?.note, `${id} note`).toBe(note);
}

const TABLES: Case[] = [
  {
    name: 'en: purpose | legal basis | retention with <th> header',
    html: page(
      '<h2>How we use your data</h2><table><thead><tr><th>Purpose</th><th>Legal basis</th><th>Retention</th></tr></thead><tbody>' +
        '<tr><td>Delivering your order</td><td>Contract</td><td>7 years (tax law)</td></tr>' +
        '<tr><td>Newsletter</td><td>Consent</td><td>Until you unsubscribe</td></tr></tbody></table>',
      'en',
    ),
    expect: { purposes: { cite: 'delivering your order' }, legalBasis: { cite: 'contract' }, retention: { cite: '7 years' } },
  },
  {
    name: 'nl: header in the first row of <td>, with a recipients column',
    html: page(
      '<table><tr><td>Doel</td><td>Gegevens</td><td>Grondslag</td><td>Ontvangers</td><td>Bewaartermijn</td></tr>' +
        '<tr><td>Bestelling afhandelen</td><td>naam, adres</td><td>overeenkomst</td><td>PostNL</td><td>7 jaar</td></tr></table>',
      'nl',
    ),
    expect: { purposes: { cite: 'bestelling afhandelen' }, legalBasis: { cite: 'overeenkomst' }, recipients: { cite: 'postnl' }, retention: { cite: '7 jaar' } },
  },
  {
    name: 'de: Zweck | Rechtsgrundlage | Speicherdauer',
    html: page(
      '<table><tr><th>Zweck</th><th>Rechtsgrundlage</th><th>Speicherdauer</th></tr><tr><td>Versand der Ware</td><td>Vertragserfüllung</td><td>10 Jahre</td></tr></table>',
      'de',
    ),
    expect: { purposes: { cite: 'versand der ware' }, legalBasis: { cite: 'vertragserfüllung' }, retention: { cite: '10 jahre' } },
  },
  {
    name: 'fr: finalité | base légale | durée de conservation',
    html: page(
      '<table><thead><tr><td><strong>Finalité</strong></td><td><strong>Base légale</strong></td><td><strong>Durée de conservation</strong></td></tr></thead>' +
        '<tr><td>Gestion des commandes</td><td>Exécution du contrat</td><td>10 ans</td></tr></table>',
      'fr',
    ),
    expect: { purposes: { cite: 'gestion des commandes' }, legalBasis: { cite: 'exécution du contrat' }, retention: { cite: '10 ans' } },
  },
  {
    name: 'sv: ändamål | rättslig grund | lagringstid',
    html: page(
      '<table><tr><th>Ändamål</th><th>Rättslig grund</th><th>Lagringstid</th></tr><tr><td>Leverera din beställning</td><td>Avtal</td><td>7 år</td></tr></table>',
      'sv',
    ),
    expect: { purposes: { cite: 'leverera din beställning' }, legalBasis: { cite: 'avtal' }, retention: { cite: '7 år' } },
  },
  {
    name: 'en: headers in plain words (what for | why we may | how long)',
    html: page(
      '<table><tr><th>What we use it for</th><th>Why we may</th><th>How long</th></tr><tr><td>Sending your parcel</td><td>Contract</td><td>Until you unsubscribe</td></tr></table>',
      'en',
    ),
    expect: { purposes: { cite: 'sending your parcel' }, legalBasis: { cite: 'contract' }, retention: { cite: 'until you unsubscribe' } },
  },
  {
    name: 'sv: rubriker med vanliga ord (varför | på vilken grund | hur länge)',
    html: page('<table><tr><th>Varför</th><th>På vilken grund</th><th>Hur länge</th></tr><tr><td>Skicka ditt paket</td><td>Avtal</td><td>Tills du avslutar kontot</td></tr></table>', 'sv'),
    expect: { purposes: { cite: 'skicka ditt paket' }, legalBasis: { cite: 'avtal' }, retention: { cite: 'tills du avslutar' } },
  },
];

const LISTS: Case[] = [
  {
    name: 'en: rights as a bulleted list of noun phrases',
    html: page('<h2>Your rights</h2><ul><li>Access to your data</li><li>Correction</li><li>Deletion</li><li>Restriction of processing</li><li>Objection</li><li>Data portability</li></ul>', 'en'),
    expect: { rightAccess: { cite: 'access' }, rightRectification: { cite: 'correction' }, rightErasure: { cite: 'deletion' }, rightRestriction: 'found', rightObjection: 'found', rightPortability: 'found' },
  },
  {
    name: 'nl: rechten als lijst',
    html: page('<h2>Uw rechten</h2><ul><li>Inzage</li><li>Correctie</li><li>Verwijdering</li><li>Beperking van de verwerking</li><li>Bezwaar</li><li>Overdraagbaarheid</li></ul>', 'nl'),
    expect: { rightAccess: 'found', rightRectification: 'found', rightErasure: 'found', rightRestriction: 'found', rightObjection: 'found', rightPortability: 'found' },
  },
  {
    name: 'de: Rechte als Liste',
    html: page('<h2>Ihre Rechte</h2><ul><li>Auskunft</li><li>Berichtigung</li><li>Löschung</li><li>Einschränkung der Verarbeitung</li><li>Widerspruch</li><li>Datenübertragbarkeit</li></ul>', 'de'),
    expect: { rightAccess: 'found', rightRectification: 'found', rightErasure: 'found', rightRestriction: 'found', rightObjection: 'found', rightPortability: 'found' },
  },
  {
    name: 'fr: droits en liste',
    html: page('<h2>Vos droits</h2><ul><li>Accès</li><li>Rectification</li><li>Effacement</li><li>Limitation du traitement</li><li>Opposition</li><li>Portabilité</li></ul>', 'fr'),
    expect: { rightAccess: 'found', rightRectification: 'found', rightErasure: 'found', rightRestriction: 'found', rightObjection: 'found', rightPortability: 'found' },
  },
  {
    name: 'sv: rättigheter som lista',
    html: page('<h2>Dina rättigheter</h2><ul><li>Tillgång</li><li>Rättelse</li><li>Radering</li><li>Begränsning av behandling</li><li>Invändning</li><li>Dataportabilitet</li></ul>', 'sv'),
    expect: { rightAccess: 'found', rightRectification: 'found', rightErasure: 'found', rightRestriction: 'found', rightObjection: 'found', rightPortability: 'found' },
  },
  {
    name: 'a table of contents (links only) does not state its topics',
    html: page('<ul><li><a href="#a">Data protection officer</a></li><li><a href="#b">Automated decisions</a></li><li><a href="#c">Purposes</a></li></ul><p>We sell bicycles.</p>', 'en'),
    expect: { dpo: 'missing', automatedDecisions: 'missing', purposes: 'missing' },
  },
];

/** A small shop's purpose, reason, requirement and "ask us to see, change or delete" in one language; `cites` in that order. */
function plainSpoken(name: string, lines: string[], [purpose, basis, requirement]: [string, string, string]): Case {
  const rights = { rightAccess: 'found', rightRectification: 'found', rightErasure: 'found' } as const;
  return { name, text: lines.join('\n'), expect: { purposes: { cite: purpose }, legalBasis: { cite: basis }, requirement: { cite: requirement }, ...rights } };
}

const PLAIN: Case[] = [
  plainSpoken(
    'en: plain purposes, basis, rights and requirement',
    ['We use your address to send you the parcel.', 'We do this because we need it for your order.', 'We need your name and address for the order; without them we cannot deliver.', 'You can ask us to see, change or delete your data.'],
    ['send you the parcel', 'need it for your order', 'without them'],
  ),
  plainSpoken(
    'nl: gewone woorden',
    ['We gebruiken je adres om je fiets te bezorgen.', 'Dat doen we omdat het nodig is voor je bestelling.', 'Zonder die gegevens kunnen we niet leveren.', 'Je kunt ons vragen je gegevens in te zien, te wijzigen of te verwijderen.'],
    ['fiets te bezorgen', 'nodig is voor je bestelling', 'zonder die gegevens'],
  ),
  plainSpoken(
    'de: einfache Sätze',
    ['Ihre Adresse brauchen wir, um Ihnen das Paket zu schicken.', 'Das ist für Ihre Bestellung nötig.', 'Ohne diese Angaben können wir nicht liefern.', 'Sie können von uns verlangen, Ihre Daten einzusehen, zu ändern oder zu löschen.'],
    ['paket zu schicken', 'für ihre bestellung nötig', 'ohne diese angaben'],
  ),
  plainSpoken(
    'fr: phrases simples',
    ['Nous utilisons votre adresse pour vous envoyer votre colis.', 'Nous le faisons parce que nous en avons besoin pour votre commande.', 'Sans ces informations, nous ne pouvons pas livrer.', 'Vous pouvez nous demander de consulter, modifier ou supprimer vos données.'],
    ['envoyer votre colis', 'besoin pour votre commande', 'sans ces informations'],
  ),
  plainSpoken(
    'sv: enkla meningar',
    ['Vi använder din adress för att skicka ditt paket.', 'Vi gör det eftersom vi behöver den för din beställning.', 'Utan dessa uppgifter kan vi inte leverera.', 'Du kan be oss att se, ändra eller radera dina uppgifter.'],
    ['skicka ditt paket', 'behöver den för din beställning', 'utan dessa uppgifter'],
  ),
  {
    name: 'en: business interest as a plain legal basis',
    text: 'We send you offers for similar products because it is in our business interest to keep you as a customer.',
    expect: { legalBasis: 'found' },
  },
  {
    name: 'nl/de/fr/sv: required fields marked with an asterisk',
    text: 'Fields marked with an asterisk (*) are mandatory.\n',
    expect: { requirement: 'found' },
  },
];

const NEGATION: Case[] = [
  {
    name: 'en: no transfer outside the EEA is intended',
    text: 'A transfer of your personal data to countries outside the EEA is not intended.',
    expect: { transfers: 'found' },
    notes: { transfers: 'none' },
  },
  {
    name: 'de: Übermittlung in Drittländer ist nicht vorgesehen',
    text: 'Eine Übermittlung Ihrer Daten in Drittländer ist nicht vorgesehen.',
    expect: { transfers: 'found' },
    notes: { transfers: 'none' },
  },
  {
    name: 'de: the right to object denied at the end of the clause',
    text: 'Ihre Rechte\nSie haben das Recht auf Auskunft.\nEinen Widerspruch gegen diese Verarbeitung können Sie nicht einlegen.',
    expect: { rightObjection: 'denied', rightAccess: 'found' },
  },
  {
    name: 'de: Widerspruchsrecht steht Ihnen nicht zu',
    text: 'Ihre Rechte\nSie haben das Recht auf Auskunft.\nEin Widerspruchsrecht steht Ihnen insoweit nicht zu.',
    expect: { rightObjection: 'denied' },
  },
  {
    name: 'sv: the right to object denied',
    text: 'Dina rättigheter\nDu har rätt till tillgång.\nNågon rätt att invända mot behandlingen finns inte.',
    expect: { rightObjection: 'denied' },
  },
  {
    name: 'fr: no transfer planned',
    text: "Aucun transfert de données hors de l'Union européenne n'est prévu.",
    expect: { transfers: 'found' },
    notes: { transfers: 'none' },
  },
  {
    name: 'a line break inside a denial does not split it into a finding',
    html: page('<h2>Your rights</h2><p>You have the right of access.</p><p>You cannot<br>object to the processing of your order data.</p>', 'en'),
    expect: { rightObjection: 'denied' },
  },
  {
    name: 'nl: a line break inside a denial of transfers',
    text: 'Wij geven uw gegevens niet door\naan landen buiten de EU.',
    expect: { transfers: 'found' },
    notes: { transfers: 'none' },
  },
];

const TRAPS: Case[] = [
  {
    name: 'en: "purposes" in a definition or an announcement is not a purpose',
    text: 'The controller is the party that decides on the purposes and means of the processing.\nThe purpose of this notice is to inform you about how we handle data.',
    expect: { purposes: 'missing' },
  },
  {
    name: 'nl: doel in een definitie of aankondiging',
    text: 'De verwerkingsverantwoordelijke bepaalt het doel van en de middelen voor de verwerking.\nHet doel van deze privacyverklaring is u te informeren.',
    expect: { purposes: 'missing' },
  },
  {
    name: 'de: Zweck dieser Erklärung',
    text: 'Verantwortlicher ist, wer über die Zwecke und Mittel der Verarbeitung entscheidet.\nZweck dieser Datenschutzerklärung ist es, Sie zu informieren.',
    expect: { purposes: 'missing' },
  },
  {
    name: 'fr: finalités et moyens',
    text: "Le responsable du traitement détermine les finalités et les moyens du traitement.\nL'objet de la présente politique est de vous informer.",
    expect: { purposes: 'missing' },
  },
  {
    name: 'sv: ändamål och medel',
    text: 'Personuppgiftsansvarig är den som bestämmer ändamålen och medlen för behandlingen.\nSyftet med denna policy är att informera dig.',
    expect: { purposes: 'missing' },
  },
  {
    name: 'storage words without a period are not retention (five languages)',
    text:
      'The data we store are your name and address.\nWe keep your data safe.\nDe gegevens die wij opslaan zijn naam en adres.\n' +
      'Wir speichern Ihren Namen und Ihre Anschrift.\nVi sparar ditt namn och din adress.\nNous conservons votre nom et votre adresse.',
    expect: { retention: 'missing' },
  },
  {
    name: 'an age limit is not a retention period',
    text: 'Our shop is not meant for children under 16 years.\nOnze winkel is niet bedoeld voor kinderen jonger dan 16 jaar.\nUnser Shop richtet sich nicht an Kinder unter 16 Jahren.\nNotre boutique ne s’adresse pas aux enfants de moins de 15 ans.\nVår butik vänder sig inte till barn under 13 år.',
    expect: { retention: 'missing' },
  },
  {
    name: '"share" in another sense is not a recipient',
    text: 'We share your concerns about privacy.\nNous partageons vos préoccupations.\nWe use your address to send your parcel.',
    expect: { recipients: 'missing' },
  },
  {
    name: 'a question heading about the DPO answered "no" is not a DPO',
    text: 'Do we have a data protection officer?\nWe are a small shop and have not appointed one.',
    expect: { dpo: 'found' },
    notes: { dpo: 'none' },
  },
  {
    name: 'a long question is not cited as the DPO: its answer is',
    text: 'Who is the data protection officer of our company and how can you reach this person?\nOur data protection officer is Ms A. de Vries, dpo@shop.example.',
    expect: { dpo: { cite: 'ms a. de vries' } },
  },
  {
    name: 'controller contact details on separate lines under a one-word heading',
    html: page('<h3>Contact</h3><p>Bloemenhuis Jansen<br>Kerkstraat 1<br>3511 AB Utrecht<br>info@bloemenhuis.example</p><h3>Privacy</h3><p>We use your data to deliver flowers.</p>', 'en'),
    expect: { controller: { cite: 'bloemenhuis jansen' } },
  },
  {
    name: 'kontakt block in German',
    text: 'Kontakt\nFahrradladen Müller\nHauptstraße 5\n10115 Berlin\nE-Mail: info@rad.example\nWir nutzen Ihre Daten zur Abwicklung Ihrer Bestellung.',
    expect: { controller: { cite: 'fahrradladen müller' } },
  },
  {
    name: 'the requirement said the legal way (real statements)',
    text: 'The provision of your personal data is required for the conclusion of the contract.',
    expect: { requirement: 'found' },
  },
  {
    name: 'nl: verstrekken is noodzakelijk voor de overeenkomst',
    text: 'Het verstrekken van uw persoonsgegevens is noodzakelijk voor het sluiten van de overeenkomst.',
    expect: { requirement: 'found' },
  },
  {
    name: 'sv: uppgifterna krävs för avtalet',
    text: 'Uppgifterna är nödvändiga för att vi ska kunna ingå avtalet med dig, och utan dem kan vi inte leverera.',
    expect: { requirement: 'found' },
  },
];

/** Kinds the tuning batch b4 showed, on sentences written for these tests. */
const EVIDENCE: Case[] = [
  {
    name: 'a definition from the law is not the controller nor a purpose',
    text: '"Controller" means the natural or legal person which determines the purposes and means of the processing.\nWe sell teapots. Questions go to help@teapots.example.',
    expect: { controller: 'missing', purposes: 'missing' },
  },
  {
    name: 'sv: en definition avses',
    text: 'Med personuppgiftsansvarig avses i denna policy den fysiska eller juridiska person som bestämmer ändamålen.\nVi säljer tekannor. Frågor till hej@tekannor.example.',
    expect: { controller: 'missing' },
  },
  {
    name: 'an address block without a title, ending in an e-mail address',
    text: 'We sell candles.\n\nWick & Co\nMain Street 12\nValletta VLT 1010\nMalta\nhello@wick.example',
    expect: { controller: { cite: 'main street 12' } },
  },
  {
    name: "the supervisory authority's address block is not the controller",
    text: 'You can complain to the data protection authority:\nData Protection Commission\n21 Fitzwilliam Square\nDublin 2\ninfo@dataprotection.example',
    expect: { controller: 'missing' },
  },
  {
    name: 'a name with its address in brackets',
    text: 'Drukkerij Het Anker (Havenweg 3, 1234 AB Hoorn, info@anker.example) gebruikt uw adres om uw drukwerk te bezorgen.',
    expect: { controller: { cite: 'drukkerij het anker' } },
  },
  {
    name: 'a bare "Nein." is cited with the sentence that gives the reason',
    text: 'Gibt es einen Datenschutzbeauftragten?\nNein.\nWir sind als kleiner Betrieb nicht verpflichtet, einen zu benennen.',
    expect: { dpo: { cite: 'nicht verpflichtet' } },
    notes: { dpo: 'none' },
  },
  {
    name: 'a long title naming several topics states none of them',
    text: 'Met welk doel en op basis van welke grondslag wij persoonsgegevens verwerken\nWij verwerken je gegevens om je bestelling te bezorgen.',
    expect: { legalBasis: 'missing', purposes: 'found' },
  },
  {
    name: 'a sentence announcing a list is cited with its first item',
    text: 'We process your data for the following purposes:\n- sending your order to you',
    expect: { purposes: { cite: 'sending your order' } },
  },
  {
    name: 'a table row keeps each short value with its label',
    text: 'Zweck: Versand Ihrer Bestellung. Rechtsgrundlage: Vertrag. Speicherdauer: 10 Jahre.',
    expect: { purposes: { cite: 'zweck: versand' }, retention: { cite: 'speicherdauer: 10 jahre' } },
  },
  {
    name: 'fr: an intention denied far before the transfer words',
    text: "Nous n'avons pas l'intention de transférer vos données personnelles vers des pays situés en dehors de l'Espace économique européen.",
    expect: { transfers: 'found' },
    notes: { transfers: 'none' },
  },
  {
    name: 'legitimate interests described in plain words (en, nl, de, fr, sv)',
    text:
      'We keep a list of what you bought because it is in our business interest to know what sells.\n' +
      'Wij houden bij wat je koopt, omdat het in ons zakelijk belang is om te weten wat goed verkoopt.\n' +
      'Das liegt in unserem geschäftlichen Interesse; das Interesse liegt darin, gut einzukaufen.\n' +
      "Intérêt légitime : protéger la boutique contre la fraude.\nBerättigat intresse: att skydda oss mot bedrägerier.",
    expect: { legitimateInterests: 'found', legalBasis: 'found' },
  },
];

/** Shop text that states no element: materials used for something, delivery and return periods, changing an order. */
const SHOP_TALK: Record<string, string> = {
  en: 'We make candles by hand. You can change your order within one hour. Shipping takes two to three days. If you do not like it, you can return it within 14 days.',
  nl: 'Wij maken kaarsen met de hand. We gebruiken sojawas om ze schoon te laten branden. Je kunt je bestelling binnen een uur wijzigen. Verzending duurt twee tot drie dagen.',
  de: 'Wir machen Kerzen von Hand. Wir verwenden Sojawachs, damit sie sauber brennen. Sie können Ihre Bestellung innerhalb einer Stunde ändern. Der Versand dauert zwei bis drei Tage.',
  fr: "Nous utilisons de la cire de soja pour obtenir une combustion propre. Vous pouvez modifier votre commande dans l'heure. La livraison prend deux à trois jours.",
  sv: 'Vi använder sojavax för att de ska brinna rent. Du kan ändra din beställning inom en timme. Leveransen tar två till tre dagar.',
};
const SHOP_TALK_CASES: Case[] = Object.entries(SHOP_TALK).map(([lang, text]) => ({
  name: `${lang}: shop talk states no purpose, retention or rectification`,
  text,
  expect: { purposes: 'missing', retention: 'missing', rightRectification: 'missing' },
}));

describe('privacy statements as people write them (issue 14)', () => {
  for (const [group, cases] of Object.entries({ tables: TABLES, lists: LISTS, plain: PLAIN, negation: NEGATION, traps: [...TRAPS, ...SHOP_TALK_CASES], evidence: EVIDENCE })) {
    describe(group, () => {
      for (const testCase of cases) it(testCase.name, () => check(testCase));
    });
  }
});

/** One plain sentence each that states its element (rights ones under a rights title). */
const PLAIN_PHRASINGS: [string, ElementId, string][] = [
  ['en', 'recipients', 'Our courier gets your name and address so the parcel arrives.'],
  ['en', 'recipients', 'We give your address to the delivery company.'],
  ['en', 'transfers', 'Your data never leaves the EU.'],
  ['en', 'retention', 'We delete your account data two years after your last order.'],
  ['en', 'retention', 'Invoices stay in our books for seven years because tax law says so.'],
  ['en', 'complaint', 'Not happy? You can complain to the Dutch Data Protection Authority.'],
  ['en', 'legalBasis', 'The law obliges us to keep invoices.'],
  ['en', 'rightPortability', 'You can also ask for your data in a file you can take to another shop.'],
  ['en', 'rightObjection', 'You can tell us to stop using your data for marketing.'],
  ['en', 'requirement', 'You do not have to give us your phone number.'],
  ['nl', 'recipients', 'De bezorger krijgt je naam en adres.'],
  ['nl', 'retention', 'We gooien je gegevens na twee jaar weg.'],
  ['nl', 'purposes', 'Je e-mailadres gebruiken we voor de orderbevestiging.'],
  ['nl', 'legalBasis', 'Dit mag omdat het nodig is om je bestelling te leveren.'],
  ['nl', 'rightObjection', 'Wil je geen reclame meer? Laat het ons weten, dan stoppen we ermee.'],
  ['nl', 'requirement', 'Zonder adres kunnen we niets opsturen.'],
  ['de', 'purposes', 'Ihre E-Mail-Adresse nutzen wir für die Bestellbestätigung.'],
  ['de', 'retention', 'Rechnungen bewahren wir zehn Jahre auf.'],
  ['de', 'recipients', 'Der Paketdienst erhält Ihren Namen und Ihre Adresse.'],
  ['de', 'legalBasis', 'Das ist nötig, damit wir den Kaufvertrag erfüllen können.'],
  ['de', 'rightAccess', 'Sie können jederzeit fragen, welche Daten wir über Sie haben.'],
  ['de', 'requirement', 'Ohne Adresse können wir nicht liefern.'],
  ['fr', 'purposes', 'Votre adresse e-mail nous sert à vous envoyer la confirmation.'],
  ['fr', 'retention', 'Nous gardons vos factures pendant dix ans.'],
  ['fr', 'recipients', 'Le transporteur reçoit votre nom et votre adresse.'],
  ['fr', 'rightAccess', 'Vous pouvez nous demander quelles données nous avons sur vous.'],
  ['fr', 'legalBasis', 'Nous en avons besoin pour exécuter votre commande.'],
  ['sv', 'purposes', 'Din e-postadress använder vi för orderbekräftelsen.'],
  ['sv', 'retention', 'Vi behåller fakturor i sju år.'],
  ['sv', 'recipients', 'Budfirman får ditt namn och din adress.'],
  ['sv', 'legalBasis', 'Vi behöver uppgifterna för att kunna leverera din beställning.'],
  ['sv', 'rightAccess', 'Du kan fråga oss vilka uppgifter vi har om dig.'],
  ['sv', 'requirement', 'Utan adress kan vi inte skicka något.'],
  ['en', 'requirement', 'You are not obliged to give us your data, but we cannot process your order without it.'],
  ['en', 'requirement', 'Providing your email address is voluntary.'],
  ['en', 'requirement', 'We need your postal address; otherwise we cannot send you anything.'],
  ['nl', 'requirement', 'Je bent niet verplicht om je gegevens te geven, maar zonder kunnen we je bestelling niet leveren.'],
  ['nl', 'requirement', 'Als je deze gegevens niet geeft, kunnen we je bestelling niet verwerken.'],
  ['nl', 'requirement', 'Velden met een * zijn verplicht.'],
  ['de', 'requirement', 'Sie sind nicht verpflichtet, uns Ihre Daten mitzuteilen; ohne sie können wir aber nicht liefern.'],
  ['de', 'requirement', 'Die mit * markierten Felder sind Pflichtfelder.'],
  ['fr', 'requirement', "Vous n'êtes pas obligé de nous communiquer vos données, mais sans elles nous ne pouvons pas livrer."],
  ['fr', 'requirement', 'Les champs marqués d\'un astérisque sont obligatoires.'],
  ['sv', 'requirement', 'Du är inte skyldig att lämna dina uppgifter, men utan dem kan vi inte leverera.'],
  ['sv', 'requirement', 'Om du inte anger din adress kan vi inte skicka varan.'],
  ['en', 'legitimateInterests', 'We rely on our legitimate interest in preventing fraud.'],
  ['en', 'legitimateInterests', 'Legal basis: legitimate interest (keeping our webshop secure).'],
  ['nl', 'legitimateInterests', 'Grondslag: gerechtvaardigd belang (fraude voorkomen).'],
  ['de', 'legitimateInterests', 'Rechtsgrundlage: berechtigtes Interesse (Schutz vor Betrug).'],
  ['fr', 'legitimateInterests', 'Base légale : intérêt légitime (prévenir la fraude).'],
  ['sv', 'legitimateInterests', 'Rättslig grund: berättigat intresse (att förebygga bedrägerier).'],
  ['en', 'complaint', 'You may also lodge a complaint with the Irish Data Protection Commission.'],
  ['nl', 'complaint', 'Je kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.'],
  ['de', 'complaint', 'Sie können sich bei der zuständigen Datenschutzbehörde beschweren.'],
  ['fr', 'complaint', 'Vous pouvez introduire une réclamation auprès de la CNIL.'],
  ['sv', 'complaint', 'Du kan lämna klagomål till Integritetsskyddsmyndigheten (IMY).'],
  ['en', 'automatedDecisions', 'A computer never decides anything about you on its own.'],
  ['nl', 'automatedDecisions', 'Wij nemen geen besluiten die alleen door een computer worden genomen.'],
  ['de', 'automatedDecisions', 'Eine automatisierte Entscheidungsfindung findet nicht statt.'],
  ['fr', 'automatedDecisions', "Nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé."],
  ['sv', 'automatedDecisions', 'Vi använder inte automatiserat beslutsfattande.'],
  ['en', 'retention', 'Your account stays until you delete it.'],
  ['en', 'retention', 'We hold order data for as long as the law requires.'],
  ['nl', 'retention', 'Facturen houden we 7 jaar bij voor de Belastingdienst.'],
  ['de', 'retention', 'Bestelldaten löschen wir nach Ablauf der gesetzlichen Fristen.'],
  ['fr', 'retention', 'Vos données sont supprimées trois ans après votre dernier achat.'],
  ['sv', 'retention', 'Dina uppgifter raderas två år efter ditt senaste köp.'],
  ['en', 'withdrawConsent', 'We send the newsletter only with your consent. You can withdraw it at any time.'],
  ['nl', 'withdrawConsent', 'De nieuwsbrief sturen we alleen met je toestemming. Je kunt je op elk moment afmelden.'],
  ['de', 'withdrawConsent', 'Den Newsletter senden wir nur mit Ihrer Einwilligung. Sie können sich jederzeit abmelden.'],
  ['fr', 'withdrawConsent', 'La newsletter est envoyée avec votre consentement. Vous pouvez vous désabonner à tout moment.'],
  ['sv', 'withdrawConsent', 'Nyhetsbrevet skickas med ditt samtycke. Du kan avregistrera dig när som helst.'],
  ['en', 'dpo', 'We have not appointed a data protection officer.'],
  ['en', 'transfers', 'All our servers are in the EU, so your data does not leave the EU.'],
  ['de', 'transfers', 'Ihre Daten werden ausschließlich auf Servern in Deutschland gespeichert und nicht in Drittländer übermittelt.'],
];

describe('plain phrasings, one sentence each (issue 14)', () => {
  for (const [lang, id, sentence] of PLAIN_PHRASINGS) {
    it(`${lang}: ${id} in "${sentence}"`, () => {
      const text = id.startsWith('right') ? `Your rights\n${sentence}` : sentence;
      expect(analyseStatement(text).elements.find((element) => element.id === id)?.status).toBe('found');
    });
  }
});

describe('extractText keeps structure', () => {
  it('reads a table row by row, each cell under its header, and marks list items', () => {
    const { text } = extractText(
      page('<table><tr><th>Purpose</th><th>Retention</th></tr><tr><td>Invoices</td><td>7 years</td></tr></table><ul><li><p>Access</p></li><li><a href="#x">Menu</a></li></ul>', 'en'),
    );
    expect(text.split('\n')).toEqual(['Purpose: Invoices. Retention: 7 years.', '- Access']);
  });
  it('reads a two-column table without header as label: value, and a row header too', () => {
    const { text } = extractText(page('<table><tr><td>Name</td><td>Shop BV</td></tr><tr><td>E-mail</td><td>info@shop.example</td></tr></table><table><tr><th>Retention</th><td>2 years</td><td>then deleted</td></tr></table>', 'en'));
    expect(text.split('\n')).toEqual(['Name: Shop BV.', 'E-mail: info@shop.example.', 'Retention: 2 years; then deleted.']);
  });
});

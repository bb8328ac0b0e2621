/**
 * The statement analyser on the kinds of phrasing that batch b6 showed it misread (issue 14, round
 * three), each kind in all five languages with sentences of our own. Precision first: our own duty to
 * keep records is no requirement on the visitor, "providing a website" is no providing of data, and
 * the data "we hold about you" inside a rights sentence is no retention period.
 * Round one's cases are in privacy-statement-structure.test.ts, round two's in privacy-statement-kinds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyseStatement } from '../src/scan/privacy/statement/index.js';
import { describeCases, type Case } from './privacy-statement-cases.js';

const CASES: Record<string, Case[]> = {
  'our own legal duty to keep records asks nothing of the visitor': [
    ['en', 'requirement', 'missing', 'We keep invoices for seven years because we are legally required to.'],
    ['nl', 'requirement', 'missing', 'De factuur bewaren we omdat de Belastingdienst dat wettelijk verplicht.'],
    ['nl', 'requirement', 'missing', 'Wij zijn wettelijk verplicht om facturen zeven jaar te bewaren.'],
    ['de', 'requirement', 'missing', 'Rechnungen bewahren wir zehn Jahre auf, weil wir gesetzlich dazu verpflichtet sind.'],
    ['fr', 'requirement', 'missing', 'Nous conservons vos factures dix ans car nous y sommes légalement obligés.'],
    ['sv', 'requirement', 'missing', 'Vi sparar fakturor i sju år eftersom bokföringslagen kräver det.'],
    // The visitor's own duty still is one.
    ['en', 'requirement', 'found', 'Providing your date of birth is legally required for the sale of wine.'],
    ['nl', 'requirement', 'found', 'Het verstrekken van uw geboortedatum is wettelijk verplicht bij de verkoop van wijn.'],
  ],
  'providing a website or service is no providing of data': [
    ['de', 'requirement', 'missing', 'Wir verarbeiten Daten unserer Nutzer nur, soweit dies zur Bereitstellung einer funktionsfähigen Website sowie unserer Inhalte erforderlich ist.'],
    ['en', 'requirement', 'missing', 'We process personal data only insofar as this is necessary to provide a functioning website and our services.'],
    ['nl', 'requirement', 'missing', 'Wij verwerken persoonsgegevens alleen voor zover dat nodig is om een werkende website aan te bieden.'],
    ['fr', 'requirement', 'missing', "Nous traitons les données uniquement dans la mesure où cela est nécessaire à la fourniture d'un site fonctionnel."],
    ['sv', 'requirement', 'missing', 'Vi behandlar personuppgifter endast i den mån det krävs för att tillhandahålla en fungerande webbplats.'],
    ['de', 'requirement', 'found', 'Die Angabe Ihrer Adresse ist für die Lieferung erforderlich.'],
  ],
  'the data "we hold about you" inside a rights sentence is no retention': [
    ['nl', 'retention', 'missing', 'Als u in Europa woont, heeft u het recht op toegang tot de persoonlijke informatie die wij over u bewaren en om te vragen dat die wordt gecorrigeerd.'],
    ['en', 'retention', 'missing', 'You have the right to access the personal information we keep about you and to ask that it be corrected, updated or deleted.'],
    ['de', 'retention', 'missing', 'Sie haben das Recht auf Auskunft über die Daten, die wir über Sie gespeichert haben, bis hin zu ihrer Herkunft.'],
    ['fr', 'retention', 'missing', "Vous avez le droit d'accéder aux données que nous conservons à votre sujet et d'en demander la correction si nécessaire."],
    ['sv', 'retention', 'missing', 'Du har rätt att få veta vilka uppgifter vi sparar om dig och att få dem rättade om det behövs, när som helst under tiden.'],
    // A period in the same sentence still states one.
    ['nl', 'retention', 'found', 'De gegevens die wij over u bewaren, bewaren wij zolang uw account bestaat.'],
    ['en', 'retention', 'found', 'The data we hold about you is kept for two years after your last order.'],
  ],
  'the one-person shop in its own voice, speaking to "you" or "du"': [
    ['en', 'rightAccess', 'found', 'What you can do\nYou can ask me what I know about you at any time.'],
    ['nl', 'rightAccess', 'found', 'Jouw rechten\nJe kunt me altijd vragen wat ik over je weet.'],
    ['de', 'rightAccess', 'found', 'Deine Rechte\nDu kannst mich jederzeit fragen, was ich über dich gespeichert habe.'],
    ['fr', 'rightAccess', 'found', 'Vos droits\nTu peux me demander ce que je sais de toi.'],
    ['sv', 'rightAccess', 'found', 'Dina rättigheter\nDu kan fråga mig vad jag vet om dig, så berättar jag.'],
    ['en', 'rightRectification', 'found', 'Your rights\nIf something is wrong, tell me and I will fix it.'],
    ['nl', 'rightRectification', 'found', 'Jouw rechten\nKlopt er iets niet, dan pas ik het aan.'],
    ['de', 'rightRectification', 'found', 'Deine Rechte\nWenn etwas falsch ist, korrigiere ich es.'],
    ['fr', 'rightRectification', 'found', "Vos droits\nSi une information n'est plus juste, je la corrige."],
    ['sv', 'rightRectification', 'found', 'Dina rättigheter\nOm något är fel rättar jag det.'],
    ['en', 'rightErasure', 'found', 'Your rights\nJust say the word and I will delete everything.'],
    ['nl', 'rightErasure', 'found', 'Jouw rechten\nWil je dat alles weg is, dan verwijder ik het.'],
    ['de', 'rightErasure', 'found', 'Deine Rechte\nWenn du möchtest, lösche ich deine Daten.'],
    ['fr', 'rightErasure', 'found', 'Vos droits\nSi tu le souhaites, je les supprime.'],
    ['sv', 'rightErasure', 'found', 'Dina rättigheter\nVill du det, raderar jag allt.'],
    // A right named as a compound noun sets the context of its own sentence: its denial is read.
    ['de', 'rightObjection', 'denied', 'Da wir Ihre Daten ausschließlich zur Erfüllung des Vertrages verarbeiten, steht Ihnen ein Widerspruchsrecht nach Art. 21 DSGVO nicht zu.'],
    ['sv', 'rightObjection', 'denied', 'Eftersom vi bara behandlar uppgifterna för att fullgöra köpet gäller invändningsrätten inte.'],
  ],
  'the basis as what was agreed, the requirement for a field named by itself': [
    ['en', 'legalBasis', 'found', 'I need these details to do what we agreed.'],
    ['en', 'requirement', 'found', "If you'd rather not give them, that's fine, but then I can't post anything."],
    ['en', 'requirement', 'found', 'Without your date of birth we cannot sell you wine.'],
    ['nl', 'requirement', 'found', 'Het verstrekken van uw geboortedatum is een wettelijke verplichting voor de aankoop van wijn.'],
    ['nl', 'requirement', 'found', 'Zonder geboortedatum kunnen wij uw bestelling niet uitvoeren.'],
    ['de', 'requirement', 'found', 'Ohne Ihr Geburtsdatum können wir Ihnen keinen Wein verkaufen, das ist nicht erlaubt.'],
    ['fr', 'requirement', 'found', 'Sans votre date de naissance, nous ne pouvons pas vous vendre de vin.'],
    ['sv', 'requirement', 'found', 'Utan ditt födelsedatum kan vi inte sälja vin till dig.'],
  ],
  'the authority named by its task, a German separable verb around its recipient': [
    ['de', 'complaint', 'found', 'Wenn du mit mir nicht zufrieden bist, kannst du dich beim Unabhängigen Landeszentrum für Datenschutz beschweren.'],
    ['de', 'recipients', 'found', 'Wir geben sie daher zusammen mit Ihrer Anschrift an die Kühlkurier Süd GmbH weiter.'],
  ],
  'rights asked for in the passive': [
    ['nl', 'rightErasure', 'found', 'Uw rechten\nU heeft het recht om te vragen dat uw persoonlijke informatie wordt gecorrigeerd, bijgewerkt of verwijderd.'],
    ['nl', 'rightRectification', 'found', 'Uw rechten\nU kunt vragen dat uw gegevens worden verbeterd.'],
    ['en', 'rightErasure', 'found', 'Your rights\nYou can ask that your personal information be corrected, updated or deleted.'],
    ['de', 'rightRectification', 'found', 'Ihre Rechte\nSie können verlangen, dass Ihre Daten berichtigt werden.'],
    ['de', 'rightErasure', 'found', 'Ihre Rechte\nSie können verlangen, dass Ihre Daten gelöscht werden.'],
    ['fr', 'rightErasure', 'found', 'Vos droits\nVous pouvez demander que vos données soient corrigées ou supprimées.'],
    ['sv', 'rightErasure', 'found', 'Dina rättigheter\nDu kan begära att dina uppgifter rättas eller raderas.'],
  ],
  'an FAQ answer that opens with its purpose': [
    ['nl', 'purposes', { cite: 'Zodat we je bestelling' }, 'Waarom vragen jullie mijn gegevens?\nZodat we je bestelling kunnen inpakken en versturen.'],
    ['en', 'purposes', { cite: 'So that we can pack' }, 'Why do you ask for my details?\nSo that we can pack and send your order.'],
    ['de', 'purposes', { cite: 'Damit wir Ihre Bestellung' }, 'Warum fragen Sie nach meinen Daten?\nDamit wir Ihre Bestellung verpacken und versenden können.'],
    ['fr', 'purposes', { cite: 'Pour que nous puissions' }, 'Pourquoi demandez-vous mes informations ?\nPour que nous puissions emballer et expédier votre commande.'],
    ['sv', 'purposes', { cite: 'Så att vi kan packa' }, 'Varför frågar ni efter mina uppgifter?\nSå att vi kan packa och skicka din beställning.'],
  ],
  'the shop’s address block ending with a phone number, a four-digit postcode before the town': [
    ['nl', 'controller', { cite: 'Rijwielhuis Van Dongen — Ringbaan-West 201' }, 'Wilt u dat we alles weggooien, mail dan naar ons.\n\nRijwielhuis Van Dongen\nRingbaan-West 201\n5037 PB Tilburg\n013 - 543 21 09'],
    ['en', 'controller', { cite: 'Harbour Yarns' }, 'Write to me any time.\n\nHarbour Yarns\n4 Quay Lane\nH91 X2Y4 Galway\nTel.: +353 91 123 456'],
    ['nl', 'controller', { cite: 'Little Nordic Clothing ApS, Algade 10' }, 'Dit beleid beschrijft wat wij met uw gegevens doen.\nNeem contact met ons op per post via:\nLittle Nordic Clothing ApS, Algade 10, 9000 Aalborg, Denemarken'],
    ['de', 'controller', { cite: 'Strickwerk OG' }, 'Verantwortlich ist die Strickwerk OG.\nSchreiben Sie uns: Strickwerk OG, Hauptplatz 3, 8010 Graz, Österreich, Telefon 0316 123456.'],
    // A year before a word is no postcode: no block, no controller.
    ['en', 'controller', 'missing', 'Since 2019 Harbour Yarns has sold yarn.\nWe love wool.'],
  ],
  'periods in every number word, the future tense, a right as a German compound, a carrier by its trade': [
    ['fr', 'retention', 'found', 'Les factures sept ans, le reste un an.'],
    ['en', 'retention', 'found', 'Invoices: eight years.'],
    ['nl', 'retention', 'found', 'Facturen: acht jaar.'],
    ['de', 'retention', 'found', 'Rechnungen: acht Jahre.'],
    ['sv', 'retention', 'found', 'Fakturor: åtta år.'],
    ['fr', 'retention', 'found', 'Nous conserverons vos informations de commande pour nos dossiers pendant dix ans.'],
    ['fr', 'retention', 'found', 'Le carnet d’entretien de votre vélo, aussi longtemps que dure la garantie.'],
    ['de', 'rightAccess', 'found', 'Ihre Rechte\n1. Auskunftsrecht\nSie können von uns eine Bestätigung darüber verlangen, ob wir Daten von Ihnen verarbeiten.'],
    ['de', 'rightErasure', 'found', 'Ihre Rechte\nSie haben ein Löschungsrecht.'],
    ['en', 'recipients', 'found', 'Your address is passed to the freight company that delivers the bike.'],
  ],
  'profiling named only as what can be objected to is no automated decision': [
    ['fr', 'automatedDecisions', 'found', "La personne concernée peut s'opposer à tout moment à la prospection, y compris au profilage lié à cette prospection.\nNous ne prenons aucune décision fondée exclusivement sur un traitement automatisé.", 'none'],
    ['en', 'automatedDecisions', 'found', 'You may object at any time to direct marketing, including profiling related to it.\nWe make no decisions based solely on automated processing.', 'none'],
    ['de', 'automatedDecisions', 'found', 'Sie können der Werbung jederzeit widersprechen, auch dem damit verbundenen Profiling.\nEine automatisierte Entscheidungsfindung findet nicht statt.', 'none'],
  ],
};

describeCases('kinds of phrasing from batch b6, in five languages (issue 14, round three)', CASES);

describe('evidence from a long clause (issue 14, round three)', () => {
  const rights = `7.1 Subject to the conditions laid down in the GDPR, you have the right of access to your personal data (Article 15 GDPR), the right to rectification of inaccurate data (Article 16 GDPR), the right to erasure (Article 17 GDPR), the right to restriction of processing (Article 18 GDPR), the right to data portability (Article 20 GDPR) and the right to object (Article 21 GDPR).`;

  it('is cut around the words that state the element, not at its head', () => {
    const finding = analyseStatement(rights).elements.find((element) => element.id === 'rightPortability');
    expect(finding?.status).toBe('found');
    expect(finding?.sentences[0]).toContain('the right to data portability (Article 20');
    expect(finding?.sentences[0]?.startsWith('…')).toBe(true);
  });

  it('is cut at its head when the words are near it', () => {
    const finding = analyseStatement(rights).elements.find((element) => element.id === 'rightAccess');
    expect(finding?.sentences[0]?.startsWith('7.1 Subject')).toBe(true);
    expect(finding?.sentences[0]?.length).toBeLessThanOrEqual(300);
  });
});

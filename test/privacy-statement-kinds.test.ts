/**
 * The statement analyser on the kinds of phrasing that blind batch b5 showed it missed or misread
 * (issue 14, round two), each kind in all five languages with sentences of our own: a field and its
 * use, the basis as the visitor's own order, the requirement as a precondition or a field left out,
 * recipients as whoever gets the details, rights as what the visitor asks, denials that are only a
 * condition ("if you are not happy"), definitions and back-references that state no purpose, bare
 * table cells cited last, EEA countries named as where data stays, and the traps (age limits, worry
 * about breaches, a breach report to the authority, a DPO appointment read as the controller).
 * This file holds round two's cases; round one's are in privacy-statement-structure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { analyseStatement, type ElementFinding, type ElementId, type ElementStatus } from '../src/scan/privacy/statement/index.js';

/** [language, element, expected status or { cite }, text, expected note]. */
type Case = [string, ElementId, ElementStatus | { cite: string }, string, ElementFinding['note']?];

const norm = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ');
const RIGHTS = 'Your rights\n';

const CASES: Record<string, Case[]> = {
  'a field and its use is a purpose': [
    ['en', 'purposes', { cite: 'phone number is for the courier' }, 'We ask for your phone number. The phone number is for the courier.'],
    ['nl', 'purposes', { cite: 'telefoonnummer is voor de bezorger' }, 'Je telefoonnummer is voor de bezorger.'],
    ['de', 'purposes', { cite: 'Telefonnummer ist für den Fahrer' }, 'Die Telefonnummer ist für den Fahrer.'],
    ['fr', 'purposes', { cite: 'e-mail est uniquement pour le reçu' }, "L'adresse e-mail est uniquement pour le reçu."],
    ['sv', 'purposes', { cite: 'Telefonnumret är till för chauffören' }, 'Telefonnumret är till för chauffören.'],
  ],
  'the basis as the visitor’s own order, a contract in the plural, the article in words': [
    ['en', 'legalBasis', 'found', 'We may use your details because you ordered from us.'],
    ['nl', 'legalBasis', 'found', 'Dat mag omdat je bij ons hebt besteld.'],
    ['de', 'legalBasis', 'found', 'Das ist erlaubt, weil Sie bei uns bestellt haben.'],
    ['fr', 'legalBasis', 'found', 'Nous le faisons parce que vous avez commandé chez nous.'],
    ['sv', 'legalBasis', 'found', 'Det får vi eftersom du har köpt något av oss.'],
    ['en', 'legalBasis', 'found', 'We use your data to perform our contract with you.'],
    ['nl', 'legalBasis', 'found', 'We gebruiken uw gegevens om contracten met u na te komen.'],
    ['de', 'legalBasis', 'found', 'Wir verarbeiten Ihre Daten, um Verträge mit Ihnen zu erfüllen.'],
    ['sv', 'legalBasis', 'found', 'Vi behöver adressen för att vi ska kunna fullgöra köpet.'],
    ['en', 'legalBasis', 'found', 'We may do this since you placed an order with us.'],
    ['nl', 'legalBasis', 'found', 'Dat mag, want je hebt iets bij ons gekocht.'],
    ['de', 'legalBasis', 'found', 'Das dürfen wir, da Sie bei uns bestellt haben.'],
    ['nl', 'legalBasis', 'found', 'Wij verwerken uw adres voor de levering (artikel 6, eerste lid, onder b, AVG).'],
  ],
  'the requirement as a precondition, a field left out, "otherwise"': [
    ['en', 'requirement', 'found', "If you leave your phone number out, we simply won't call."],
    ['en', 'requirement', 'found', 'Giving your address is a precondition for delivery.'],
    ['nl', 'requirement', 'found', 'Verstrekt u uw adres niet, dan kunnen wij niet leveren.'],
    ['nl', 'requirement', 'found', 'Je adres wel, anders komt het pakket niet aan.'],
    ['de', 'requirement', 'found', 'Die Angabe Ihrer Adresse ist Voraussetzung für die Lieferung.'],
    ['de', 'requirement', 'found', 'Bitte die Adresse angeben, sonst kommt das Paket nicht an.'],
    ['fr', 'requirement', 'found', 'La fourniture de votre adresse est une condition nécessaire à la livraison.'],
    ['fr', 'requirement', 'found', 'Sans adresse, impossible de vous livrer.'],
    ['sv', 'requirement', 'found', 'Att lämna adress är en förutsättning för leveransen.'],
    ['sv', 'requirement', 'found', 'Lämnas adressen inte kan vi inte leverera.'],
    ['fr', 'requirement', 'found', 'Si vous ne renseignez pas votre adresse, le colis ne partira pas.'],
    ['sv', 'requirement', 'found', 'Om du utelämnar adressen kommer paketet inte fram.'],
  ],
  'recipients as whoever gets the details': [
    ['en', 'recipients', { cite: 'Mercury Parcels' }, 'Who receives your data?\nMercury Parcels and Lynx Pay.'],
    ['nl', 'recipients', { cite: 'Snelpost' }, 'Wie krijgt uw gegevens?\nSnelpost en Betaalgemak.'],
    ['de', 'recipients', { cite: 'Blitzpaket' }, 'Wer bekommt Ihre Daten?\nBlitzpaket und Zahlfix.'],
    ['fr', 'recipients', { cite: 'Colisrapide' }, 'Qui reçoit vos données ?\nColisrapide et Paiefacile.'],
    ['sv', 'recipients', { cite: 'går till Snabbfrakt' }, 'Namn och adress går till Snabbfrakt, som kör ut paketen.'],
    ['sv', 'recipients', { cite: 'Snabbfrakt och Betalsnabb' }, 'Vem får dina uppgifter?\nSnabbfrakt och Betalsnabb.'],
    ['en', 'recipients', { cite: 'Royal Mail' }, 'Royal Mail brings the parcel to your door.'],
    ['sv', 'recipients', { cite: 'Swish' }, 'Betalningen sköts av Swish.'],
    ['de', 'recipients', { cite: 'Deutsche Post' }, 'Die Deutsche Post bringt das Paket.'],
  ],
  'rights as what the visitor asks': [
    ['en', 'rightAccess', 'found', `${RIGHTS}You can ask us what we hold about you.`],
    ['en', 'rightAccess', 'found', `${RIGHTS}On request we will send you a copy.`],
    ['en', 'rightRectification', 'found', `${RIGHTS}We will fix anything that is wrong.`],
    ['en', 'rightErasure', 'found', `${RIGHTS}Ask us and we delete it.`],
    ['nl', 'rightAccess', 'found', `${RIGHTS}U heeft het recht om toegang te krijgen tot uw gegevens.`],
    ['nl', 'rightRectification', 'found', `${RIGHTS}Klopt er iets niet, dan passen we het aan.`],
    ['nl', 'rightPortability', 'found', `${RIGHTS}U kunt uw gegevens in een machineleesbare vorm ontvangen.`],
    ['de', 'rightAccess', 'found', `${RIGHTS}Sie können fragen, was wir über Sie gespeichert haben.`],
    ['de', 'rightAccess', 'found', `${RIGHTS}Sie haben das Recht, auf Ihre Daten zuzugreifen.`],
    ['de', 'rightRestriction', 'found', `${RIGHTS}Auf Wunsch schränken wir die Nutzung Ihrer Daten ein.`],
    ['de', 'rightErasure', 'found', `${RIGHTS}Nicht mehr benötigte Daten löschen wir auf Wunsch.`],
    ['de', 'rightPortability', 'found', `${RIGHTS}Sie erhalten Ihre Daten in einem maschinenlesbaren Format.`],
    ['fr', 'rightAccess', 'found', `${RIGHTS}Vous pouvez nous demander ce que nous savons de vous.`],
    ['fr', 'rightRestriction', 'found', `${RIGHTS}Vous pouvez demander qu'on limite leur utilisation.`],
    ['sv', 'rightAccess', 'found', `${RIGHTS}Du har rätt att begära tillgång till och rättelse av dina uppgifter.`],
    ['sv', 'rightRestriction', 'found', `${RIGHTS}Du kan be oss begränsa hur vi använder dem.`],
    ['sv', 'rightPortability', 'found', `${RIGHTS}Du kan få uppgifterna i maskinläsbar form.`],
    ['nl', 'rightAccess', 'found', `${RIGHTS}Je kunt ons vragen wat we van je hebben.`],
    ['nl', 'rightRectification', 'found', `${RIGHTS}Fouten in je adres verbeteren we meteen.`],
    ['de', 'rightAccess', 'found', `${RIGHTS}Auf Wunsch schicken wir Ihnen eine Kopie.`],
    ['fr', 'rightAccess', 'found', `${RIGHTS}Sur demande, nous vous envoyons une copie.`],
    ['sv', 'rightAccess', 'found', `${RIGHTS}Du kan fråga vad vi har sparat om dig.`],
    ['sv', 'rightRectification', 'found', `${RIGHTS}Vi kan rätta eventuella fel.`],
    ['sv', 'rightErasure', 'found', `${RIGHTS}Vill du det, så raderar vi dem.`],
  ],
  'a negated condition denies nothing': [
    ['en', 'complaint', 'found', 'If you are not happy, you can complain to the data protection authority.'],
    ['nl', 'complaint', 'found', 'Als je niet tevreden bent kun je klagen bij de toezichthouder.'],
    ['de', 'complaint', 'found', 'Wenn Sie nicht zufrieden sind, können Sie sich bei der Aufsichtsbehörde beschweren.'],
    ['fr', 'complaint', 'found', "Si vous n'êtes pas satisfait, vous pouvez saisir l'autorité de contrôle."],
    ['sv', 'complaint', 'found', 'Om du inte är nöjd kan du vända dig till tillsynsmyndigheten.'],
    ['en', 'complaint', 'found', 'If you do not agree with how we use your data, you can complain to the supervisory authority.'],
    ['de', 'complaint', 'found', 'Wenn Sie nicht einverstanden sind, können Sie sich an die Aufsichtsbehörde wenden.'],
    ['nl', 'complaint', 'found', 'Ben je het er niet mee eens, dan kun je naar de toezichthouder.'],
  ],
  'a DPO "not needed" is none': [
    ['en', 'dpo', 'found', 'A data protection officer is not required for a shop our size.', 'none'],
    ['nl', 'dpo', 'found', 'Een functionaris gegevensbescherming is voor ons niet nodig.', 'none'],
    ['de', 'dpo', 'found', 'Einen Datenschutzbeauftragten haben wir nicht, weil wir klein sind.', 'none'],
    ['fr', 'dpo', 'found', "Un délégué à la protection des données n'est pas obligatoire pour nous.", 'none'],
    ['sv', 'dpo', 'found', 'Ett dataskyddsombud behövs inte för ett så litet företag.', 'none'],
  ],
  'definitions, back-references, permissions and processors state no purpose': [
    ['en', 'purposes', { cite: 'to send your order' }, 'A controller is the body that determines the purposes and means of processing.\nWe use your address to send your order.'],
    ['en', 'controller', { cite: 'Shop Ltd' }, 'A controller is the body that determines the purposes and means of processing.\nShop Ltd, 1 Main Street, Dublin D02 X285, hello@shop.test, is the controller.'],
    ['nl', 'purposes', { cite: 'om uw bestelling te versturen' }, 'De verwerkingsverantwoordelijke bepaalt het doel en de middelen van de verwerking.\nWij gebruiken uw adres om uw bestelling te versturen.'],
    ['de', 'purposes', { cite: 'um das Paket zu versenden' }, 'Ihre Daten werden gelöscht, sobald sie für die genannten Zwecke nicht mehr erforderlich sind.\nIhre Adresse verwenden wir, um das Paket zu versenden.'],
    ['fr', 'purposes', { cite: 'gestion des commandes' }, 'La présente notice a pour finalité de vous informer de vos droits.\nVos données sont traitées pour la gestion des commandes.'],
    ['sv', 'purposes', { cite: 'för att skicka paketet' }, 'Denna integritetspolicy har till syfte att informera dig.\nVi använder din adress för att skicka paketet.'],
    ['sv', 'purposes', { cite: 'för att leverera din beställning' }, 'Uppgifterna lämnas till vår bokförare, som behandlar dem för vår räkning.\nVi behandlar dina uppgifter för att leverera din beställning.'],
    ['nl', 'purposes', { cite: 'om het pakket te versturen' }, 'We mogen dit doen omdat we je gegevens nodig hebben om je bestelling te leveren.\nJe adres gebruiken we om het pakket te versturen.'],
    ['de', 'purposes', { cite: 'Ihnen die Ware zu schicken' }, 'Sie haben das Recht auf Auskunft über Empfänger und Zweck Ihrer Daten.\nWir verwenden Ihre Adresse, um Ihnen die Ware zu schicken.'],
  ],
  'a bare table cell or a recipient’s task is cited last': [
    ['de', 'purposes', { cite: 'Ihnen die Ware zu schicken' }, 'Zweck: Versand.\nWir verwenden Ihre Adresse, um Ihnen die Ware zu schicken.'],
    ['en', 'purposes', { cite: 'Purpose: Shipping' }, 'Purpose: Shipping.'],
    ['en', 'purposes', { cite: 'send the order confirmation' }, 'DHL gets your name and address to deliver the parcel.\nWe use your e-mail address to send the order confirmation.'],
    ['sv', 'purposes', { cite: 'Till att packa' }, 'Vad använder ni uppgifterna till?\nTill att packa och skicka dina varor.\nVem får dina uppgifter?\nPostNord får din adress för att leverera.'],
  ],
  'an EEA country named as where the data stays is no transfer': [
    ['en', 'transfers', 'found', 'Your data stays in the Netherlands.', 'none'],
    ['nl', 'transfers', 'found', 'Je gegevens blijven in Nederland.', 'none'],
    ['de', 'transfers', 'found', 'Ihre Daten werden ausschließlich in Deutschland gespeichert.', 'none'],
    ['fr', 'transfers', 'found', 'Vos données restent en France.', 'none'],
    ['sv', 'transfers', 'found', 'Dina uppgifter stannar i Sverige.', 'none'],
    ['fr', 'transfers', 'found', "Notre hébergeur est situé au Royaume-Uni, pays bénéficiant d'une décision d'adéquation."],
    ['en', 'transfers', 'found', 'Our host is in Switzerland, a country with an adequacy decision.'],
    ['en', 'transfers', 'found', 'Parcels to destinations outside the EEA carry your address; this transfer is necessary for the contract (Article 49(1)(b) GDPR).'],
  ],
  'consent as an agreement, withdrawn in plain words, and its sentence cited': [
    ['fr', 'withdrawConsent', 'found', 'Avec votre accord préalable, nous vous envoyons des offres. Vous pouvez revenir sur cet accord à tout moment.'],
    ['en', 'withdrawConsent', 'found', 'We send the newsletter only with your consent. You can unsubscribe from the newsletter whenever you like.'],
    ['de', 'withdrawConsent', { cite: 'jederzeit widerrufen' }, 'Den Newsletter senden wir mit Ihrer Einwilligung.\nLöschung: nach Widerruf der Einwilligung.\nDie Einwilligung zum Newsletter können Sie jederzeit widerrufen.'],
  ],
  'decisions by an algorithm are automated decisions': [
    ['en', 'automatedDecisions', 'found', 'No decisions about you are made by an algorithm.', 'none'],
    ['nl', 'automatedDecisions', 'found', 'Er worden geen beslissingen door een algoritme genomen.', 'none'],
    ['de', 'automatedDecisions', 'found', 'Keine Entscheidung wird von einem Algorithmus getroffen.', 'none'],
    ['fr', 'automatedDecisions', 'found', "Aucune décision vous concernant n'est prise par un algorithme.", 'none'],
    ['sv', 'automatedDecisions', 'found', 'Inga beslut fattas av en algoritm.', 'none'],
  ],
  'traps: what looks like an element and is not': [
    ['en', 'purposes', 'missing', 'We may contact you to arrange the return.'],
    ['fr', 'retention', 'missing', 'Vous devez avoir au moins 18 ans pour passer commande.'],
    ['nl', 'retention', 'missing', 'Je moet minstens 18 jaar zijn om te bestellen.'],
    ['sv', 'retention', 'missing', 'Du måste vara minst 18 år för att handla.'],
    ['sv', 'breachPolicy', 'missing', 'Vi delar din oro för dataintrång.'],
    ['en', 'breachPolicy', 'missing', 'We share your concern about data breaches.'],
    ['de', 'complaint', 'missing', 'Bei einer Datenpanne informieren wir die Aufsichtsbehörde innerhalb von 72 Stunden.'],
    ['en', 'complaint', 'missing', 'After a data breach we notify the supervisory authority within 72 hours.'],
    ['de', 'controller', { cite: 'Buchladen Schmidt GmbH' }, 'Der Verantwortliche hat Frau Dr. Anna Berg, berg@dsb.test, zur Datenschutzbeauftragten bestellt.\n\nBuchladen Schmidt GmbH\nMarkt 1\n01067 Dresden\nE-Mail: info@schmidt.test'],
  ],
};

describe('kinds of phrasing from batch b5, in five languages (issue 14, round two)', () => {
  for (const [kind, cases] of Object.entries(CASES)) {
    describe(kind, () => {
      for (const [lang, id, expected, text, note] of cases) {
        it(`${lang}: ${id} in "${text.replace(/\n/g, ' / ').slice(0, 90)}"`, () => {
          const finding = analyseStatement(text).elements.find((element) => element.id === id);
          const status = typeof expected === 'string' ? expected : 'found';
          expect(finding?.status, `cited: ${finding?.sentences[0]}`).toBe(status);
          if (typeof expected !== 'string') expect(norm(finding?.sentences[0] ?? ''), 'cites').toContain(norm(expected.cite));
          if (note !== undefined) expect(finding?.note).toBe(note);
        });
      }
    });
  }
});

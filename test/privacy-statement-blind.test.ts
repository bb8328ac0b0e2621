/**
 * The blind-written privacy-statement corpus (test/privacy-corpus-blind/): statements written without
 * looking at the analyser, in batches (b1 blind; b2 and b3 each written after the fixes for the
 * batch before). All three have been tuned on since, so this is a regression test; their figures on
 * unseen text are the first-sight ones in batches.json. Every expectation must be met, except the
 * known misses listed below: the test fails
 * when a known miss is fixed (remove it from the list) or a new miss appears. Expectations are never
 * weakened to fit the analyser; `npx tsx bench/privacy-statement-accuracy.ts` prints the figures.
 *
 * A batch whose status in batches.json is 'held-out' (b4, the tuning set, until it was tuned on; b5
 * and b6 until tuned on in rounds two and three; b7 until tuned on in round four; b8, held out for
 * good, written blind after the tuning on b4, b5 and b6) is measured by the bench only: its misses are the figures it was written to
 * measure, so asserting them here would either fail CI on the analyser they measure or turn the
 * held-out set into a list of known misses. For those items this test checks only that their
 * expectations are well-formed (every element asserted, every found element with a citation).
 */
import { describe, expect, it } from 'vitest';
import { batchOf, evaluateItem, BLIND_CORPUS, loadCorpus, readBatches, type Mismatch } from '../bench/privacy-statement-accuracy.js';
import { analyseStatement, ELEMENT_IDS, isNegated, LANGUAGE_PATTERNS, splitSentences, STATEMENT_LANGS, type ElementId } from '../src/scan/privacy/statement/index.js';

interface KnownMiss {
  item: string;
  element: Mismatch['element'];
  reason: string;
}

/** What the analyser still gets wrong on the blind-written set, and why. */
const KNOWN_MISSES: KnownMiss[] = [
  // b6 (tuned on in round three): what is left, each with its reason.
  { item: 'b6-de-fahrradteile-generator', element: 'withdrawConsent', reason: "the generator's consequence sentence ('Durch den Widerruf der Einwilligung wird die Rechtmäßigkeit ... nicht berührt') is found before the sentence granting the withdrawal" },
  { item: 'b6-de-teehaus-kopfspalte', element: 'purposes', reason: "a header-column table: the requirement sentence 'benötigen wir für den Vertragsabschluss' is found before the table's purpose cells" },
  { item: 'b6-en-harbourlight-shopify', element: 'purposes', reason: "'information used for account security purposes' (a data category with its use) is cited before the template's purpose sentences" },
  { item: 'b6-en-oakmoor-dl', element: 'purposes', reason: "a <dl> retention value 'Kept for 6 years ... for tax purposes' is cited before the purpose items" },
  { item: 'b6-fr-bougies-traduit', element: 'legalBasis', reason: "the denial of objection and portability 'car nous les traitons uniquement pour ...' gives the basis as its reason and is found first" },
  { item: 'b6-nl-zeepziederij-lightspeed', element: 'rightAccess', reason: "cites 'U kunt een verzoek tot inzage, correctie, verwijdering ... sturen', which states the right too; the corpus names only the earlier sentence" },
  { item: 'b6-nl-zeepziederij-lightspeed', element: 'rightRectification', reason: 'as rightAccess: the request sentence names correctie' },
  { item: 'b6-nl-zeepziederij-lightspeed', element: 'rightErasure', reason: 'as rightAccess: the request sentence names verwijdering' },
  // b7 (tuned on in round four): citations only, each with its reason.
  { item: 'b7-en-markethall', element: 'controller', reason: "a marketplace: the sentence naming the independent seller as controller of its own sales is found before the operator's address block" },
  { item: 'b7-en-markethall', element: 'purposes', reason: "the seller's purpose ('so that he or she can ship it') is found before the marketplace's own purposes" },
  { item: 'b7-fr-belle-provence', element: 'legalBasis', reason: "a purpose sentence naming 'exécuter les commandes' is found before the table's basis cell 'Le contrat de vente ; votre consentement'" },
  { item: 'b7-sv-nordvik-klader', element: 'legalBasis', reason: 'a long clause is cited from its middle (… varvid den rättsliga grunden … utgörs av avtalet), which states the basis too; the corpus names the sentence before it' },
  { item: 'b7-sv-skonhetsboden', element: 'controller', reason: "the WooCommerce title 'Vilka vi är' with the site address under it is found before the 'Kontakt' block's own lines" },
];

const allItems = loadCorpus(BLIND_CORPUS);
const heldOut = new Set(readBatches().batches.filter((record) => record.status === 'held-out').map((record) => record.batch));
const items = allItems.filter((item) => !heldOut.has(batchOf(item.name)));
const heldOutItems = allItems.filter((item) => heldOut.has(batchOf(item.name)));
const key = (miss: { item: string; element: string }): string => `${miss.item} ${miss.element}`;

describe('blind-written privacy statements (tuned since; first-sight figures in batches.json)', () => {
  it('has first-sight figures and a status for every batch, recorded before it was tuned on', () => {
    const records = readBatches().batches;
    const batches = [...new Set(allItems.map((item) => batchOf(item.name)))].sort();
    expect(records.map((record) => record.batch).sort()).toEqual(batches);
    for (const record of records) {
      expect(record.statements, record.batch).toBe(allItems.filter((item) => batchOf(item.name) === record.batch).length);
      expect(['held-out', 'tuned']).toContain(record.status);
      expect(record.firstSight.elementRecall).toBeGreaterThan(0);
      expect(record.firstSight.elementRecall).toBeLessThanOrEqual(1);
    }
  });

  it('has at least 20 statements, at least 4 per language, written in batches', () => {
    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const lang of STATEMENT_LANGS) expect(items.filter((item) => item.expectation.lang === lang).length, lang).toBeGreaterThanOrEqual(4);
    for (const batch of ['b1', 'b2', 'b3']) expect(new Set(items.map((item) => batchOf(item.name)))).toContain(batch);
  });

  it('lists only known misses of items that exist', () => {
    const names = new Set(items.map((item) => item.name));
    for (const miss of KNOWN_MISSES) expect(names.has(miss.item), miss.item).toBe(true);
  });

  for (const item of heldOutItems) {
    it(`${item.name} (held out, measured by the bench): asserts every element, and cites every found one`, () => {
      const { expectation } = item;
      const asserted = [...(expectation.found ?? []), ...(expectation.missing ?? []), ...(expectation.denied ?? []), ...(expectation.notApplicable ?? [])];
      expect([...asserted].sort(), 'each element once').toEqual([...ELEMENT_IDS].sort());
      expect(Object.keys(expectation.cites ?? {}).sort()).toEqual([...(expectation.found ?? [])].sort());
      const flat = item.text.replace(/\s+/g, ' ').toLowerCase();
      for (const [id, parts] of Object.entries(expectation.cites ?? {})) {
        for (const part of typeof parts === 'string' ? [parts] : (parts ?? [])) expect(flat, `${id} cites text of the statement`).toContain(part.replace(/\s+/g, ' ').toLowerCase());
      }
      expect(evaluateItem(item).analysis.elements).toHaveLength(ELEMENT_IDS.length);
    });
  }

  for (const item of items) {
    it(`${item.name}: meets every expectation except its known misses`, () => {
      const result = evaluateItem(item);
      const got = result.mismatches.map((mismatch) => `${key(mismatch)}: expected ${mismatch.expected}, got ${mismatch.got}`).sort();
      const known = KNOWN_MISSES.filter((miss) => miss.item === item.name).map(key);
      // Compare by item + element: a fixed known miss or a new miss both fail here.
      expect(result.mismatches.map(key).sort(), got.join('\n')).toEqual([...known].sort());
    });

    it(`${item.name}: every found or denied element quotes the statement`, () => {
      const analysis = analyseStatement(item.text);
      const flat = item.text.replace(/\s+/g, ' ');
      for (const element of analysis.elements.filter((finding) => finding.status === 'found' || finding.status === 'denied')) {
        expect(element.sentences.length, element.id).toBeGreaterThan(0);
        // A title hit is quoted as "title — sentence under it"; each part is from the statement.
        for (const part of (element.sentences[0] ?? '').replace(/^…|…$/g, '').split(' — ')) expect(flat, element.id).toContain(part.slice(0, 60));
      }
    });
  }
});

/** The general fixes behind the blind-written batches' results, on sentences written for these tests. */
describe('statement analyser generalisations', () => {
  const statusOf = (text: string, id: ElementId): string | undefined => analyseStatement(text).elements.find((element) => element.id === id)?.status;
  const noteOf = (text: string, id: ElementId): string | undefined => analyseStatement(text).elements.find((element) => element.id === id)?.note;

  it('splits a title fused onto its first sentence, but not a name or a preposition', () => {
    const texts = (text: string): string[] => splitSentences(text).map((sentence) => sentence.text);
    expect(texts('Your rights You can ask us for a copy of your data.')).toEqual(['Your rights', 'You can ask us for a copy of your data.']);
    expect(texts('Ihre Rechte Sie können jederzeit Auskunft verlangen.')).toEqual(['Ihre Rechte', 'Sie können jederzeit Auskunft verlangen.']);
    expect(texts('Transfers outside the EU: we never send your personal data to other countries.')).toEqual([
      'Transfers outside the EU',
      'we never send your personal data to other countries.',
    ]);
    expect(texts('Ohne Ihre Anschrift können wir nicht liefern.')).toEqual(['Ohne Ihre Anschrift können wir nicht liefern.']);
    expect(texts('Vos données sont transmises uniquement à La Poste pour la livraison.')).toHaveLength(1);
    expect(texts('Contact: Ms P. de Vries.')).toEqual(['Contact: Ms P. de Vries.']);
    expect(texts('Kerkstraat 1, Tel. 030 123 4567, info@shop.test')).toHaveLength(1);
  });

  it('reads a title whose text denies it, and an FAQ answer "No", as a denial', () => {
    expect(noteOf('Automated decisions\nWe do not take decisions about you by automated means only.', 'automatedDecisions')).toBe('none');
    expect(noteOf('Do you send my data outside the EU?\nNo. Everything stays with suppliers in Ireland.', 'transfers')).toBe('none');
    expect(statusOf('Can I object to marketing?\nNo, that is not possible with us.', 'rightObjection')).toBe('denied');
  });

  it('keeps negation to its own clause: relative clauses in a list, inverted main clauses, "including"', () => {
    const negated = (lang: 'sv' | 'nl' | 'fr', sentence: string, word: string): boolean => {
      const start = sentence.indexOf(word);
      return isNegated(sentence, start, start + word.length, LANGUAGE_PATTERNS[lang]);
    };
    expect(negated('sv', 'Du kan radera uppgifter som inte behövs, begränsa behandlingen', 'begränsa')).toBe(false);
    expect(negated('nl', 'U heeft geen recht op inzage, rectificatie of wissing', 'rectificatie')).toBe(true);
    expect(negated('nl', 'Als u het niet eens bent met uw gegevens, beperken we de verwerking', 'beperken')).toBe(false);
    expect(negated('fr', 'Nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé, y compris le profilage', 'profilage')).toBe(true);
  });

  it('finds the controller in an imprint-like line, not in a processor’s or the authority’s address', () => {
    expect(statusOf('We sell tea.\nTea Shop B.V. · Kerkstraat 1 · 3511 AB Utrecht · KvK 12345678', 'controller')).toBe('found');
    expect(statusOf('Payments are handled by Stripe Payments Europe Ltd, 1 Grand Canal Street, Dublin D02 H210.', 'controller')).toBe('missing');
    expect(statusOf('Questions? Contact us at a@shop.test. You can also complain to the Autoriteit Persoonsgegevens, Postbus 93374, 2509 AJ Den Haag.', 'controller')).toBe('missing');
  });

  it('does not take cookie deletion or a capitalised "CONTACT US" for rights or transfers', () => {
    expect(statusOf('Your rights\nYou can ask us for a copy of your data. You can delete cookies in your browser.', 'rightErasure')).toBe('missing');
    expect(statusOf('Vos droits\nVous pouvez demander une copie de vos données. Vous pouvez supprimer les cookies dans votre navigateur.', 'rightErasure')).toBe('missing');
    expect(noteOf('CONTACT US\nMail us at privacy@shop.test with any question.', 'transfers')).toBeUndefined();
    expect(noteOf('Our newsletter service is a US company; we rely on standard contractual clauses.', 'transfers')).toBeUndefined();
    expect(statusOf('Our newsletter service is a US company; we rely on standard contractual clauses.', 'transfers')).toBe('found');
  });

  it('needs a period or an end for a bare "keep" in Dutch', () => {
    expect(statusOf('Wij gebruiken uw gegevens voor de facturen die we volgens de wet moeten bewaren.', 'retention')).toBe('missing');
    expect(statusOf('Wij bewaren uw gegevens tot u uw account opheft.', 'retention')).toBe('found');
  });
});

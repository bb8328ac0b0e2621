/**
 * Section titles fused onto the first sentence under them. Two shapes, both kept conservative
 * because a wrong split only costs a little (a sentence becomes title + sentence):
 * - "Transfers outside the EU: we do not transfer ..." — a short head before a colon and a body
 *   of at least six words ("Contact: Ms P. de Vries." stays one sentence);
 * - "Your rights You can ask us ..." — a head of at most six words followed by a capitalised word
 *   that only starts a sentence (a pronoun, possessive or conjunction such as You, We, Wir, Vous,
 *   Du, Als), where the head does not end in a word that would continue it ("à La Poste").
 */

/** Words that, capitalised, start a sentence and do not occur capitalised inside one. */
const SENTENCE_OPENERS = new Set([
  // en
  'You', 'We', 'If', 'When', 'Under', 'Our', 'This', 'These',
  // nl
  'U', 'Wij', 'Je', 'Jij', 'Als', 'Wanneer', 'Indien', 'Uw', 'Onze', 'Ons', 'Deze', 'Dit',
  // sv
  'Du', 'Vi', 'Om', 'När', 'Dina', 'Din', 'Ditt', 'Våra', 'Vår', 'Vårt', 'Denna', 'Detta', 'Dessa', 'Enligt',
  // de ("Sie"/"Ihre" are capitalised inside sentences too: only after a title-like head, below)
  'Wir', 'Wenn', 'Falls', 'Unsere', 'Unser', 'Diese', 'Dieser', 'Dieses', 'Zur', 'Zum',
  // fr
  'Vous', 'Nous', 'Si', 'Lorsque', 'Vos', 'Votre', 'Nos', 'Notre', 'Ces', 'Cette', 'Conformément',
]);
/** German formal "you"/"your": capitalised everywhere, so they start a sentence only after a short capitalised head. */
const GERMAN_FORMAL = new Set(['Sie', 'Ihre', 'Ihr', 'Ihnen']);
/**
 * A head ending in one of these (articles, prepositions, conjunctions) continues into the next word
 * ("transmises à La Poste", "Ohne Ihre Anschrift").
 */
export const CONTINUING = new Set([
  'a', 'an', 'the', 'to', 'of', 'at', 'by', 'with', 'from', 'for', 'and', 'or', 'that', 'than', 'as', 'without', 'about', 'under', 'after', 'before', 'through', 'into', 'via', 'per', 'on', 'in',
  'de', 'het', 'een', 'van', 'aan', 'naar', 'met', 'bij', 'voor', 'en', 'of', 'dat', 'dan', 'als', 'door', 'op', 'zonder', 'over', 'onder', 'na', 'uit', 'tot', 'om',
  'och', 'att', 'till', 'av', 'på', 'med', 'för', 'eller', 'som', 'än', 'hos', 'utan', 'om', 'efter', 'före', 'genom', 'i', 'från', 'vid',
  'für', 'an', 'zu', 'mit', 'von', 'bei', 'und', 'oder', 'dass', 'als', 'wie', 'die', 'der', 'das', 'dem', 'den', 'ohne', 'über', 'gegen', 'durch', 'nach', 'vor', 'aus', 'seit', 'gemäß', 'laut', 'wegen', 'bis', 'um', 'auf',
  'à', 'du', 'des', 'la', 'le', 'les', 'au', 'aux', 'et', 'ou', 'que', 'qui', 'par', 'pour', 'sur', 'avec', 'chez', 'sans', 'sous', 'après', 'avant', 'dans', 'en', 'vers', 'depuis', 'selon',
]);
const MAX_HEAD_WORDS = 6;
const MIN_COLON_BODY_WORDS = 6;
const MIN_FUSED_BODY_WORDS = 4;

/** Split a title fused onto the start of `text`; returns [text] when there is none. */
export function splitFusedHead(text: string, options: { colonOnly?: boolean; noColon?: boolean } = {}): string[] {
  const colon = options.noColon ? null : /^([^:.!?;,()]{2,60}):\s+(.+)$/u.exec(text);
  if (colon?.[1] && colon[2]) {
    const head = colon[1].trim();
    const headWords = head.split(' ');
    if (headWords.length <= 5 && !/\d/.test(head) && /^\p{Lu}/u.test(head) && colon[2].split(' ').length >= MIN_COLON_BODY_WORDS) {
      return [head, colon[2]];
    }
  }
  if (options.colonOnly) return [text];
  const words = text.split(' ');
  for (let index = 1; index <= Math.min(MAX_HEAD_WORDS, words.length - MIN_FUSED_BODY_WORDS); index += 1) {
    const word = words[index] ?? '';
    const previous = words[index - 1] ?? '';
    // Punctuation inside the head means it is running text, not a title.
    if (/[.,;:!?()"“”]/.test(previous)) return [text];
    const opener = SENTENCE_OPENERS.has(word) || (GERMAN_FORMAL.has(word) && index <= 3 && words.slice(0, index).every((headWord) => /^\p{Lu}/u.test(headWord)));
    if (!opener || CONTINUING.has(previous.toLowerCase()) || !/^\p{Lu}/u.test(words[0] ?? '')) continue;
    return [words.slice(0, index).join(' '), words.slice(index).join(' ')];
  }
  return [text];
}

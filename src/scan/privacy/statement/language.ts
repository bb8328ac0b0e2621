/**
 * Language detection by function-word frequency: every language has a few dozen very common
 * short words (articles, pronouns, prepositions) that rarely occur in the others. Counting them
 * is small, fast and explainable (the hit counts are reported). Good enough for whole pages;
 * unreliable below ~15 words, which is reported as low confidence.
 */
import { STATEMENT_LANGS, type LanguageGuess, type StatementLang } from './types.js';

const FUNCTION_WORDS: Record<StatementLang, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'you', 'your', 'we', 'our', 'is', 'are', 'for', 'with', 'this', 'that', 'have', 'which', 'by', 'or', 'will', 'be', 'it', 'from', 'us', 'when', 'can', 'may', 'how', 'what', 'who', 'not'],
  nl: ['de', 'het', 'een', 'en', 'van', 'u', 'uw', 'wij', 'we', 'onze', 'ons', 'is', 'zijn', 'voor', 'met', 'dit', 'dat', 'die', 'hebben', 'heeft', 'kunt', 'worden', 'wordt', 'niet', 'naar', 'bij', 'ook', 'aan', 'als', 'om', 'op', 'deze', 'wanneer', 'hoe', 'welke'],
  sv: ['och', 'att', 'det', 'som', 'en', 'ett', 'är', 'för', 'med', 'vi', 'du', 'din', 'dina', 'ditt', 'oss', 'vår', 'våra', 'av', 'på', 'till', 'har', 'kan', 'inte', 'om', 'när', 'hur', 'vilka', 'eller', 'vid', 'dig', 'sina', 'också'],
  de: ['der', 'die', 'das', 'und', 'ist', 'sind', 'wir', 'sie', 'ihre', 'ihr', 'ihrer', 'ihnen', 'uns', 'unsere', 'mit', 'für', 'von', 'zu', 'zur', 'zum', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'nicht', 'auf', 'auch', 'oder', 'wenn', 'werden', 'wird', 'haben', 'bei'],
  fr: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'sont', 'nous', 'vous', 'votre', 'vos', 'notre', 'nos', 'pour', 'avec', 'dans', 'sur', 'une', 'un', 'pas', 'que', 'qui', 'par', 'au', 'aux', 'ou', 'ces', 'cette', 'lorsque', 'leur'],
};

const WORD_SETS = Object.fromEntries(STATEMENT_LANGS.map((lang) => [lang, new Set(FUNCTION_WORDS[lang])])) as Record<StatementLang, Set<string>>;

/** Below this many function-word hits the guess is not trusted (confidence scaled down). */
const FULL_CONFIDENCE_HITS = 40;

export function detectLanguage(text: string): LanguageGuess {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = Object.fromEntries(STATEMENT_LANGS.map((lang) => [lang, 0])) as Record<StatementLang, number>;
  for (const word of words) {
    for (const lang of STATEMENT_LANGS) if (WORD_SETS[lang].has(word)) hits[lang] += 1;
  }
  const ranked = [...STATEMENT_LANGS].sort((a, b) => hits[b] - hits[a]);
  const top = ranked[0] as StatementLang;
  const second = ranked[1] as StatementLang;
  const topHits = hits[top];
  if (topHits === 0) return { lang: undefined, confidence: 0, hits, words: words.length };
  // Margin over the runner-up (shared words such as "de", "en" make the raw share misleading),
  // scaled down when there are few hits at all.
  const margin = (topHits - hits[second]) / topHits;
  const volume = Math.min(1, topHits / FULL_CONFIDENCE_HITS);
  return { lang: top, confidence: Math.round(margin * volume * 100) / 100, hits, words: words.length };
}

/** Normalise a declared language ("nl-NL", "sv_SE", "EN") to a supported primary subtag, if it is one. */
export function normaliseDeclaredLang(declared: string | undefined): StatementLang | undefined {
  if (!declared) return undefined;
  const primary = declared.trim().toLowerCase().split(/[-_,;\s]/)[0] ?? '';
  return (STATEMENT_LANGS as readonly string[]).includes(primary) ? (primary as StatementLang) : undefined;
}

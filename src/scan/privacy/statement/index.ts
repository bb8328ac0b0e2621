export { analyseStatement, LANGUAGE_PATTERNS, type AnalyseOptions } from './analyse.js';
export { detectLanguage, normaliseDeclaredLang } from './language.js';
export { splitSentences, type Sentence } from './sentences.js';
export { isNegated } from './negation.js';
export * from './types.js';

/** Each language's patterns: its own, then its plain-words ones; compiled on first use. */
import { once } from '../../../core/once.js';
import type { LanguagePatterns, PatternKey } from './pattern-types.js';
import { EN, NL } from './patterns-en-nl.js';
import { EVERYDAY_PATTERNS } from './patterns-everyday.js';
import { OWN_VOICE_PATTERNS } from './patterns-own-voice.js';
import { B7_KIND_PATTERNS } from './patterns-kinds-b7.js';
import { PLAIN_PATTERNS } from './patterns-plain.js';
import { DE, FR, SV } from './patterns-sv-de-fr.js';
import type { StatementLang } from './types.js';

/** A language's own patterns followed by its plain-words, everyday, own-voice and round-four ones (tried after, so the clearer sentence is cited). */
function withPlain(lang: StatementLang, base: LanguagePatterns): LanguagePatterns {
  const patterns = { ...base.patterns };
  for (const extras of [PLAIN_PATTERNS()[lang], EVERYDAY_PATTERNS()[lang], OWN_VOICE_PATTERNS()[lang], B7_KIND_PATTERNS()[lang]]) {
    for (const [key, extra] of Object.entries(extras) as [PatternKey, RegExp[]][]) patterns[key] = [...patterns[key], ...extra];
  }
  return { ...base, patterns };
}

const COMPILED = {
  en: once(() => withPlain('en', EN())),
  nl: once(() => withPlain('nl', NL())),
  sv: once(() => withPlain('sv', SV())),
  de: once(() => withPlain('de', DE())),
  fr: once(() => withPlain('fr', FR())),
};

/** Each language's patterns, compiled when a statement in that language is first read. */
export const LANGUAGE_PATTERNS: Readonly<Record<StatementLang, LanguagePatterns>> = {
  get en() {
    return COMPILED.en();
  },
  get nl() {
    return COMPILED.nl();
  },
  get sv() {
    return COMPILED.sv();
  },
  get de() {
    return COMPILED.de();
  },
  get fr() {
    return COMPILED.fr();
  },
};

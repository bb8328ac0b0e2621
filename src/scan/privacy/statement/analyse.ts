/**
 * The privacy-statement analyser: which GDPR art. 13 elements a statement states, each shown by
 * the sentence that states it. Explainable on purpose: per language a set of patterns per
 * element, a negation test per match, and the matching sentence as evidence.
 *
 * Measured on test/privacy-corpus-blind/ (bench/privacy-statement-accuracy.ts). Every language's
 * patterns run on every sentence and negation uses the sentence's own language, so an English block
 * on a Dutch page is read correctly without per-section language detection.
 *
 * TODO(issue 5): more languages (DA, ES, IT, PL ...: a patterns file each plus function words).
 */
import { detectLanguage, normaliseDeclaredLang } from './language.js';
import { isNegated } from './negation.js';
import { controllerFinding } from './controller.js';
import { cut, found, missing, type Hit, type Search } from './findings.js';
import { LANGUAGE_PATTERNS } from './languages.js';
import { sharedPatterns, type PatternKey } from './pattern-types.js';
import { splitSentences, type Sentence } from './sentences.js';
export { LANGUAGE_PATTERNS } from './languages.js';
import {
  RIGHT_ELEMENTS,
  STATEMENT_LANGS,
  type ElementFinding,
  type ElementId,
  type Requirement,
  type StatementAnalysis,
  type StatementLang,
} from './types.js';

/** A list item or short line this many sentences after a rights cue still belongs to the list of rights. */
const RIGHTS_SECTION_SPAN = 12;
const SHORT_SENTENCE_WORDS = 12;
/** A longer title: numbered, or an indirect question. */
const MAX_TITLE_WORDS = 16;
const NUMBERED_TITLE = /^(?:(?:Article|Artikel|Art\.|Section|Chapter|Kapitel|Abschnitt|Chapitre|§)\s*\d+|\d+(?:\.\d+)*\.?)(?:\s|$)/iu;
const INDIRECT_QUESTION = /^(?:\p{L}+ )?(?:how|what|which|who|why|when|where|welke?|wie|wat|waarom|hoe|wanneer|waar|welche[mnrs]?|was|warum|wozu|wofür|comment|quel(?:le)?s?|qui|pourquoi|quand|où|hur|vad|vilka|vilken|vem|varför|när|var)(?!\p{L})/iu;
const PURPOSE_WORD = /purpose|zweck|doel|syfte|ändamål|finalit/iu;
/** A table cell read as "Label: value." with a value of one or two words ("Zweck: Versand."). */
const LABEL_ROW = /^[^:.]{1,40}:\s?\S+(?:\s\S+)?\.?$/u;
/** "No", "Nee", "Nej", "Nein", "Non" opening an answer. */
/** A table's retention cell ("Retention period: Until you withdraw your consent") states the period, not the withdrawal: cited for it last. */
const RETENTION_CELL = /^(?:retention(?: period)?|how long|storage period|bewaartermijn|hoe lang|speicherdauer|aufbewahrungsdauer|wie lange|durée de conservation|conservation|lagringstid|hur länge)\s?:/iu;
/** A title naming several topics: a comma, then a last one after "and". */
const TOPIC_LIST = /\p{L},\s[^,]+\s(?:and|en|und|et|och|&)\s\p{L}/iu;
/** Profiling named as part of a denied decision ("aucune décision ... automatisé, y compris le profilage"). */
const INCLUDING_PROFILING = /\b(?:including|incl\.|y compris(?: le| au)?|einschließlich|inklusive|inclusief|inklusive|däribland|inbegripen)\s+(?:\p{L}+\s+)?(?:profiling|profilage|profilering)\b/iu;
const NEGATIVE_ANSWER = /^(?:no|nee|neen|nej|nein|non)(?:[.,!;:]|\s|$)/iu;

export interface AnalyseOptions {
  /** The page's declared language (<html lang>, Content-Language). */
  declaredLang?: string;
}

export function analyseStatement(text: string, options: AnalyseOptions = {}): StatementAnalysis {
  const language = detectLanguage(text);
  const declared = normaliseDeclaredLang(options.declaredLang);
  const sentences = splitSentences(text);
  // Every language's patterns run (pages mix languages, e.g. an English paragraph on a Dutch
  // shop); the detected and declared languages go first so their sentence wins as evidence.
  const langs = [...new Set([language.lang, declared, ...STATEMENT_LANGS].filter((lang): lang is StatementLang => lang !== undefined))];
  const finder = new Finder(sentences, langs);

  // "We do not rely on legitimate interests" does not rely on them. Consent stays non-negatable on
  // purpose: "we never send newsletters without your consent" does rely on it, and a false "relies"
  // only asks for the withdrawal sentence, where a false "does not rely" would hide a gap.
  const liBasis = finder.search('legitimateInterestBasis', { negatable: true });
  const consentBasis = finder.search('consentBasis');
  const reliesOn = { legitimateInterests: liBasis.positive !== undefined, consent: consentBasis.positive !== undefined };

  const elements: ElementFinding[] = [
    // "The controller has appointed Dr Lenz as its data protection officer" names the DPO, not the controller.
    controllerFinding(finder.search('controllerRole', { exclude: namesDpo }), sentences, finder.firstLang),
    optionalWithNone('dpo', finder.search('dpo', { negatable: true })),
    // Negatable only to prefer a sentence that states a purpose over one that denies it ("without them
    // we are unable to process your order" is the requirement): a purpose denied alone is still found.
    plain('purposes', 'core', finder.search('purposes', { negatable: true, labelRowsLast: true, exclude: notPurpose })),
    legalBasisFinding(finder.search('legalBasis'), liBasis),
    conditional('legitimateInterests', reliesOn.legitimateInterests, finder.search('legitimateInterestDescribed')),
    // A sentence that says who does *not* get the data still speaks of recipients: negation ignored.
    // A named parcel or payment service is the clearest evidence, so it is looked for first.
    plain('recipients', 'required', finder.search('recipients', { extra: sharedPatterns().RECIPIENT_NAMES, extraFirst: true })),
    transfersFinding(finder),
    plain('retention', 'required', finder.search('retention', { exclude: notRetention })),
    ...RIGHT_ELEMENTS.map((right) => negatable(right, 'required', finder.search(right, { rightsOnly: true }))),
    conditional('withdrawConsent', reliesOn.consent, finder.search('withdrawConsent', { negatable: true, labelRowsLast: true, lastAlso: RETENTION_CELL })),
    negatable('complaint', 'core', finder.search('complaint', { negatable: true, extra: sharedPatterns().AUTHORITY_NAMES, exclude: (text) => sharedPatterns().BREACH.test(text) })),
    plain('requirement', 'required', finder.search('requirement')),
    withNone('automatedDecisions', 'required', finder.search('automatedDecisions', { negatable: true, alsoDenial: true })),
    plain('breachPolicy', 'recommended', finder.search('breachPolicy', { exclude: (text) => sharedPatterns().CONCERN.test(text) })),
  ];
  return {
    language,
    ...(options.declaredLang ? { declaredLang: options.declaredLang } : {}),
    sentenceCount: sentences.length,
    reliesOn,
    elements,
  };
}

/**
 * A sentence that names purposes without stating one (NOT_A_PURPOSE), or one about delivery and
 * returns without any personal data in it ("We will contact you to arrange the return"), unless it
 * is labelled as a purpose ("Zweck: Versand der Ware.").
 */
function notPurpose(text: string): boolean {
  const shared = sharedPatterns();
  return shared.NOT_A_PURPOSE.test(text) || (shared.LOGISTICS.test(text) && !shared.RECORDS.test(text) && !shared.PERSONAL.test(text) && !PURPOSE_WORD.test(text));
}

/** The global twin of each pattern, compiled once: compiling them on every search was a third of its time. */
const GLOBAL_TWINS = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let global = GLOBAL_TWINS.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, `${pattern.flags}g`);
    GLOBAL_TWINS.set(pattern, global);
  }
  return global;
}

/**
 * One regex per element, language and flags that matches where any of its patterns does: each sentence
 * is scanned once per element instead of once per pattern, and only the sentences it lets through are
 * tried pattern by pattern (in order, so the clearest sentence is still cited first).
 */
const PREFILTERS = new WeakMap<RegExp[], RegExp[]>();
function prefilterOf(patterns: RegExp[]): RegExp[] {
  let prefilter = PREFILTERS.get(patterns);
  if (!prefilter) {
    const byFlags = new Map<string, string[]>();
    for (const pattern of patterns) byFlags.set(pattern.flags, [...(byFlags.get(pattern.flags) ?? []), `(?:${pattern.source})`]);
    prefilter = [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
    PREFILTERS.set(patterns, prefilter);
  }
  return prefilter;
}

function namesObjection(text: string): boolean {
  return Object.values(LANGUAGE_PATTERNS).some((patterns) => patterns.patterns.rightObjection.some((pattern) => pattern.test(text)));
}

function namesDpo(text: string): boolean {
  return Object.values(LANGUAGE_PATTERNS).some((patterns) => patterns.patterns.dpo.some((pattern) => pattern.test(text)));
}

/**
 * A period that is an age limit, a delivery or returns period in a sentence without data or records,
 * or the data "we hold about you" named in a sentence that gives no period.
 */
function notRetention(text: string): boolean {
  const shared = sharedPatterns();
  return shared.AGE_LIMIT.test(text) || (shared.LOGISTICS.test(text) && !shared.RECORDS.test(text)) || (shared.HELD_ABOUT_YOU.test(text) && !shared.PERIOD.test(text));
}

class Finder {
  private readonly rightsContext = new Map<StatementLang, boolean[]>();
  /** Per sentence: is it a section title (computed once: a long sentence is split on every call otherwise). */
  private readonly headings: boolean[];
  private readonly definitions: boolean[];
  private readonly longTitles: boolean[];
  /** Each sentence's own language, detected when a match in it is first judged for negation. */
  private readonly sentenceLangs = new Map<number, StatementLang | undefined>();

  constructor(
    private readonly sentences: Sentence[],
    private readonly langs: StatementLang[],
  ) {
    this.headings = sentences.map(isHeading);
    // A title listing its topics ("Doeleinden, gegevens en bewaartermijnen") is read as a long one: the text under it states one at most.
    this.longTitles = sentences.map((sentence, index) => this.headings[index] === true && !sentence.text.endsWith('?') && (sentence.text.split(/\s+/).length > 8 || TOPIC_LIST.test(sentence.text)));
    this.definitions = sentences.map((sentence) => sharedPatterns().DEFINITION.test(sentence.text));
  }

  /** The language tried first (detected, else declared, else English). */
  get firstLang(): StatementLang {
    return this.langs[0] ?? 'en';
  }

  /**
   * The first sentence that states `key` (not negated), and the first that only denies it.
   * `negatable: false` (the default) ignores negation: "we do not keep your data longer than
   * two years" still states a retention period. `alsoDenial` also finds a denial that comes after
   * the first positive sentence.
   */
  search(
    key: PatternKey,
    options: { negatable?: boolean; rightsOnly?: boolean; extra?: RegExp; extraFirst?: boolean; alsoDenial?: boolean; labelRowsLast?: boolean; lastAlso?: RegExp; exclude?: (text: string) => boolean } = {},
  ): Search {
    const negatable = options.negatable ?? options.rightsOnly ?? false;
    const result: Search = {};
    // A heading ("Automated decisions") only names a topic; a sentence under it is better
    // evidence. When only a heading matches, the evidence is the heading and the line after it.
    let headingHit: Hit | undefined;
    // `labelRowsLast`: a table cell's bare label and value ("Zweck: Versand.") or a recipient's task
    // ("DB Schenker får ditt namn för att leverera") is cited only when no sentence says more.
    let labelRowHit: Hit | undefined;
    // Judged once per sentence, not once per pattern and language.
    const { exclude } = options;
    const excluded = exclude ? this.sentences.map((sentence) => exclude(sentence.text)) : [];
    // Pattern-major order: each language's patterns are listed strongest first, so the
    // clearest sentence in the document becomes the evidence.
    for (const lang of this.langs) {
      const patterns = LANGUAGE_PATTERNS[lang];
      const extra = options.extra ? [options.extra] : [];
      const prefilter = [...prefilterOf(patterns.patterns[key]), ...extra];
      const candidates = this.sentences.filter((sentence) => prefilter.some((pattern) => pattern.test(sentence.text)));
      for (const pattern of options.extraFirst ? [...extra, ...patterns.patterns[key]] : [...patterns.patterns[key], ...extra]) {
        const global = globalOf(pattern);
        for (const sentence of candidates) {
          if (options.rightsOnly && !this.inRightsContext(lang, sentence.index)) continue;
          // A sentence about something else that happens to match ("children under 16 years" for
          // retention), or a definition from the law ("'controller' means the natural or legal person ...").
          if (excluded[sentence.index] === true || this.definitions[sentence.index]) continue;
          for (const match of sentence.text.matchAll(global)) {
            const start = match.index;
            const answeredNo = negatable && this.answeredNo(sentence);
            const denied = answeredNo || (negatable && this.negated(sentence, start, start + match[0].length, lang));
            // A question answered "No" is cited with its answer, which is what states the element.
            if (denied) result.negated ??= answeredNo ? { sentence: this.withNext(sentence), lang } : { sentence, lang, at: start };
            // "... for the following purposes:" announces a list; the evidence takes its first item along.
            else if (options.labelRowsLast && (LABEL_ROW.test(sentence.text) || options.lastAlso?.test(sentence.text) === true || sharedPatterns().RECIPIENT_NAMES.exec(sentence.text)?.index === 0)) labelRowHit ??= { sentence, lang };
            else if (!this.headings[sentence.index]) result.positive ??= { sentence: sentence.text.endsWith(':') ? this.withNext(sentence) : sentence, lang, at: start };
            // A long title ("Met welk doel en op basis van welke grondslag ...") names several topics: the text under it states one of them at most.
            else if (!this.longTitles[sentence.index]) headingHit ??= { sentence, lang };
            // `alsoDenial`: keep looking for a denial after the first positive sentence.
            if (result.positive && (result.negated || !options.alsoDenial)) return result;
          }
        }
      }
    }
    if (result.positive) return result;
    // A title with no text under it (the next line is another title, or there is none) states nothing.
    const next = headingHit ? this.sentences[headingHit.sentence.index + 1] : undefined;
    if (headingHit && next && !this.headings[next.index]) {
      const hit = { sentence: this.withNext(headingHit.sentence), lang: headingHit.lang, heading: true };
      // "Automated decisions — We do not take decisions about you by automated means": the text
      // under the title denies its topic.
      const nextDenies = negatable && [headingHit.lang, detectLanguage(next.text).lang].some((lang) => lang !== undefined && LANGUAGE_PATTERNS[lang].negation.test(next.text));
      if (nextDenies) result.negated ??= hit;
      else if (!result.negated) result.positive = hit;
    }
    // A question about the topic answered under it ("Vad använder ni uppgifterna till?") comes before a bare table cell.
    if (!result.positive && !result.negated) result.positive = labelRowHit;
    return result;
  }

  /**
   * Negation is judged with the negation words of the pattern's language, of the page and of the
   * sentence itself: German "Profiling" also matches in "We do not use profiling".
   */
  private negated(sentence: Sentence, start: number, end: number, patternLang: StatementLang): boolean {
    if (!this.sentenceLangs.has(sentence.index)) this.sentenceLangs.set(sentence.index, detectLanguage(sentence.text).lang);
    const sentenceLang = this.sentenceLangs.get(sentence.index);
    const langs = new Set([patternLang, this.langs[0], sentenceLang].filter((lang): lang is StatementLang => lang !== undefined));
    return [...langs].some((lang) => isNegated(sentence.text, start, end, LANGUAGE_PATTERNS[lang]));
  }

  /** The sentence with the one after it ("Do you have a DPO? — No, we have not appointed one."). */
  private withNext(sentence: Sentence): Sentence {
    const next = this.sentences[sentence.index + 1];
    if (!next) return sentence;
    // A bare "No." or "Yes." says little; the sentence after it gives the reason.
    const after = next.text.split(/\s+/).length <= 2 ? this.sentences[sentence.index + 2] : undefined;
    return { ...sentence, text: [sentence.text, next.text, ...(after ? [after.text] : [])].join(' — ') };
  }

  /** An FAQ question answered "No." ("Do you make automated decisions? — No, ...") denies its topic. */
  private answeredNo(sentence: Sentence): boolean {
    if (!sentence.text.endsWith('?')) return false;
    const answer = this.sentences[sentence.index + 1]?.text ?? '';
    return NEGATIVE_ANSWER.test(answer);
  }

  /** The sentence speaks of a right itself, or is a short line / list item in a list of rights. */
  private inRightsContext(lang: StatementLang, index: number): boolean {
    let context = this.rightsContext.get(lang);
    if (!context) {
      const cue = LANGUAGE_PATTERNS[lang].rightCue;
      context = [];
      let sinceCue = Number.POSITIVE_INFINITY;
      let previousAsksRight = false;
      // Under a title about rights ("Your rights", "Betroffenenrechte") everything up to the next title belongs to it.
      let rightsSection = false;
      for (const sentence of this.sentences) {
        const short = sentence.listItem || sentence.text.split(/\s+/).length <= SHORT_SENTENCE_WORDS;
        const isCue = cue.test(sentence.text);
        if (this.headings[sentence.index]) rightsSection = sharedPatterns().RIGHTS_TITLE.test(sentence.text) || (rightsSection && isCue);
        if (isCue || rightsSection) sinceCue = 0;
        else if (short) sinceCue += 1;
        // The answer under an FAQ question about a right ("Can I ...?") belongs to it, however long.
        else if (previousAsksRight) sinceCue = 1;
        else sinceCue = Number.POSITIVE_INFINITY;
        previousAsksRight = isCue && sentence.text.endsWith('?');
        context.push(sinceCue <= RIGHTS_SECTION_SPAN);
      }
      this.rightsContext.set(lang, context);
    }
    return context[index] ?? false;
  }
}

/**
 * A short line without closing punctuation that is not a list item: a section title. A line with
 * a label and a value ("Orders and invoices: 6 years") is content, not a title. A question is a
 * title too, however long: it asks about the topic ("Who is our data protection officer?"), the
 * answer under it states it, and that answer is what is cited.
 */
function isHeading(sentence: Sentence): boolean {
  if (sentence.text.endsWith('?')) return true;
  if (sentence.listItem || /[.!:;]$/.test(sentence.text) || /\S: \S/.test(sentence.text)) return false;
  const words = sentence.text.split(/\s+/).length;
  // A numbered title ("Article 2 – Controller and data protection officer") or one that asks
  // without a question mark ("Met welk doel en op basis van welke grondslag wij gegevens verwerken").
  return words <= 8 || (words <= MAX_TITLE_WORDS && (NUMBERED_TITLE.test(sentence.text) || INDIRECT_QUESTION.test(sentence.text)));
}
function plain(id: ElementId, requirement: Requirement, search: Search): ElementFinding {
  const hit = search.positive ?? search.negated;
  return hit ? found(id, requirement, [hit]) : missing(id, requirement);
}

/** Negated-only mentions deny the element ("you cannot object"). */
function negatable(id: ElementId, requirement: Requirement, search: Search): ElementFinding {
  if (search.positive) return found(id, requirement, [search.positive]);
  if (search.negated) return { id, requirement, status: 'denied', sentences: [cut(search.negated.sentence.text, search.negated.at)], lang: search.negated.lang };
  return missing(id, requirement);
}

/**
 * Negated-only mentions say there is none ("we do not use automated decision-making"), which is what
 * the law asks. A positive mention that only describes the right ("you have the right not to be
 * subject to automated decisions") next to a denial ("we make none") also says there is none.
 */
function withNone(id: ElementId, requirement: Requirement, search: Search): ElementFinding {
  // "You may object to direct marketing, including profiling" names profiling only as what can be objected to.
  const { positive, negated } = search;
  const onlyTheRight =
    positive !== undefined &&
    negated !== undefined &&
    (sharedPatterns().RIGHT_WORD.test(positive.sentence.text) ||
      namesObjection(positive.sentence.text) ||
      // Profiling "included" in the denial of the same sentence is denied with it.
      (positive.sentence.index === negated.sentence.index && INCLUDING_PROFILING.test(positive.sentence.text)));
  if (search.positive && !onlyTheRight) return found(id, requirement, [search.positive], humanDecides(search.positive.sentence.text) ? 'none' : undefined);
  if (search.negated) return found(id, requirement, [search.negated], 'none');
  return missing(id, requirement);
}

/** "A human always decides", with no automated processing named beside it, says there are no automated decisions. */
function humanDecides(text: string): boolean {
  return sharedPatterns().HUMAN_DECIDES.test(text) && !/automat|profil/iu.test(text);
}

function optionalWithNone(id: ElementId, search: Search): ElementFinding {
  return withNone(id, 'optional', search);
}

/** Required only when the statement relies on it; stated anyway counts as found. */
function conditional(id: ElementId, relied: boolean, search: Search): ElementFinding {
  if (search.positive) return found(id, 'conditional', [search.positive]);
  if (!relied) return { id, requirement: 'conditional', status: 'notApplicable', sentences: [] };
  if (search.negated) return { id, requirement: 'conditional', status: 'denied', sentences: [cut(search.negated.sentence.text, search.negated.at)], lang: search.negated.lang };
  return missing(id, 'conditional');
}

function legalBasisFinding(basis: Search, liBasis: Search): ElementFinding {
  const hit = basis.positive ?? liBasis.positive;
  return hit ? found('legalBasis', 'core', [hit]) : missing('legalBasis', 'core');
}

function transfersFinding(finder: Finder): ElementFinding {
  const transfers = finder.search('transfers', { negatable: true });
  const none = finder.search('transfersNone');
  const noneHit = none.positive ?? transfers.negated;
  // A section title "Transfers outside the EEA" followed by "your data stays in the EU" says none.
  if (transfers.positive && !(transfers.positive.heading && noneHit)) {
    const safeguard = finder.search('safeguard');
    if (safeguard.positive) return found('transfers', 'conditional', [transfers.positive, safeguard.positive]);
    return missing('transfers', 'conditional', 'noSafeguard', [transfers.positive]);
  }
  if (noneHit) return found('transfers', 'conditional', [noneHit], 'none');
  // Silent on transfers: whether data leaves the EEA cannot be known from the text; a recommendation.
  return missing('transfers', 'recommended');
}

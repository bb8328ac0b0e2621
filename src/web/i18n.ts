/**
 * Interface texts in EN/NL/SV. The shell has its own (texts.ts); each feature brings its
 * texts in its Feature, and the app merges them all into one i18next instance, separate
 * from the scan's texts. The user's language comes from their profile, else the
 * browser's Accept-Language.
 */
import i18next from 'i18next';
import { LANGS, isLang, type Lang } from '../core/lang.js';

export type UiTexts = Record<Lang, Record<string, string>>;

export function mergeUiTexts(modules: readonly UiTexts[]): UiTexts {
  const merged: UiTexts = { en: {}, nl: {}, sv: {} };
  for (const module of modules) {
    for (const lang of LANGS) {
      for (const [key, value] of Object.entries(module[lang])) {
        if (key in merged[lang]) throw new Error(`UI text key "${key}" is defined twice (${lang})`);
        merged[lang][key] = value;
      }
    }
  }
  return merged;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** One translator per language over one set of texts. */
export type Translators = (lang: Lang) => Translate;

/**
 * Rendered texts, memoised per language: an i18next lookup costs tens of microseconds and
 * a page makes dozens (the platform benchmark found the dashboard spending most of its
 * time here). Bounded, so texts with ever-new parameters cannot grow it without limit.
 */
const MEMO_LIMIT = 5_000;

/** Translators for these texts. A missing key throws: tests then catch it. */
export function createTranslators(texts: UiTexts): Translators {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(LANGS.map((lang) => [lang, { ui: texts[lang] }])),
    ns: ['ui'],
    defaultNS: 'ui',
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const translators = new Map<Lang, Translate>();
  return (lang) => {
    const existing = translators.get(lang);
    if (existing) return existing;
    const fixed = instance.getFixedT(lang, 'ui');
    const memo = new Map<string, string>();
    const translate: Translate = (key, params) => {
      const memoKey = params ? `${key}\u0000${JSON.stringify(params)}` : key;
      const cached = memo.get(memoKey);
      if (cached !== undefined) return cached;
      // With a count, i18next picks key_one / key_other by the language's plural rules.
      const known = key in texts[lang] || (params?.count !== undefined && `${key}_other` in texts[lang]);
      if (!known) throw new Error(`missing UI text "${key}" (${lang})`);
      const text = fixed(key, params ?? {});
      if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
      memo.set(memoKey, text);
      return text;
    };
    translators.set(lang, translate);
    return translate;
  };
}

/** Pick the best language from an Accept-Language header (q-values honoured). */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLang);
}

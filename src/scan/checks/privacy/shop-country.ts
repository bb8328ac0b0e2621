/**
 * The shop's own EU/EEA country, so advice can name its supervisory authority instead of ours:
 * from the country-code TLD of the target, else the country the statement declares in the
 * sentences naming the controller (its address: "..., 1011 AB Amsterdam, Nederland"), else the
 * region of the statement's declared language (de-AT), else the statement's language (detected
 * from the text, else declared). A language spoken in several countries goes to the country where
 * most shops writing it sit (German to Germany); English tells nothing. A non-EEA country-code
 * TLD (.ch, .uk) names no country: the shop may be outside the EEA, and guessing from the
 * language would name the wrong authority.
 */
import { once } from '../../../core/once.js';
import { authorityFor, EEA_COUNTRIES, isEeaCountry, type EeaCountry, type SupervisoryAuthority } from '../../../core/supervisory-authorities.js';

export interface ShopCountry {
  country: EeaCountry;
  /** What told it: the target's TLD, the controller's address, the declared language's region, or the statement's language. */
  from: 'tld' | 'address' | 'languageRegion' | 'language';
  authority: SupervisoryAuthority;
}

/** Languages and the country most of their shops are in; ambiguous ones go to the largest. */
const LANGUAGE_COUNTRY: Readonly<Record<string, EeaCountry>> = {
  nl: 'NL', de: 'DE', fr: 'FR', sv: 'SE', da: 'DK', fi: 'FI', it: 'IT', es: 'ES', pt: 'PT', pl: 'PL', cs: 'CZ', sk: 'SK', sl: 'SI',
  hr: 'HR', hu: 'HU', ro: 'RO', bg: 'BG', el: 'GR', et: 'EE', lv: 'LV', lt: 'LT', mt: 'MT', is: 'IS', no: 'NO', nb: 'NO', nn: 'NO',
};
/** Two-letter TLDs that name no country: the language decides. Every EEA ccTLD is its ISO code (.gr is GR). */
const NEUTRAL_TWO_LETTER_TLDS = new Set(['eu']);

export interface CountryHints {
  /** The scan target (a host name). */
  target: string;
  /** The statement page's declared language tag (`de-AT`, `nl`), as recorded. */
  declaredLang?: string | undefined;
  /** The language the analyser detected in the statement's text. */
  detectedLang?: string | undefined;
  /** The sentences that name the controller (with its address, when the statement gives one). */
  controller?: readonly string[] | undefined;
}

/** The five statement languages, plus each country's own, name the countries in an address. */
const NAME_LANGUAGES = ['en', 'nl', 'sv', 'de', 'fr'];

/** Every EEA country's name in those languages, longest first, as one pattern (built on first use). */
const countryNames = once(() => {
  const byName = new Map<string, EeaCountry>();
  for (const country of EEA_COUNTRIES) {
    const own = Object.entries(LANGUAGE_COUNTRY).filter(([, each]) => each === country).map(([lang]) => lang);
    for (const lang of [...NAME_LANGUAGES, ...own]) {
      const name = new Intl.DisplayNames([lang], { type: 'region' }).of(country);
      if (name && name !== country) byName.set(name.toLowerCase(), country);
    }
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { byName, pattern: new RegExp(`(?<!\\p{L})(?:${names.join('|')})(?!\\p{L})`, 'iu') };
});

/** The first EEA country named in the controller's sentences. */
function declaredCountry(controller: readonly string[]): string | undefined {
  const { byName, pattern } = countryNames();
  for (const sentence of controller) {
    const match = pattern.exec(sentence);
    if (match) return byName.get(match[0].toLowerCase());
  }
  return undefined;
}

export function shopCountry(hints: CountryHints): ShopCountry | undefined {
  const found = (country: string | undefined, from: ShopCountry['from']): ShopCountry | undefined =>
    country && isEeaCountry(country) ? { country, from, authority: authorityFor(country) } : undefined;
  const tld = hints.target.toLowerCase().replace(/\.$/, '').split('.').at(-1) ?? '';
  if (/^[a-z]{2}$/.test(tld) && !NEUTRAL_TWO_LETTER_TLDS.has(tld)) return found(tld.toUpperCase(), 'tld');
  const declared = found(declaredCountry(hints.controller ?? []), 'address');
  if (declared) return declared;
  const [primary, region] = (hints.declaredLang ?? '').toLowerCase().split(/[-_]/);
  if (region && /^[a-z]{2}$/.test(region)) return found(region.toUpperCase(), 'languageRegion');
  for (const lang of [hints.detectedLang, primary]) {
    const country = lang ? LANGUAGE_COUNTRY[lang.toLowerCase()] : undefined;
    if (country) return found(country, 'language');
  }
  return undefined;
}

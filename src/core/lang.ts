/** The languages every user-facing text must exist in. A test fails when one is missing a key. */
export const LANGS = ['en', 'nl', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

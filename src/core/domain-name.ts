/**
 * How a domain name is shown to people. Names are stored in their ASCII (punycode) form;
 * one added with accents ("bloemen-müller.de") is shown in Unicode with the ASCII form
 * always beside it: "bloemen-müller.de (xn--bloemen-mller-fhb.de)". The ASCII form is what
 * a look-alike cannot fake (a Cyrillic "а" in "pаypal.com" shows as xn--pypal-4ve.com), so
 * it is never left out.
 */
import { domainToUnicode } from 'node:url';

/** The Unicode form of an ASCII domain name, or the name itself when it has none (or is no valid name). */
export function unicodeDomain(ascii: string): string {
  const unicode = domainToUnicode(ascii);
  return unicode === '' ? ascii : unicode;
}

/** "bloemen-müller.de (xn--bloemen-mller-fhb.de)" for an internationalised name; a plain ASCII name as it is. */
export function domainDisplay(ascii: string): string {
  const unicode = unicodeDomain(ascii);
  return unicode === ascii ? ascii : `${unicode} (${ascii})`;
}

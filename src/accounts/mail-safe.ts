/**
 * Names that users typed (an organisation's, an inviter's) as they may appear in an
 * e-mail body that we send from the instance's own address. Anyone can sign up and name
 * an organisation "URGENT: your account is suspended, verify at https://evil.example",
 * so a name must not be able to pass for our own words or carry a working link:
 *
 * - control and format characters go: the bidi overrides and isolates (U+202A-U+202E,
 *   U+2066-U+2069) and marks (U+200E/U+200F) that reorder the sentence around them,
 *   zero-width characters, line and paragraph separators, and C0/C1 controls (a newline
 *   would start a paragraph of its own); runs of white space become one space;
 * - links are defused the way security advisories write indicators: "://" becomes
 *   "[://]" and a dot before a label of two or more letters or digits becomes "[.]"
 *   ("evil[.]example", "hxxps" is not needed once "://" is broken). Mail programs then
 *   find no scheme and no host name to make clickable, while a reader still sees what
 *   was typed. A dot before a single letter ("B.V.") stays, so company forms read normally;
 *   no top-level domain has one letter, so that cannot form a host name;
 * - the result is cut to MAIL_NAME_MAX characters with an ellipsis, so a paragraph of
 *   text cannot hide in a name; the catalogue sentence puts it in quotation marks.
 *
 * Subjects carry no names at all: they are fixed catalogue sentences.
 */
export const MAIL_NAME_MAX = 60;

// Cf: bidi controls and marks, zero-width characters, BOM, ...: removed.
const FORMAT = /\p{Cf}/gu;
// Cc (C0, DEL, C1: tabs and newlines among them), line and paragraph separators: a space.
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

export function mailSafeName(name: string): string {
  const visible = name.replace(FORMAT, '').replace(BREAKS, ' ').replace(/\s+/gu, ' ').trim();
  const defused = visible.replace(/:\/\//g, '[://]').replace(/\.(?=[\p{L}\p{N}]{2})/gu, '[.]');
  const chars = Array.from(defused);
  return chars.length <= MAIL_NAME_MAX ? defused : `${chars.slice(0, MAIL_NAME_MAX - 1).join('').trimEnd()}…`;
}

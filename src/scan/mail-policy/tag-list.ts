/**
 * The tag=value list shared by DKIM (RFC 6376 3.2), DMARC (RFC 7489 6.4), the MTA-STS
 * TXT record (RFC 8461 3.1) and TLS-RPT (RFC 8460 3): `tag = value` pairs separated by
 * ";", white space around both allowed, an empty last element allowed.
 */

export type TagListResult = { ok: true; tags: Map<string, string>; order: string[] } | { ok: false; reason: string };

const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Join the character-strings of one TXT record (RFC 7208 3.3 / RFC 6376 3.6.2.2: no separator). */
export function joinTxt(data: unknown): string {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((part) => (Buffer.isBuffer(part) ? part.toString('utf8') : String(part))).join('');
}

/** Parse a tag list. Tag names keep their case (they are case-sensitive); duplicates are an error (RFC 6376 3.2). */
export function parseTagList(text: string): TagListResult {
  const tags = new Map<string, string>();
  const order: string[] = [];
  const parts = text.split(';');
  for (const [index, raw] of parts.entries()) {
    const part = raw.trim();
    if (part === '') {
      if (index === parts.length - 1 || index === 0) continue;
      return { ok: false, reason: 'it has an empty element (";;")' };
    }
    const equals = part.indexOf('=');
    if (equals < 0) return { ok: false, reason: `"${clip(part)}" is not of the form tag=value` };
    const name = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    if (!TAG_NAME.test(name)) return { ok: false, reason: `"${clip(name)}" is not a valid tag name` };
    if (tags.has(name)) return { ok: false, reason: `the tag "${name}" appears more than once` };
    tags.set(name, value);
    order.push(name);
  }
  return { ok: true, tags, order };
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

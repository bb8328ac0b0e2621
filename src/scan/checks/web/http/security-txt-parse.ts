/**
 * security.txt parsing per RFC 9116: "Name: value" fields, '#' comments, blank lines,
 * optionally wrapped in an OpenPGP cleartext signature (RFC 4880 section 7), whose
 * dash-escaped lines are restored.
 */

export interface SecurityTxtField {
  /** Lower-cased field name. */
  name: string;
  value: string;
}

export interface SecurityTxt {
  fields: SecurityTxtField[];
  signed: boolean;
  /** Lines that are neither fields, comments nor blank (1-based line numbers). */
  badLines: number[];
}

const BEGIN_SIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';
const BEGIN_SIGNATURE = '-----BEGIN PGP SIGNATURE-----';

/** The signed text and the 0-based line index where it starts, when `lines` is a cleartext-signed message. */
function unwrapSigned(lines: string[]): { lines: string[]; offset: number } | undefined {
  const start = lines.findIndex((line) => line.trim() !== '');
  if (lines[start]?.trim() !== BEGIN_SIGNED) return undefined;
  // Armor headers ("Hash: SHA256") run until the first blank line.
  let index = start + 1;
  while (index < lines.length && (lines[index] ?? '').trim() !== '') index += 1;
  const body: string[] = [];
  const offset = index + 1;
  for (index += 1; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === BEGIN_SIGNATURE) break;
    body.push(line.startsWith('- ') ? line.slice(2) : line);
  }
  return { lines: body, offset };
}

export function parseSecurityTxt(text: string): SecurityTxt {
  const all = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const unwrapped = unwrapSigned(all);
  const lines = unwrapped?.lines ?? all;
  const result: SecurityTxt = { fields: [], signed: unwrapped !== undefined, badLines: [] };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) result.fields.push({ name: match[1].toLowerCase(), value: match[2].trim() });
    else result.badLines.push(index + 1 + (unwrapped?.offset ?? 0));
  });
  return result;
}

/** An RFC 3339 date-time (the form Expires must have), as a Date; undefined when it is not one. */
export function parseRfc3339(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const time = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(time) ? new Date(time) : undefined;
}

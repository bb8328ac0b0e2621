/**
 * MTA-STS (RFC 8461): the _mta-sts TXT record (3.1), the policy file (3.2) and how an
 * MX host name is matched against the policy's mx patterns (4.1).
 */
import { clip, parseTagList } from './tag-list.js';

export type StsTxtParse = { ok: true; id: string } | { ok: false; reason: string };

export interface StsPolicyParse {
  policy?: { mode: 'enforce' | 'testing' | 'none'; mx: string[]; maxAge: number };
  errors: string[];
  notes: string[];
}

/** RFC 8461 3.2: max_age is at most 31557600 seconds (about a year). */
export const MAX_STS_MAX_AGE = 31_557_600;
/** RFC 8461 3.3 suggests 64 KiB as the cap on the policy body. */
export const MAX_STS_POLICY_BYTES = 65_536;
/** Errors and notes listed per policy; the rest are counted in one last message. */
const MAX_POLICY_MESSAGES = 10;

export function looksLikeStsTxt(text: string): boolean {
  return /^v=STSv1\s*(;|$)/.test(text.trim());
}

export function parseStsTxt(text: string): StsTxtParse {
  const list = parseTagList(text.trim());
  if (!list.ok) return { ok: false, reason: `the record is not a valid tag list: ${list.reason}` };
  if (list.order[0] !== 'v' || list.tags.get('v') !== 'STSv1') return { ok: false, reason: 'the record must start with v=STSv1' };
  const id = list.tags.get('id');
  if (id === undefined) return { ok: false, reason: 'the required id tag is missing' };
  if (!/^[A-Za-z0-9]{1,32}$/.test(id)) return { ok: false, reason: `id=${clip(id)} must be 1 to 32 letters and digits` };
  return { ok: true, id };
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** A valid mx pattern: a host name, or "*." followed by one, the wildcard only as the whole left-most label. */
export function isValidMxPattern(pattern: string): boolean {
  const name = pattern.toLowerCase().replace(/\.$/, '');
  const labels = name.split('.');
  const rest = labels[0] === '*' ? labels.slice(1) : labels;
  return rest.length >= 1 && name.length <= 253 && rest.every((label) => LABEL.test(label));
}

/** RFC 8461 4.1: exact match, or "*.example.com" matching exactly one extra left-most label. */
export function mxMatchesPattern(host: string, pattern: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const wanted = pattern.toLowerCase().replace(/\.$/, '');
  if (!wanted.startsWith('*.')) return name === wanted;
  const suffix = wanted.slice(1); // ".example.com"
  if (!name.endsWith(suffix)) return false;
  const first = name.slice(0, name.length - suffix.length);
  return first.length > 0 && !first.includes('.');
}

export function parseStsPolicy(body: string): StsPolicyParse {
  const result: StsPolicyParse = { errors: [], notes: [] };
  const fields = new Map<string, string>();
  const mx: string[] = [];
  // Lines end in CRLF or LF (RFC 8461 3.2); a trailing empty line is fine.
  const lines = body.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const field = policyField(line);
    if (!field) {
      result.errors.push(`line ${index + 1} ("${clip(line, 40)}") is not of the form key: value`);
      continue;
    }
    const { key, value } = field;
    if (key === 'mx') {
      if (isValidMxPattern(value)) mx.push(value.toLowerCase().replace(/\.$/, ''));
      else result.errors.push(`mx: ${clip(value, 40)} is not a valid host name or pattern (a wildcard may only be the whole first label, as in *.example.com)`);
    } else if (fields.has(key)) {
      result.notes.push(`${key} appears more than once; the first is used`);
    } else {
      fields.set(key, value);
    }
  }
  const version = fields.get('version');
  if (version !== 'STSv1') result.errors.push(version === undefined ? 'the line "version: STSv1" is missing' : `version: ${clip(version, 20)} is not STSv1`);
  const mode = fields.get('mode');
  if (mode !== 'enforce' && mode !== 'testing' && mode !== 'none') {
    result.errors.push(mode === undefined ? 'the line "mode: ..." is missing' : `mode: ${clip(mode, 20)} is not enforce, testing or none`);
  }
  const maxAge = fields.get('max_age');
  let maxAgeSeconds = 0;
  if (maxAge === undefined) result.errors.push('the line "max_age: ..." is missing');
  else if (!/^\d{1,10}$/.test(maxAge) || Number(maxAge) > MAX_STS_MAX_AGE) {
    result.errors.push(`max_age: ${clip(maxAge, 20)} must be a whole number of seconds from 0 to ${MAX_STS_MAX_AGE}`);
  } else maxAgeSeconds = Number(maxAge);
  if ((mode === 'enforce' || mode === 'testing') && mx.length === 0) result.errors.push('the policy lists no mx host');
  if (result.errors.length === 0 && (mode === 'enforce' || mode === 'testing' || mode === 'none')) {
    result.policy = { mode, mx, maxAge: maxAgeSeconds };
  }
  // A 64 KiB body of bad lines would otherwise yield tens of thousands of messages (megabytes of evidence and advice).
  result.errors = capList(result.errors, (more) => `and ${more} more lines with problems`);
  result.notes = capList(result.notes, (more) => `and ${more} more repeated lines`);
  return result;
}

function capList(items: string[], more: (count: number) => string): string[] {
  return items.length <= MAX_POLICY_MESSAGES ? items : [...items.slice(0, MAX_POLICY_MESSAGES), more(items.length - MAX_POLICY_MESSAGES)];
}

const POLICY_KEY = /^[A-Za-z0-9_.-]+$/;

/**
 * One "key: value" line, blanks around the colon and at the ends of the value dropped.
 * Done by hand: the regex form (.*?)[ \t]*$ backtracks quadratically on a long run of
 * blanks, about 10 s of blocked event loop for one hostile 64 KiB line.
 */
function policyField(line: string): { key: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon < 0) return undefined;
  const key = trimBlanks(line.slice(0, colon), false);
  const value = trimBlanks(line.slice(colon + 1), true);
  // As before: the key has no leading blank, and no line break may hide inside a line.
  if (!POLICY_KEY.test(key) || /[\r\n\u2028\u2029]/.test(value)) return undefined;
  return { key, value };
}

function trimBlanks(text: string, leading: boolean): string {
  const blank = (char: string | undefined): boolean => char === ' ' || char === '\t';
  let start = 0;
  let end = text.length;
  while (leading && start < end && blank(text[start])) start++;
  while (end > start && blank(text[end - 1])) end--;
  return text.slice(start, end);
}

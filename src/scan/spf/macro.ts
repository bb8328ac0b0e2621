/**
 * SPF macro-strings (RFC 7208 7): parsing with validation, domain-spec rules, and
 * expansion with transformers, delimiters and URL-escaping of upper-case macros.
 */
import type { MacroString, MacroToken } from './types.js';

/** Macro letters allowed in domain-specs; c, r and t only in explanation text (7.2). */
const DOMAIN_LETTERS = 'slodiphv';
const EXPLAIN_LETTERS = 'slodiphvcrt';
/** Letters that depend on the message (sender, client, HELO) rather than on the domain alone. */
export const SENDER_DEPENDENT_LETTERS = 'sloiphvcrt';

/**
 * Parse a macro-string. `explanation` allows c/r/t and spaces (explain-string).
 * Returns undefined when the syntax is invalid (a '%' not followed by '{', '%', '_' or '-',
 * an unknown letter, a bad transformer, or a character outside macro-literal).
 */
export function parseMacroString(text: string, explanation = false): MacroString | undefined {
  const scanned = scanMacroString(text, explanation);
  return scanned && { text, tokens: scanned.tokens };
}

function scanMacroString(text: string, explanation: boolean): { tokens: MacroToken[]; endsWithExpand: boolean } | undefined {
  const letters = explanation ? EXPLAIN_LETTERS : DOMAIN_LETTERS;
  const tokens: MacroToken[] = [];
  let literal = '';
  let endsWithExpand = false;
  const flush = (): void => {
    if (literal) tokens.push({ kind: 'literal', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const code = char.charCodeAt(0);
    endsWithExpand = char === '%';
    if (char !== '%') {
      // macro-literal = %x21-24 / %x26-7E; explain-string also allows SP.
      const visible = code >= 0x21 && code <= 0x7e;
      if (!visible && !(explanation && code === 0x20)) return undefined;
      literal += char;
      continue;
    }
    const next = text[i + 1];
    if (next === '%') literal += '%';
    else if (next === '_') literal += ' ';
    else if (next === '-') literal += '%20';
    else if (next === '{') {
      const close = text.indexOf('}', i + 2);
      if (close < 0) return undefined;
      const match = /^([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(text.slice(i + 2, close));
      if (!match) return undefined;
      const [, rawLetter = '', digitText = '', reverse = '', delimiters = ''] = match;
      const letter = rawLetter.toLowerCase();
      if (!letters.includes(letter)) return undefined;
      // A DIGIT transformer must be nonzero (7.3); a huge one simply means "all parts".
      if (digitText !== '' && Number(digitText) === 0) return undefined;
      flush();
      tokens.push({
        kind: 'macro',
        letter,
        escape: rawLetter !== letter,
        ...(digitText !== '' ? { digits: Math.min(Number(digitText), 1000) } : {}),
        reverse: reverse.toLowerCase() === 'r',
        delimiters: delimiters || '.',
      });
      i = close;
      continue;
    } else return undefined;
    i++;
  }
  flush();
  return { tokens, endsWithExpand };
}

const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/** domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand. */
export function parseDomainSpec(text: string): MacroString | undefined {
  const scanned = scanMacroString(text, false);
  if (!scanned || text === '') return undefined;
  const parsed = { text, tokens: scanned.tokens };
  if (scanned.endsWithExpand) return parsed;
  const withoutDot = text.endsWith('.') ? text.slice(0, -1) : text;
  const dot = withoutDot.lastIndexOf('.');
  if (dot < 0) return undefined;
  return TOPLABEL.test(withoutDot.slice(dot + 1)) ? parsed : undefined;
}

export function usesLetters(macro: MacroString, letters: string): boolean {
  return macro.tokens.some((token) => token.kind === 'macro' && letters.includes(token.letter));
}

/** Values for the macro letters; `p` is resolved lazily because it costs DNS queries. */
export interface MacroContext {
  sender: string;
  localPart: string;
  senderDomain: string;
  domain: string;
  /** %{i}: dotted quad, or 32 dot-separated nibbles for IPv6. */
  ipDotted: string;
  /** %{c}: the address for humans. */
  ipReadable: string;
  ipVersion: 4 | 6;
  helo: string;
  receiver: string;
  timestamp: number;
  validatedName: () => Promise<string>;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** URL-escape everything outside the unreserved set (7.3), byte-wise. */
export function urlEscape(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

async function letterValue(letter: string, context: MacroContext): Promise<string> {
  switch (letter) {
    case 's':
      return context.sender;
    case 'l':
      return context.localPart;
    case 'o':
      return context.senderDomain;
    case 'd':
      return context.domain;
    case 'i':
      return context.ipDotted;
    case 'c':
      return context.ipReadable;
    case 'p':
      return context.validatedName();
    case 'v':
      return context.ipVersion === 4 ? 'in-addr' : 'ip6';
    case 'h':
      return context.helo;
    case 'r':
      return context.receiver;
    case 't':
      return String(context.timestamp);
    default:
      return '';
  }
}

function transform(value: string, token: Extract<MacroToken, { kind: 'macro' }>): string {
  const hasTransform = token.digits !== undefined || token.reverse || token.delimiters !== '.';
  if (!hasTransform) return value;
  const splitter = new RegExp(`[${token.delimiters.replace(/[-\\\]^/]/g, '\\$&')}]`);
  let parts = value.split(splitter);
  if (token.reverse) parts = parts.reverse();
  if (token.digits !== undefined && token.digits < parts.length) parts = parts.slice(parts.length - token.digits);
  return parts.join('.');
}

export async function expandMacroString(macro: MacroString, context: MacroContext): Promise<string> {
  let out = '';
  for (const token of macro.tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const value = transform(await letterValue(token.letter, context), token);
    out += token.escape ? urlEscape(value) : value;
  }
  return out;
}

/**
 * A domain name from an expanded domain-spec: the trailing dot dropped, and when longer
 * than 253 characters, labels removed from the left until it fits (7.3).
 */
export function toQueryName(expanded: string): string {
  let name = expanded.endsWith('.') ? expanded.slice(0, -1) : expanded;
  while (name.length > 253 && name.includes('.')) name = name.slice(name.indexOf('.') + 1);
  return name;
}

/** Whether a DNS query can be formed for the name (no empty or over-long labels). */
export function isQueryableName(name: string): boolean {
  if (name === '' || name.length > 253) return false;
  return name.split('.').every((label) => label.length > 0 && label.length <= 63);
}

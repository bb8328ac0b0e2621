/**
 * A small HTML tagged template: every interpolated value is escaped unless it is
 * already SafeHtml, so a page cannot be built with an unescaped user string by
 * accident. Arrays are joined; null, undefined and false render as nothing.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

type Renderable = SafeHtml | string | number | boolean | null | undefined | readonly Renderable[];

function render(value: Renderable): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly Renderable[]).map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Renderable[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Trusted markup built elsewhere (never from user input). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/**
 * Text that someone else chose: a name of an organisation, user, domain or token, an
 * e-mail address, a value from a scanned site. Escaped like any value, and isolated in
 * <bdi>, so a direction override in it (U+202E and friends) cannot reverse the sentence
 * around it. Every view shows such text through this (or userSentence below).
 */
export function userText(text: string | null | undefined): SafeHtml {
  return text ? new SafeHtml(`<bdi>${escapeHtml(text)}</bdi>`) : new SafeHtml('');
}

const SLOT = /\uE000(\d+)\uE001/g;

/**
 * A translated sentence with user text in it: each string parameter is isolated in <bdi>
 * (numbers stay numbers, for plurals); `ours` are our own words (a role), put in as they are.
 * The parameters go into the translation as private-use placeholders, so the escaped
 * sentence can take the isolated values back in.
 */
export function userSentence(
  t: (key: string, params?: Record<string, string | number>) => string,
  key: string,
  params: Record<string, string | number>,
  ours: Record<string, string> = {},
): SafeHtml {
  const values: string[] = [];
  const slotted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') {
      values.push(value);
      slotted[name] = `\uE000${values.length - 1}\uE001`;
    } else slotted[name] = value;
  }
  const sentence = escapeHtml(t(key, { ...slotted, ...ours }));
  return new SafeHtml(sentence.replace(SLOT, (_, index: string) => userText(values[Number(index)] ?? '').value));
}

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (evidence, an audit record's detail) with its direction controls written as
 * JSON escapes (\u202e), so a value cannot reverse the lines around it; still valid JSON.
 */
export function jsonWithoutBidi(json: string): string {
  return json.replace(BIDI_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

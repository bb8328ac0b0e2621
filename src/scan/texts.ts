/**
 * Turns a check's MessageRefs into sentences in the scan's language, with i18next
 * (plurals per language, {{placeholder}} interpolation). Each check carries its own
 * texts; they are loaded into one i18next instance, namespaced by check id.
 */
import i18next, { type i18n } from 'i18next';
import { LANGS, type Lang } from '../core/lang.js';
import type { Check, MessageRef } from './check.js';

const instances = new Map<readonly Check[], i18n>();

function instanceFor(checks: readonly Check[]): i18n {
  let instance = instances.get(checks);
  if (!instance) {
    const resources: Record<string, Record<string, Record<string, string>>> = {};
    for (const lang of LANGS) {
      resources[lang] = {};
      for (const check of checks) resources[lang][check.id] = check.texts[lang];
    }
    instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: 'en',
      fallbackLng: false,
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      // Output is plain text; the HTML report escapes on its own.
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
    instances.set(checks, instance);
  }
  return instance;
}

export class MissingTextError extends Error {}

/**
 * Where a text is shown. The web app has its own controls where the CLI has flags, so a
 * check whose text names a flag (`--dkim-selector`) gives the web its own wording under
 * the same key with `.web` appended; the web renders that one when it exists.
 */
export type Surface = 'cli' | 'web';

export const WEB_SUFFIX = '.web';

/** How to render: for which surface, and whether to mark parameters for isolation. */
export interface RenderOptions {
  surface?: Surface;
  isolate?: boolean;
}

/**
 * Markers around each text parameter (a host name, a header value, a record: often what a
 * scanned site wrote) when the caller asks to isolate them: the web page turns them into
 * <bdi>, so a direction override from a site cannot reverse our sentence. Private-use
 * characters, removed from the values themselves so the markers always pair up.
 */
export const ISOLATE_START = '\uE002';
export const ISOLATE_END = '\uE003';

function isolated(params: MessageRef['params']): MessageRef['params'] {
  if (!params) return params;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? `${ISOLATE_START}${value.replace(/[\uE002\uE003]/g, '')}${ISOLATE_END}` : value]),
  );
}

/** Render one message of `check` in `lang`. Throws when the key does not exist (a bug, caught by tests). */
export function renderMessage(checks: readonly Check[], check: Check, message: MessageRef, lang: Lang, options: RenderOptions = {}): string {
  const instance = instanceFor(checks);
  const params = options.isolate ? isolated(message.params) : message.params;
  const values = { ...params, ...renderedLists(instance, check, message, lang), lng: lang, ns: check.id };
  if (!instance.exists(message.key, values)) {
    throw new MissingTextError(`check ${check.id} has no text '${message.key}' in ${lang}`);
  }
  const key = options.surface === 'web' && instance.exists(message.key + WEB_SUFFIX, values) ? message.key + WEB_SUFFIX : message.key;
  return String(instance.t(key, values));
}

/** The message's list placeholders, each item one of the check's texts, joined per language. */
function renderedLists(instance: i18n, check: Check, message: MessageRef, lang: Lang): Record<string, string> {
  const lists: Record<string, string> = {};
  for (const [name, keys] of Object.entries(message.lists ?? {})) {
    const items = keys.map((key) => {
      if (!instance.exists(key, { lng: lang, ns: check.id })) throw new MissingTextError(`check ${check.id} has no text '${key}' in ${lang}`);
      return String(instance.t(key, { lng: lang, ns: check.id }));
    });
    lists[name] = new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  }
  return lists;
}

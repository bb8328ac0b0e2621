/** `weerbaar checks`: every check id with its title and what it verifies. */
import { langFromEnvironment, parseFlags } from '../core/args.js';
import { UsageError } from '../core/errors.js';
import { isLang, LANGS } from '../core/lang.js';
import { CHECKS } from '../scan/checks/registry.js';
import type { Io } from './io.js';

export function checksCommand(argv: string[], io: Io): number {
  const { values } = parseFlags({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean', default: false }, lang: { type: 'string' } },
  });
  const lang = values.lang ?? langFromEnvironment(io.env);
  if (!isLang(lang)) throw new UsageError(`--lang: '${lang}' is not one of ${LANGS.join(', ')}`);
  const list = CHECKS.map((check) => ({ id: check.id, title: check.texts[lang].title, verifies: check.texts[lang].verifies }));
  if (values.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
  else io.out(list.map((check) => `${check.id.padEnd(36)} ${check.title}`).join('\n') + '\n');
  return 0;
}

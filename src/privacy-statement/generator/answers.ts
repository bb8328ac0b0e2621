/**
 * `validateAnswers`: the one gate for answers from the CLI, the form and the API. The shape
 * comes from the schema (answers-schema.ts), the rules between fields from answers-rules.ts.
 */
import { Value } from 'typebox/value';
import { checkSemantics } from './answers-rules.js';
import { StatementAnswersSchema, type AnswersValidation, type FieldError } from './answers-schema.js';
import { schemaErrors } from './schema-errors.js';

export * from './answers-schema.js';

/** At most this many problems are listed; a file with more has a bigger problem than its details. */
const MAX_ERRORS = 50;

/**
 * Check untrusted input (parsed JSON, a form body). Shape errors come first; the rules between
 * fields are checked once the shape is right, so every message is about a value that exists.
 */
export function validateAnswers(input: unknown): AnswersValidation {
  const oversized = sizeProblem(input);
  if (oversized) return { ok: false, errors: [oversized] };
  const shape = schemaErrors(StatementAnswersSchema, input);
  if (shape.length > 0) return { ok: false, errors: shape.slice(0, MAX_ERRORS) };
  // The messages above come from a bounded list of raw errors; validity is decided in full.
  if (!Value.Check(StatementAnswersSchema, input)) return { ok: false, errors: [{ field: '(answers)', message: 'does not have the shape of an answers file' }] };
  const answers = input;
  const rules = checkSemantics(answers);
  return rules.length > 0 ? { ok: false, errors: rules.slice(0, MAX_ERRORS) } : { ok: true, answers };
}

/** Far beyond any real answers file (the longest list allows 30 items, the deepest path is 6). */
const MAX_LIST = 60;
const MAX_KEYS = 40;
const MAX_DEPTH = 8;
/** Control characters other than tab and line breaks: never part of a statement. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A cheap walk before the schema: the schema's checks are not all linear (uniqueItems compares
 * every pair), so a hostile list of 50,000 items would block the server for seconds. Also
 * refuses control characters, which no field needs.
 */
function sizeProblem(input: unknown): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: input, path: '', depth: 0 }];
  const field = (path: string) => (path === '' ? '(answers)' : path);
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (CONTROL.test(value)) return { field: field(path), message: 'must not contain control characters' };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { field: field(path), message: 'is nested deeper than any answers file' };
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) return { field: field(path), message: `must list at most ${MAX_LIST} items` };
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    const entries = Object.entries(value);
    if (entries.length > MAX_KEYS) return { field: field(path), message: `has ${entries.length} fields; an answers file has at most ${MAX_KEYS} in one place` };
    for (const [key, inner] of entries) stack.push({ value: inner, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return undefined;
}

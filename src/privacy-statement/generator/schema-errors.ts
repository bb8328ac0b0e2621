/**
 * TypeBox's validation errors turned into one plain message per field, with the field as a
 * path a person reads (`activities[2].legalBasis`), not a JSON pointer. A union (anyOf) reports
 * every branch's failure; we keep only the branch whose type matches the value, so a text
 * that is too long says "too long" rather than "must be an object".
 */
import type { TSchema } from 'typebox';
import { Settings } from 'typebox/system';
import { Value } from 'typebox/value';

export interface FieldProblem {
  field: string;
  message: string;
}

interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

type SchemaNode = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .replace(/^#/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** `/activities/2/legalBasis` → `activities[2].legalBasis`. */
export function fieldPath(pointer: string, extra?: string): string {
  const segments = [...pointerSegments(pointer), ...(extra !== undefined ? [extra] : [])];
  let path = '';
  for (const segment of segments) path += /^\d+$/.test(segment) ? `[${segment}]` : path === '' ? segment : `.${segment}`;
  return path === '' ? '(answers)' : path;
}

function walk(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function messageFor(error: RawError, node: SchemaNode | undefined): string {
  const limit = typeof error.params.limit === 'number' ? error.params.limit : undefined;
  switch (error.keyword) {
    case 'type':
      return `must be ${TYPE_WORDS[String(error.params.type)] ?? String(error.params.type)}`;
    case 'enum': {
      const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues.map(String) : [];
      return `must be one of: ${allowed.join(', ')}`;
    }
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters`;
    case 'maxLength':
      return `must be at most ${limit} characters`;
    case 'minItems':
      return `must list at least ${limit} ${limit === 1 ? 'item' : 'items'}`;
    case 'maxItems':
      return `must list at most ${limit} items`;
    case 'uniqueItems':
      return 'must not list the same value twice';
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'minProperties':
      return 'must give a text for at least one language';
    case 'pattern':
      return typeof node?.errorMessage === 'string' ? node.errorMessage : 'has the wrong format';
    default:
      return error.message;
  }
}

function schemaAt(root: TSchema, schemaPath: string): SchemaNode | undefined {
  const node = walk(root, schemaPath);
  return isRecord(node) ? node : undefined;
}

/**
 * TypeBox stops collecting after `maxErrors` (default 8, a global setting). We want every
 * problem of a hand-written file listed, so we raise it for this one synchronous call, still
 * bounded, and put the global back.
 */
const MAX_RAW_ERRORS = 200;

function collect(schema: TSchema, input: unknown): RawError[] {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: MAX_RAW_ERRORS });
  try {
    return [...Value.Errors(schema, input)] as RawError[];
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

/** Every problem with `input`, at most one message per field and kind. */
export function schemaErrors(schema: TSchema, input: unknown): FieldProblem[] {
  const errors = collect(schema, input);
  const dropped = new Set<RawError>();
  const problems: FieldProblem[] = [];

  for (const error of errors) {
    if (error.keyword !== 'anyOf') continue;
    dropped.add(error);
    const branches = schemaAt(schema, error.schemaPath)?.anyOf;
    const valueType = jsonType(walk(input, error.instancePath));
    const match = Array.isArray(branches)
      ? branches.findIndex((branch) => isRecord(branch) && (branch.type === valueType || (branch.type === 'number' && valueType === 'integer')))
      : -1;
    const branchPrefix = (index: number) => `${error.schemaPath}/anyOf/${index}`;
    for (const other of errors) {
      if (other === error || !other.schemaPath.startsWith(`${error.schemaPath}/anyOf/`)) continue;
      const inMatch = match >= 0 && (other.schemaPath === branchPrefix(match) || other.schemaPath.startsWith(`${branchPrefix(match)}/`));
      if (!inMatch) dropped.add(other);
    }
    if (match < 0) {
      const node = schemaAt(schema, error.schemaPath);
      problems.push({ field: fieldPath(error.instancePath), message: typeof node?.errorMessage === 'string' ? node.errorMessage : 'has the wrong type' });
    }
  }

  for (const error of errors) {
    if (dropped.has(error)) continue;
    // "schema is false" for an unknown key: the same as the additionalProperties error (deduplicated
    // below), and when many unknown keys fill the bounded error list it may be the only one there.
    if (error.keyword === 'boolean') {
      problems.push({ field: fieldPath(error.instancePath), message: 'is not a known field' });
      continue;
    }
    if (error.keyword === 'required' && Array.isArray(error.params.requiredProperties)) {
      for (const name of error.params.requiredProperties) problems.push({ field: fieldPath(error.instancePath, String(name)), message: 'is required' });
      continue;
    }
    if (error.keyword === 'additionalProperties' && Array.isArray(error.params.additionalProperties)) {
      for (const name of error.params.additionalProperties) problems.push({ field: fieldPath(error.instancePath, String(name)), message: 'is not a known field' });
      continue;
    }
    problems.push({ field: fieldPath(error.instancePath), message: messageFor(error, schemaAt(schema, error.schemaPath)) });
  }

  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
